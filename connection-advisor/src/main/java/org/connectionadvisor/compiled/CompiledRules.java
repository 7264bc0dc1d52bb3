package org.connectionadvisor.compiled;

import java.util.ArrayList;
import java.util.List;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Collect;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the shape of compiled rules from Drools' internals (RuleImpl, Pattern, MVELConstraint), which its public API
 * does not show: the patterns of a rule with their fact types and constraints. Provenance (which inputs a result
 * rests on) and the question planner's RuleMentions both read rules through this class only.
 */
public final class CompiledRules {
    private CompiledRules() {
    }

    /**
     * One pattern of a rule.
     *
     * @param type        the fact type, or null where the pattern is not on a class
     * @param matched     whether the rule's match holds the fact: the pattern is neither under "not" nor inside
     *                    "collect" (or another source)
     * @param constraints the expressions of its constraints, as compiled ("field op value" in the rule subset; a
     *                    constraint Drools did not compile from an expression reads "? " and its class)
     * @param binding     the name the pattern binds its fact to ("$visualStudio"), or null
     */
    public record PatternShape(Class<?> type, boolean matched, List<String> constraints, String binding) {
    }

    /**
     * Every pattern of the rule, positive, under "not" or "exists", and inside "collect" (the collected pattern in
     * place of the collecting one).
     */
    public static List<PatternShape> patterns(Rule rule) {
        List<PatternShape> patterns = new ArrayList<>();
        collect(((RuleImpl) rule).getLhs(), false, patterns);
        return patterns;
    }

    /** The field a constraint tests: the rule subset allows only "field op value" constraints, so the field leads. */
    public static String field(String constraint) {
        return constraint.strip().split("[^A-Za-z0-9_]", 2)[0];
    }

    /** The path of the file the rule was compiled from, or null where Drools kept none. */
    public static String sourcePath(Rule rule) {
        RuleImpl impl = (RuleImpl) rule;
        return impl.getResource() == null ? null : impl.getResource().getSourcePath();
    }

    /** The rule's salience (a constant in the rule subset). */
    public static int salience(Rule rule) {
        return ((RuleImpl) rule).getSalience().getValue();
    }

    /** Keeps a value worked out once per rule, such as what its patterns test, in the compiled rule's metadata. */
    public static void remember(Rule rule, String key, Object value) {
        ((RuleImpl) rule).addMetaAttribute(key, value);
    }

    private static void collect(RuleConditionElement element, boolean negated, List<PatternShape> patterns) {
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                collect(child, negated || group.isNot(), patterns);
            }
        } else if (element instanceof Pattern pattern) {
            if (pattern.getSource() instanceof Collect collect) {
                collect(collect.getSourcePattern(), true, patterns);
                return;
            }
            List<String> constraints = new ArrayList<>();
            for (Constraint constraint : pattern.getConstraints()) {
                // Another kind of constraint is kept as one no reader can take for "field op value".
                constraints.add(constraint instanceof MVELConstraint mvel ? mvel.getExpression() : "? " + constraint.getClass().getSimpleName());
            }
            Class<?> type = pattern.getObjectType() instanceof ClassObjectType classType ? classType.getClassType() : null;
            String binding = pattern.getDeclaration() == null ? null : pattern.getDeclaration().getIdentifier();
            patterns.add(new PatternShape(type, !negated && pattern.getSource() == null, List.copyOf(constraints), binding));
        }
    }
}
