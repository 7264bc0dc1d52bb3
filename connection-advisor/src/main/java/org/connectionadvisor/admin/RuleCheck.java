package org.connectionadvisor.admin;

import static org.connectionadvisor.admin.SubsetGrammar.ANNOTATIONS;
import static org.connectionadvisor.admin.SubsetGrammar.ANNOTATION_NAMES;
import static org.connectionadvisor.admin.SubsetGrammar.FINDING_SALIENCE;
import static org.connectionadvisor.admin.SubsetGrammar.KINDS;
import static org.connectionadvisor.admin.SubsetGrammar.LAYER;
import static org.connectionadvisor.admin.SubsetGrammar.ROW_BANDS;
import static org.connectionadvisor.admin.SubsetGrammar.ROW_ID;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.Echo;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/** One rule's checks: attributes, annotations and kind, conditions, consequence. */
final class RuleCheck {
    final FileCheck in;
    final RuleDescr rule;
    private long subrules = 1;
    private final Map<String, String> annotations = new HashMap<>();
    private Integer salience;

    RuleCheck(FileCheck in, RuleDescr rule) {
        this.in = in;
        this.rule = rule;
    }

    void run() {
        if (rule instanceof QueryDescr) {
            refuse(rule.getLine(), "query is not in the subset: rules recommend, they are not queried");
            return;
        }
        if (!printableName(rule.getName())) {
            refuse(rule.getLine(), "a rule name is printable text in double quotes, without a backslash, a quote or a control or"
                    + " bidi character; this one is \"" + Echo.value(rule.getName()) + "\"");
        }
        if (rule.getParentName() != null) {
            refuse(rule.getLine(), "extends is not in the subset: write each rule whole");
        }
        if (rule.getUnit() != null) {
            refuse(rule.getLine(), "unit is not in the subset: a rule file has a package, imports and rules");
        }
        for (String name : rule.getNamedConsequences().keySet()) {
            refuse(rule.getConsequenceLine(), "then[" + name + "] is not in the subset: a rule has one consequence");
        }
        attributes();
        annotations();
        int before = in.problems.size();
        conditions();
        boolean conditionsChecked = in.problems.size() == before;
        Consequence consequence = consequence();
        String row = annotations.get(RuleBase.ROW);
        boolean isRow = row != null;
        boolean isFinding = annotations.containsKey(LAYER);
        if (isRow && isFinding) {
            refuse(rule.getLine(), KINDS + "; this one is both");
        } else if (isRow) {
            rowRule(consequence, conditionsChecked);
        } else if (isFinding) {
            findingRule(consequence);
        } else if (annotations.size() == rule.getAnnotations().size()) {
            refuse(rule.getLine(), KINDS + "; this one has neither"); // (with an annotation refused, that message says more)
        }
        in.rules.add(new CheckedRule(rule, in.file, row, isRow ? annotationLine(RuleBase.ROW) : 0, consequence, consequenceLine(),
                subrules));
    }

    /** What the parse made of the name: written with a \\ escape (\\u0022, \\n) it is refused, whatever it decodes to. */
    private static boolean printableName(String name) {
        return name != null && !name.isEmpty() && name.indexOf('\\') < 0 && name.indexOf('"') < 0
                && name.codePoints().noneMatch(Echo::unprintable);
    }

    private void attributes() {
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (in.descr.getAttributes().stream().anyMatch(file -> file.getName().equals(attribute.getName())
                    && file.getLine() == attribute.getLine())) {
                continue; // Drools copies a file's attributes into each rule: the file's is reported once, at its line
            }
            if (!"salience".equals(attribute.getName())) {
                refuse(attribute.getLine(), attribute.getName() + " is not in the subset: salience is the only rule attribute");
            } else if (!attribute.getValue().strip().matches("-?[0-9]{1,9}")) {
                refuse(attribute.getLine(), "salience " + attribute.getValue().strip() + " is not in the subset: salience is a whole"
                        + " number, as salience 500");
            } else {
                salience = Integer.parseInt(attribute.getValue().strip());
            }
        }
    }

    /** Each annotation is one the grammar has, with one plain string: checked before anything evaluates annotations. */
    private void annotations() {
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            String name = annotation.getName();
            int line = annotationLine(name);
            if (!ANNOTATIONS.contains(name) || annotation.getFullyQualifiedName() != null) {
                refuse(line, "@" + name + " is not in the subset: " + ANNOTATION_NAMES);
            } else if (annotation.isDuplicated()) {
                refuse(line, "@" + name + " appears more than once: a rule has one");
            } else if (annotation.getValueMap().size() != 1 || !annotation.getValueMap().containsKey(AnnotationDescr.VALUE)
                    || !(annotation.getValue() instanceof String value) || !Literals.isLiteral(value.strip())) {
                refuse(line, "@" + name + " takes one string in double quotes, as @" + name + "(\"...\"), with \\\" for a quote");
            } else {
                String text = Literals.decode(value.strip());
                if (text.codePoints().anyMatch(Echo::unprintable)) {
                    refuse(line, "@" + name + "(\"" + Echo.value(text) + "\") holds a control or formatting character: annotations"
                            + " are plain text on one line");
                    continue;
                }
                if (LAYER.equals(name) && !"finding".equals(text)) {
                    refuse(line, "@layer(\"" + text + "\") is not in the subset: the one layer is @layer(\"finding\")");
                } else if (RuleBase.ROW.equals(name) && !ROW_ID.matcher(text).matches()) {
                    refuse(line, "row id \"" + text + "\" is not lowercase words joined by hyphens, as \"remote-needs-proxy\"");
                } else {
                    annotation.setValue(Literals.quoted(text));
                    annotations.put(name, text);
                }
            }
        }
    }

    private void rowRule(Consequence consequence, boolean conditionsChecked) {
        List<String> missing = List.of(RuleBase.TITLE, RuleBase.SOURCE, RuleBase.SECTION).stream()
                .filter(name -> rule.getAnnotation(name) == null).map(name -> "@" + name).toList();
        if (!missing.isEmpty()) {
            refuse(rule.getLine(), "a row rule needs @title, @source and @section: missing " + String.join(", ", missing));
        }
        if (rule.getAttributes().get("salience") == null) {
            refuse(rule.getLine(), "a row rule needs a salience: " + ROW_BANDS);
        } else if (salience != null && (salience < 100 || salience > 799)) {
            refuse(salienceLine(), "salience " + salience + " is outside the bands: " + ROW_BANDS);
        }
        if (consequence != null && !"Advice".equals(consequence.type())) {
            refuse(consequenceLine(), "a row rule inserts Advice.of( kcontext, ... ); " + consequence.factory() + " is for finding rules");
        }
        List<BaseDescr> conditions = rule.getLhs() == null ? List.of() : rule.getLhs().getDescrs();
        if (conditionsChecked && (conditions.isEmpty() || !isTable(conditions.get(0)))) {
            refuse(conditions.isEmpty() ? rule.getLine() : line(conditions.get(0)), "a row rule's first condition is its table:"
                    + " Topic( name == \"...\" ), or ( Topic( name == \"...\" ) or Topic( name == \"...\" ) )");
        }
    }

    private void findingRule(Consequence consequence) {
        for (String name : List.of(RuleBase.TITLE, RuleBase.SOURCE, RuleBase.SECTION)) {
            if (annotations.containsKey(name)) {
                refuse(annotationLine(name), "@" + name + " belongs to row rules: a finding rule has only @layer(\"finding\")");
            }
        }
        if (rule.getAttributes().get("salience") == null) {
            refuse(rule.getLine(), "a finding rule needs salience " + FINDING_SALIENCE);
        } else if (salience != null && salience != FINDING_SALIENCE) {
            refuse(salienceLine(), "salience " + salience + " is outside the bands: finding rules use " + FINDING_SALIENCE);
        }
        if (consequence != null && "Advice".equals(consequence.type())) {
            refuse(consequenceLine(), "a finding rule inserts Topic.of, Topic.firstSteps, Finding.of or Detail.of; Advice.of is for"
                    + " row rules (@row, @title, @source, @section)");
        }
    }

    /** Topic( name == "..." ...), or alternatives of such patterns. */
    private static boolean isTable(BaseDescr condition) {
        if (condition instanceof OrDescr alternatives) {
            return alternatives.getDescrs().stream().allMatch(RuleCheck::isTable);
        }
        if (!(condition instanceof PatternDescr pattern) || pattern.getSource() != null || !"Topic".equals(pattern.getObjectType())
                || pattern.getDescrs().isEmpty() || !(pattern.getDescrs().get(0) instanceof ExprConstraintDescr first)) {
            return false;
        }
        Constraint table = Constraint.parse(first.getExpression());
        return "name".equals(table.field()) && "==".equals(table.operator()) && table.values().get(0) instanceof Constraint.Text;
    }

    private void conditions() {
        ConditionCheck conditions = new ConditionCheck(in, rule);
        conditions.run();
        subrules = conditions.subrules();
    }


    private Consequence consequence() {
        Object text = rule.getConsequence();
        try {
            Consequence consequence = Consequence.parse(text == null ? "" : text.toString());
            rule.setConsequence(consequence.java());
            return consequence;
        } catch (Refused refused) {
            String written = text == null ? "" : text.toString();
            refuse(written.isBlank() ? rule.getConsequenceLine() : consequenceLine() + refused.line() - 1, refused.getMessage());
            return null;
        }
    }

    /** The line the consequence text starts on: the first one after "then" that is not blank. */
    private int consequenceLine() {
        String text = in.file.text();
        int at = in.file.lineStart(rule.getConsequenceLine()) + rule.getConsequencePattern() + "then".length();
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return in.file.lineAt(at);
    }

    private int salienceLine() {
        AttributeDescr attribute = rule.getAttributes().get("salience");
        return attribute == null ? rule.getLine() : attribute.getLine();
    }

    /** Drools keeps no line for an annotation: the first line of the rule's header that holds it. */
    private int annotationLine(String name) {
        Pattern annotation = Pattern.compile("@" + Pattern.quote(name) + "(?![\\w$.])");
        int last = rule.getLhs() != null && rule.getLhs().getLine() > 0 ? rule.getLhs().getLine() : rule.getConsequenceLine();
        for (int line = rule.getLine(); line <= last; line++) {
            String text = in.file.text().substring(in.file.lineStart(line), in.file.lineStart(line + 1));
            if (annotation.matcher(text).find()) {
                return line;
            }
        }
        return rule.getLine();
    }

    int line(BaseDescr descr) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }

    void refuse(int line, String message) {
        in.refuse(line, rule.getName(), message);
    }
}
