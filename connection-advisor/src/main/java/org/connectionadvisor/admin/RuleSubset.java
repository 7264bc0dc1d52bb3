package org.connectionadvisor.admin;

import static org.connectionadvisor.admin.SubsetGrammar.MAX_NESTING;
import static org.connectionadvisor.admin.SubsetGrammar.MAX_SUBRULES;
import static org.connectionadvisor.admin.SubsetGrammar.MAX_TOTAL_SUBRULES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.engine.Placeholders;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
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
    /** Syntax errors listed for one file: past the first few, the parser is only following its own recovery. */
    static final int MAX_PARSE_PROBLEMS = 50;

    private RuleSubset() {
    }

    /** A file and Drools' parse of it, checked and made canonical. */
    record Parsed(DrlFile file, PackageDescr descr) {
    }

    /** The files that could be parsed, in file order; build them only when {@code problems} is empty. */
    record Checked(List<Parsed> files, List<RuleProblem> problems) {
    }

    static Checked check(List<DrlFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        List<CheckedRule> rules = new ArrayList<>();
        boolean everyFileRead = true;
        AdvicePolicy policy = AdvicePolicy.of(files, problems);
        for (DrlFile file : files) {
            if (file.isPolicy()) {
                continue;
            }
            PackageDescr descr = read(file, problems);
            if (descr == null) {
                everyFileRead = false;
                continue;
            }
            FileCheck fileCheck = new FileCheck(file, descr, problems, rules);
            fileCheck.run();
            for (RuleDescr rule : descr.getRules()) {
                new RuleCheck(fileCheck, rule).run();
            }
            parsed.add(new Parsed(file, descr));
        }
        acrossFiles(rules, everyFileRead, problems);
        if (!rules.isEmpty()) {
            AdviceCheck.check(rules, policy, problems);
        }
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
            problems.add(new RuleProblem(file.path(), 1, null, "syntax error: " + CompileProblems.firstLine(e.getMessage())));
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
                        : new RuleProblem(file.path(), 1, null, "syntax error: " + CompileProblems.firstLine(error.getMessage()));
                once.merge(problem.line() + ":" + problem.message(), problem, (first, again) -> first.rule() == null ? again : first);
            }
            once.values().stream().limit(MAX_PARSE_PROBLEMS).forEach(problems::add);
            if (once.size() > MAX_PARSE_PROBLEMS) {
                problems.add(new RuleProblem(file.path(), file.lineAt(file.text().length()), null, (once.size() - MAX_PARSE_PROBLEMS)
                        + " more syntax errors in this file are not listed; mend the first ones and validate again"));
            }
            return null;
        }
        return descr;
    }

    private static void acrossFiles(List<CheckedRule> rules, boolean everyFileRead, List<RuleProblem> problems) {
        Map<String, CheckedRule> byName = new HashMap<>();
        Map<String, CheckedRule> byRow = new HashMap<>();
        Set<String> detailKeys = new HashSet<>();
        long subrules = 0;
        for (CheckedRule rule : rules) {
            long these = Math.min(rule.subrules(), MAX_SUBRULES + 1);
            subrules += these;
            if (subrules > MAX_TOTAL_SUBRULES && subrules - these <= MAX_TOTAL_SUBRULES) {
                problems.add(problem(rule, rule.descr().getLine(), "with this rule the files come to " + subrules + " subrules (or"
                        + " alternatives times in values, rule by rule), over the limit of " + MAX_TOTAL_SUBRULES + " for one rule set"));
            }
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
                    for (String key : new LinkedHashSet<>(Placeholders.keys(text))) {
                        if (!detailKeys.contains(key)) {
                            problems.add(problem(rule, rule.consequenceLine(), "{" + key + "} has no wording: no rule inserts"
                                    + " Detail.of( kcontext, \"" + key + "\", ... ); add a finding rule for each case"));
                        }
                    }
                }
            }
        }
    }

    private static RuleProblem problem(CheckedRule rule, int line, String message) {
        return new RuleProblem(rule.file().path(), line, rule.descr().getName(), message);
    }
}
