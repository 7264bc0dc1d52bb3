package org.connectionadvisor.admin;

import static org.connectionadvisor.admin.SubsetGrammar.BINDING;
import static org.connectionadvisor.admin.SubsetGrammar.CONCLUDED;
import static org.connectionadvisor.admin.SubsetGrammar.CONDITIONS;
import static org.connectionadvisor.admin.SubsetGrammar.FACTS;
import static org.connectionadvisor.admin.SubsetGrammar.FACT_PACKAGE;
import static org.connectionadvisor.admin.SubsetGrammar.LIST;
import static org.connectionadvisor.admin.SubsetGrammar.MAX_IN_VALUES;
import static org.connectionadvisor.admin.SubsetGrammar.MAX_JOINED;
import static org.connectionadvisor.admin.SubsetGrammar.MAX_SUBRULES;
import static org.connectionadvisor.admin.SubsetGrammar.construct;
import static org.connectionadvisor.admin.SubsetGrammar.source;
import static org.connectionadvisor.admin.SubsetGrammar.typeName;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectionadvisor.Vocabulary;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/** A rule's conditions: patterns, or, not, exists and collect, each constraint, and the bindings between them. */
final class ConditionCheck {
    private final FileCheck in;
    private final RuleDescr rule;
    private final Map<String, String> bindings = new HashMap<>();
    private final Map<String, Integer> bindingLines = new HashMap<>();
    private int joined;
    /** Patterns on facts the rules create (Topic, Finding) joined outside not, exists and collect. */
    private int concluded;
    /** The subrules Drools builds for the rule: the product of its or alternatives and of the in lists compiled as such. */
    private long subrules = 1;

    ConditionCheck(FileCheck in, RuleDescr rule) {
        this.in = in;
        this.rule = rule;
    }

    void run() {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            return;
        }
        for (BaseDescr condition : lhs.getDescrs()) {
            if (condition instanceof PatternDescr pattern && pattern.getSource() == null) {
                joined(pattern);
                concluded(pattern, List.of(pattern));
                pattern(pattern, true);
                alternatives(pattern, inValues(pattern));
            } else if (condition instanceof PatternDescr pattern && pattern.getSource() instanceof CollectDescr collect) {
                collect(pattern, collect);
            } else if (condition instanceof PatternDescr pattern) {
                refuse(line(pattern), source(pattern) + " is not in the subset: " + CONDITIONS);
            } else if (condition instanceof NotDescr || condition instanceof ExistsDescr) {
                String word = condition instanceof NotDescr ? "not" : "exists";
                List<? extends BaseDescr> inside = ((ConditionalElementDescr) condition).getDescrs();
                if (inside.size() == 1 && inside.get(0) instanceof PatternDescr pattern && pattern.getSource() == null) {
                    pattern(pattern, false);
                } else {
                    refuse(line(condition), word + " takes one pattern, as " + word + " Fact( ... ): not a group, an or or a from");
                }
            } else if (condition instanceof OrDescr alternatives) {
                if (alternatives.getDescrs().size() > 1 && alternatives.getDescrs().stream()
                        .allMatch(alternative -> alternative instanceof PatternDescr pattern && pattern.getSource() == null)) {
                    joined(condition);
                    concluded(condition, alternatives.getDescrs());
                    alternatives.getDescrs().forEach(alternative -> pattern((PatternDescr) alternative, false));
                    alternatives(condition, alternatives.getDescrs().size());
                } else {
                    refuse(line(condition), "or joins patterns, as ( Fact( ... ) or Fact( ... ) ): not groups or froms");
                }
            } else {
                refuse(line(condition), construct(condition) + " is not in the subset: " + CONDITIONS);
            }
        }
    }

    long subrules() {
        return subrules;
    }

    /**
     * Each or, and each pattern whose first test is {@code in} (compiled as alternatives, see RuleCompiler), multiplies
     * the subrules Drools builds: counted here, before anything is built.
     */
    private void alternatives(BaseDescr condition, int count) {
        if (subrules > MAX_SUBRULES) {
            return; // refused already
        }
        subrules *= count;
        if (subrules > MAX_SUBRULES) {
            refuse(line(condition), "with this condition the rule is " + subrules + " subrules (its or alternatives times the values of"
                    + " the in lists that start its patterns), over the limit of " + MAX_SUBRULES + "; split it into rules");
        }
    }

    /** The values of a pattern's first test when it is {@code in}; 1 otherwise. */
    private static int inValues(PatternDescr pattern) {
        if (pattern.getDescrs().isEmpty() || !(pattern.getDescrs().get(0) instanceof ExprConstraintDescr first)) {
            return 1;
        }
        try {
            Constraint in = Constraint.parse(first.getExpression());
            return Constraint.IN.equals(in.operator()) ? in.values().size() : 1;
        } catch (Refused refused) {
            return 1; // refused where the constraint is checked
        }
    }

    /** A rule joins at most one pattern on the facts rules create, whose number grows with the rules, not the inputs. */
    private void concluded(BaseDescr condition, List<? extends BaseDescr> patterns) {
        if (patterns.stream().anyMatch(p -> p instanceof PatternDescr pattern && pattern.getObjectType() != null
                && CONCLUDED.contains(pattern.getObjectType()))
                && ++concluded == 2) {
            refuse(line(condition), "a rule joins at most one Topic or Finding pattern outside not, exists and collect: the rules"
                    + " create those facts, and a join of two multiplies their numbers; this is the second");
        }
    }

    private void joined(BaseDescr condition) {
        if (++joined == MAX_JOINED + 1) {
            refuse(line(condition), "a rule joins at most " + MAX_JOINED + " patterns outside not, exists and collect: each one"
                    + " multiplies the combinations the engine tries; this is the " + (MAX_JOINED + 1) + "th");
        }
    }

    private void collect(PatternDescr list, CollectDescr collect) {
        if (!LIST.equals(list.getObjectType()) || !list.getDescrs().isEmpty()) {
            refuse(line(list), "collect gathers into List(), with no constraints: List() from collect( Fact( ... ) )");
        } else if (!in.imported.contains(LIST)) {
            refuse(line(list), "List is not imported: add import java.util.List;");
        }
        patternShape(list, true);
        PatternDescr gathered = collect.getInputPattern();
        if (gathered.getSource() != null) {
            refuse(line(gathered), source(gathered) + " is not in the subset inside collect: collect( Fact( ... ) )");
        } else {
            pattern(gathered, false);
        }
        bind(list, LIST);
    }

    private void pattern(PatternDescr pattern, boolean bindable) {
        String type = pattern.getObjectType();
        if (type == null) {
            refuse(line(pattern), "an OOPath (/...) is not in the subset: a pattern is Fact( field == value, ... )");
            return;
        }
        if (!FACTS.containsKey(type)) {
            refuse(line(pattern), LIST.equals(type) ? "List() only gathers: List() from collect( Fact( ... ) )"
                    : "unknown fact type '" + type + "'" + Vocabulary.closest(type, FACTS.keySet()).map(near -> " (did you mean '"
                            + near + "'?)").orElse("") + ": the facts are " + String.join(", ", FACTS.keySet()));
            return;
        }
        if (!in.imported.contains(type)) {
            refuse(line(pattern), type + " is not imported: add import " + FACT_PACKAGE + ".*;");
        }
        if (!bindable && pattern.getIdentifier() != null) {
            refuse(line(pattern), "a binding is not in the subset here: only a pattern of its own or List() from collect is bound,"
                    + " as $x : Fact( ... )");
        }
        patternShape(pattern, bindable);
        for (BaseDescr constraint : pattern.getDescrs()) {
            constraint(type, constraint);
        }
        if (bindable) {
            bind(pattern, type);
        }
    }

    /** What a pattern may not carry, whatever its type. */
    private void patternShape(PatternDescr pattern, boolean bindable) {
        if (pattern.isUnification()) {
            refuse(line(pattern), "':=' is not in the subset: bind with $name : Fact( ... )");
        } else if (bindable && pattern.getIdentifier() != null && !BINDING.matcher(pattern.getIdentifier()).matches()) {
            refuse(line(pattern), "binding '" + pattern.getIdentifier() + "' is not in the subset: a binding is $ and a name, as"
                    + " $visualStudio");
        }
        if (pattern.isQuery()) {
            refuse(line(pattern), "a query call is not in the subset: " + CONDITIONS);
        }
        if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
            refuse(line(pattern), "over window is not in the subset: rules match facts, not windows of events");
        }
        for (AnnotationDescr annotation : pattern.getAnnotations()) {
            refuse(line(pattern), "@" + annotation.getName() + " on a pattern is not in the subset: patterns carry no annotations");
        }
    }

    private void bind(PatternDescr pattern, String type) {
        String binding = pattern.getIdentifier();
        if (binding == null || !BINDING.matcher(binding).matches()) {
            return;
        }
        if (bindings.containsKey(binding)) {
            refuse(line(pattern), binding + " is already bound at line " + bindingLines.get(binding) + "; bind each fact once");
        } else {
            bindings.put(binding, type);
            bindingLines.put(binding, line(pattern));
        }
    }

    private void constraint(String type, BaseDescr descr) {
        if (!(descr instanceof ExprConstraintDescr expression) || expression.getType() != ExprConstraintDescr.Type.NAMED) {
            refuse(line(descr), "a positional constraint is not in the subset: name the field, as " + type + "( "
                    + FACTS.get(type).keySet().iterator().next() + " == \"...\" )");
            return;
        }
        String leading = Constraint.leadingField(expression.getExpression());
        if (leading != null && !FACTS.get(type).containsKey(leading)) {
            field(type, leading, line(descr)); // an unknown field says more than whatever follows it
            return;
        }
        Constraint constraint;
        try {
            constraint = Constraint.parse(expression.getExpression());
        } catch (Refused refused) {
            refuse(line(descr), refused.getMessage());
            return;
        }
        Class<?> fieldType = field(type, constraint.field(), line(descr));
        if (fieldType == null) {
            return;
        }
        if (constraint.values().size() > MAX_IN_VALUES) {
            refuse(line(descr), "an in list holds at most " + MAX_IN_VALUES + " values; this one has " + constraint.values().size()
                    + ": split the rule");
            return;
        }
        for (Constraint.Value value : constraint.values()) {
            Class<?> valueType = valueType(value, line(descr));
            if (valueType != null && valueType != fieldType) {
                refuse(line(descr), type + "." + constraint.field() + " is " + typeName(fieldType) + ": compare it with "
                        + (fieldType == String.class ? "\"text\" in double quotes" : "a number, as 2013.2") + ", not with "
                        + value.text());
                return;
            }
        }
        expression.setExpression(constraint.text());
    }

    /** The type of a documented field, or null (with the problem) when the fact has no such field. */
    private Class<?> field(String type, String field, int line) {
        Map<String, Class<?>> fields = FACTS.get(type);
        if (fields == null) {
            refuse(line, type + " has no fields to compare; bind a fact pattern, as $x : Fact( ... ), and compare $x.FIELD");
            return null;
        }
        Class<?> fieldType = fields.get(field);
        if (fieldType == null) {
            refuse(line, type + " has no field '" + field + "'" + Vocabulary.closest(field, fields.keySet())
                    .map(near -> " (did you mean '" + near + "'?)").orElse("") + ": its fields are " + String.join(", ", fields.keySet()));
        }
        return fieldType;
    }

    private Class<?> valueType(Constraint.Value value, int line) {
        if (value instanceof Constraint.Text) {
            return String.class;
        }
        if (value instanceof Constraint.Number) {
            return double.class;
        }
        Constraint.FieldOf of = (Constraint.FieldOf) value;
        String bound = bindings.get(of.binding());
        if (bound == null) {
            refuse(line, "'" + of.binding() + "' is not bound before this pattern: bind it in an earlier one, as " + of.binding()
                    + " : Fact( ... )");
            return null;
        }
        return field(bound, of.field(), line);
    }

    private int line(BaseDescr descr) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }

    private void refuse(int line, String message) {
        in.refuse(line, rule.getName(), message);
    }
}
