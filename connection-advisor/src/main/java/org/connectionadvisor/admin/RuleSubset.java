package org.connectionadvisor.admin;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.input.Vocabulary;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Confirmed;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Finding;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Topic;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The DRL subset of rules-drl/README.md ("The DRL subset, as a grammar"), checked by allowlist on Drools' own parse of
 * each file before anything of it is built or evaluated: a part of a file is accepted because it is one the grammar
 * has, never because it lacks some word. What is accepted is also written back in one canonical form (each constraint,
 * each annotation value, each consequence), so that Drools compiles the text checked here and nothing the admin
 * could make it read differently. Every file is checked, and every problem of every file is reported.
 */
final class RuleSubset {
    private static final String PACKAGE = "org.connectionadvisor.drl";
    private static final String FACT_PACKAGE = "org.connectionadvisor.rules";
    private static final String LIST = "List";

    /**
     * The facts rules match on and the fields they may test: the README's fact table. The records have more
     * components (setting, label, inferred, inputs, ...), which belong to the advisor, not to rules.
     */
    private static final Map<String, Map<String, Class<?>>> FACTS = facts(
            fields(Symptom.class, "code", "product", "scope", "client"),
            fields(Context.class, "flag", "answer", "product", "scope", "client"),
            fields(Product.class, "name"),
            fields(Scope.class, "name"),
            fields(Client.class, "name"),
            fields(Os.class, "name"),
            fields(Release.class, "of", "version"),
            fields(Confirmed.class, "row"),
            fields(Topic.class, "name", "product", "scope", "client"),
            fields(Finding.class, "name"));
    /** What a file may import by name: the facts and the two result types whose factories consequences call. */
    private static final Set<String> IMPORTABLE = importable();
    /** The finding rules' annotation; the row rules' are the catalog's (RuleBase.ROW, TITLE, SOURCE, SECTION). */
    private static final String LAYER = "layer";
    private static final Set<String> ANNOTATIONS = Set.of(RuleBase.ROW, RuleBase.TITLE, RuleBase.SOURCE, RuleBase.SECTION, RuleBase.ACTOR, LAYER);
    private static final Pattern ROW_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    /** Deeper brackets than the grammar ever needs (3: an in list in a pattern in a collect); Drools' parser recurses on them. */
    private static final int MAX_NESTING = 8;
    /**
     * Patterns a rule may join, outside not, exists and collect. Each one multiplies the combinations the engine builds
     * in one step of a diagnosis, where no deadline can stop it; the packaged rules join at most 2.
     */
    private static final int MAX_JOINED = 3;
    private static final int FINDING_SALIENCE = 1000;

    private static final String ALLOWED_IMPORTS = "a rule file imports org.connectionadvisor.rules.* (or its facts, Advice and Detail by"
            + " name) and java.util.List";
    private static final String CONDITIONS = "a condition is Fact( ... ), $binding : Fact( ... ), not Fact( ... ), exists Fact( ... ),"
            + " ( Fact( ... ) or Fact( ... ) ) or List() from collect( Fact( ... ) )";
    private static final String ANNOTATION_NAMES = "a rule's annotations are @row, @title, @source and @section (row rules) or"
            + " @layer(\"finding\") (finding rules)";
    private static final String ROW_BANDS = "row rules use 300-799 (tables), 200-299 (checklists) or 100-199 (fallbacks)";
    private static final String KINDS = "a rule is either a row rule (@row, @title, @source, @section) or a finding rule"
            + " (@layer(\"finding\"))";

    private RuleSubset() {
    }

    /** A file and Drools' parse of it, checked and made canonical. */
    record Parsed(DrlFile file, PackageDescr descr) {
    }

    /** The files that could be parsed, in file order; build them only when {@code problems} is empty. */
    record Checked(List<Parsed> files, List<RuleProblem> problems) {
    }

    /** What the checks across files need of each rule. */
    private record CheckedRule(RuleDescr descr, DrlFile file, String row, int rowLine, Consequence consequence, int consequenceLine) {
    }

    static Checked check(List<DrlFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        List<CheckedRule> rules = new ArrayList<>();
        boolean everyFileRead = true;
        for (DrlFile file : files) {
            PackageDescr descr = read(file, problems);
            if (descr == null) {
                everyFileRead = false;
                continue;
            }
            new FileCheck(file, descr, problems, rules).run();
            parsed.add(new Parsed(file, descr));
        }
        acrossFiles(rules, everyFileRead, problems);
        return new Checked(List.copyOf(parsed), List.copyOf(problems));
    }

    /** Drools' parse of a file; null (with the problems) when it cannot be parsed: such a file is never compiled. */
    private static PackageDescr read(DrlFile file, List<RuleProblem> problems) {
        int deep = file.lineNestedDeeperThan(MAX_NESTING);
        if (deep > 0) {
            problems.add(new RuleProblem(file.path(), deep, file.ruleAt(deep), "brackets nest more than " + MAX_NESTING
                    + " deep here; the subset needs at most 3 (an in list, in a pattern, in a collect or an or)"));
            return null;
        }
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file.path(), 1, null, "syntax error: " + e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            problems.add(new RuleProblem(file.path(), 1, null, "the file nests too deeply to be read"));
            return null;
        }
        if (parser.hasErrors() || descr == null) {
            // The parser may say one thing twice, with and without the rule: once, with the rule, is enough.
            Map<String, RuleProblem> once = new LinkedHashMap<>();
            for (DroolsError error : parser.getErrors()) {
                RuleProblem problem = error instanceof ParserError parse ? CompileProblems.parserProblem(file, parse)
                        : new RuleProblem(file.path(), 1, null, "syntax error: " + error.getMessage());
                once.merge(problem.line() + ":" + problem.message(), problem, (first, again) -> first.rule() == null ? again : first);
            }
            problems.addAll(once.values());
            return null;
        }
        return descr;
    }

    private static void acrossFiles(List<CheckedRule> rules, boolean everyFileRead, List<RuleProblem> problems) {
        Map<String, CheckedRule> byName = new HashMap<>();
        Map<String, CheckedRule> byRow = new HashMap<>();
        Set<String> detailKeys = new HashSet<>();
        for (CheckedRule rule : rules) {
            CheckedRule sameName = byName.putIfAbsent(rule.descr().getName(), rule);
            if (sameName != null) {
                problems.add(problem(rule, rule.descr().getLine(), "rule name \"" + rule.descr().getName() + "\" is already used at "
                        + sameName.file().path() + ":" + sameName.descr().getLine() + "; rule names are unique across files"));
            }
            if (rule.row() != null) {
                CheckedRule sameRow = byRow.putIfAbsent(rule.row(), rule);
                if (sameRow != null) {
                    problems.add(problem(rule, rule.rowLine(), "row id \"" + rule.row() + "\" is already used by rule \""
                            + sameRow.descr().getName() + "\" at " + sameRow.file().path() + ":" + sameRow.rowLine()));
                }
            }
            if (rule.consequence() != null && "Detail".equals(rule.consequence().type())) {
                detailKeys.add(rule.consequence().texts().get(0));
            }
        }
        if (!everyFileRead) {
            return; // a Detail may be in the file that could not be read: no placeholder is reported missing on a guess
        }
        for (CheckedRule rule : rules) {
            if (rule.consequence() != null && "Advice".equals(rule.consequence().type())) {
                for (String text : rule.consequence().texts()) {
                    for (String key : placeholders(text)) {
                        if (!detailKeys.contains(key)) {
                            problems.add(problem(rule, rule.consequenceLine(), "{" + key + "} has no wording: no rule inserts"
                                    + " Detail.of( kcontext, \"" + key + "\", ... ); add a finding rule for each case"));
                        }
                    }
                }
            }
        }
    }

    /** The {key} placeholders of a text, read as the ranking reads them: from each '{' to the next '}'. */
    private static Set<String> placeholders(String text) {
        Set<String> keys = new LinkedHashSet<>();
        int open = text.indexOf('{');
        while (open >= 0) {
            int close = text.indexOf('}', open);
            if (close < 0) {
                break;
            }
            keys.add(text.substring(open + 1, close));
            open = text.indexOf('{', close + 1);
        }
        return keys;
    }

    private static RuleProblem problem(CheckedRule rule, int line, String message) {
        return new RuleProblem(rule.file().path(), line, rule.descr().getName(), message);
    }

    /** One file's checks: its package, imports and other top-level parts, then each rule. */
    private static final class FileCheck {
        private final DrlFile file;
        private final PackageDescr descr;
        private final List<RuleProblem> problems;
        private final List<CheckedRule> rules;
        private final Set<String> imported = new HashSet<>();

        FileCheck(DrlFile file, PackageDescr descr, List<RuleProblem> problems, List<CheckedRule> rules) {
            this.file = file;
            this.descr = descr;
            this.problems = problems;
            this.rules = rules;
        }

        void run() {
            int packageLine = Math.max(descr.getLine(), 1);
            if (descr.getName() == null || descr.getName().isEmpty()) {
                refuse(1, null, "the file has no package line: a rule file starts with package " + PACKAGE + ";");
            } else if (!PACKAGE.equals(descr.getName())) {
                refuse(packageLine, null, "package " + descr.getName() + " is not allowed: a rule file starts with package " + PACKAGE + ";");
            }
            if (descr.getUnit() != null) {
                refuse(packageLine, null, "unit is not in the subset: a rule file has a package, imports and rules");
            }
            for (ImportDescr anImport : descr.getImports()) {
                imports(anImport);
            }
            descr.getFunctionImports().forEach(d -> notInSubset(d, "import function (or import static)", "rules call no functions"));
            descr.getAccumulateImports().forEach(d -> notInSubset(d, "import accumulate", "rules accumulate nothing"));
            descr.getAttributes().forEach(d -> notInSubset(d, d.getName() + " for a whole file",
                    "a file has no attributes; salience is a rule's only attribute"));
            descr.getGlobals().forEach(d -> notInSubset(d, "global", "rules read only the facts"));
            descr.getFunctions().forEach(d -> notInSubset(d, "function", "a rule runs no code of its own"));
            descr.getTypeDeclarations().forEach(d -> notInSubset(d, "declare", "the facts are those of " + FACT_PACKAGE));
            descr.getEnumDeclarations().forEach(d -> notInSubset(d, "declare enum", "the facts are those of " + FACT_PACKAGE));
            descr.getEntryPointDeclarations().forEach(d -> notInSubset(d, "declare entry-point", "facts reach rules one way"));
            descr.getWindowDeclarations().forEach(d -> notInSubset(d, "declare window", "rules match facts, not windows of events"));
            for (RuleDescr rule : descr.getRules()) {
                new RuleCheck(this, rule).run();
            }
        }

        private void imports(ImportDescr anImport) {
            String target = anImport.getTarget();
            if ((FACT_PACKAGE + ".*").equals(target)) {
                imported.addAll(IMPORTABLE);
            } else if (target.startsWith(FACT_PACKAGE + ".") && IMPORTABLE.contains(target.substring(FACT_PACKAGE.length() + 1))) {
                imported.add(target.substring(FACT_PACKAGE.length() + 1));
            } else if (("java.util." + LIST).equals(target)) {
                imported.add(LIST);
            } else {
                refuse(anImport.getLine(), null, "import " + target + " is not allowed: " + ALLOWED_IMPORTS);
            }
        }

        private void notInSubset(BaseDescr part, String what, String instead) {
            refuse(Math.max(part.getLine(), 1), null, what + " is not in the subset: " + instead);
        }

        void refuse(int line, String rule, String message) {
            problems.add(new RuleProblem(file.path(), line, rule, message));
        }
    }

    /** One rule's checks: attributes, annotations and kind, conditions, consequence. */
    private static final class RuleCheck {
        private final FileCheck in;
        private final RuleDescr rule;
        private final Map<String, String> annotations = new HashMap<>();
        private final Map<String, String> bindings = new HashMap<>();
        private final Map<String, Integer> bindingLines = new HashMap<>();
        private Integer salience;
        private int joined;

        RuleCheck(FileCheck in, RuleDescr rule) {
            this.in = in;
            this.rule = rule;
        }

        void run() {
            if (rule instanceof QueryDescr) {
                refuse(rule.getLine(), "query is not in the subset: rules recommend, they are not queried");
                return;
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
            in.rules.add(new CheckedRule(rule, in.file, row, isRow ? annotationLine(RuleBase.ROW) : 0, consequence, consequenceLine()));
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
            AndDescr lhs = rule.getLhs();
            if (lhs == null) {
                return;
            }
            for (BaseDescr condition : lhs.getDescrs()) {
                if (condition instanceof PatternDescr pattern && pattern.getSource() == null) {
                    joined(pattern);
                    pattern(pattern, true);
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
                        alternatives.getDescrs().forEach(alternative -> pattern((PatternDescr) alternative, false));
                    } else {
                        refuse(line(condition), "or joins patterns, as ( Fact( ... ) or Fact( ... ) ): not groups or froms");
                    }
                } else {
                    refuse(line(condition), construct(condition) + " is not in the subset: " + CONDITIONS);
                }
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

        private int line(BaseDescr descr) {
            return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
        }

        private void refuse(int line, String message) {
            in.refuse(line, rule.getName(), message);
        }
    }

    private static String source(PatternDescr pattern) {
        BaseDescr source = pattern.getSource();
        if (source instanceof AccumulateDescr) {
            return "accumulate";
        }
        if (source instanceof EntryPointDescr) {
            return "from entry-point";
        }
        if (source instanceof WindowReferenceDescr) {
            return "from window";
        }
        if (source instanceof FromDescr from) {
            String expression = from.getDataSource() == null ? "" : from.getDataSource().toString().strip();
            return "from " + (expression.length() <= 40 ? expression : expression.substring(0, 37) + "...");
        }
        if (source instanceof CollectDescr) {
            return "collect";
        }
        return construct(source);
    }

    /** A condition's construct as an admin knows it from the DRL manual. */
    private static String construct(BaseDescr condition) {
        if (condition instanceof EvalDescr) {
            return "eval";
        }
        if (condition instanceof ForallDescr) {
            return "forall";
        }
        if (condition instanceof AccumulateDescr) {
            return "accumulate";
        }
        if (condition instanceof AndDescr) {
            return "a group ( ... and ... )";
        }
        if (condition instanceof NamedConsequenceDescr || condition instanceof ConditionalBranchDescr) {
            return "do[...]";
        }
        return condition.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT);
    }

    private static String typeName(Class<?> type) {
        return type == String.class ? "text" : "a number";
    }

    @SafeVarargs
    private static Map<String, Map<String, Class<?>>> facts(Map.Entry<String, Map<String, Class<?>>>... facts) {
        Map<String, Map<String, Class<?>>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Class<?>>> fact : facts) {
            byName.put(fact.getKey(), fact.getValue());
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The documented fields of a fact, typed from its record: a field the record lost fails here, at class loading. */
    private static Map.Entry<String, Map<String, Class<?>>> fields(Class<? extends Record> type, String... names) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (String name : names) {
            RecordComponent component = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no component " + name));
            fields.put(name, component.getType());
        }
        return Map.entry(type.getSimpleName(), Collections.unmodifiableMap(fields));
    }

    private static Set<String> importable() {
        Set<String> names = new HashSet<>(FACTS.keySet());
        names.add("Advice");
        names.add("Detail");
        return Set.copyOf(names);
    }
}
