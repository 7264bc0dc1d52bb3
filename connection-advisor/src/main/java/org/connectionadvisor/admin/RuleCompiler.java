package org.connectionadvisor.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.engine.RuleBase;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a rule base from DRL files: each file is parsed into Drools' descriptors, shaped for the engine's indexes,
 * and compiled from those descriptors; every problem of every file, in file and line order, in one
 * {@link RulesException}.
 */
public final class RuleCompiler {
    /** Problems as an admin reads them: file by file, top to bottom. */
    public static final Comparator<RuleProblem> IN_FILE_ORDER =
            Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line);

    private RuleCompiler() {
    }

    public static RuleBase compile(List<DrlFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (DrlFile file : files) {
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try {
                descr = parser.parse(false, file.text());
            } catch (DroolsParserException e) {
                descr = null;
            }
            if (descr == null || !parser.getErrors().isEmpty()) {
                // The text path reports parse errors with the file's own lines and words.
                builder.add(resource(file), ResourceType.DRL);
                continue;
            }
            HashedAlternatives.apply(descr);
            Resource resource = resource(file);
            descr.setResource(resource);
            builder.add(ResourceFactory.newDescrResource(descr).setSourcePath(file.path()), ResourceType.DESCR);
        }
        problems.addAll(CompileProblems.of(builder.getResults(ResultSeverity.ERROR), files));
        if (!problems.isEmpty()) {
            problems.sort(IN_FILE_ORDER);
            throw new RulesException(problems);
        }
        return RuleBase.of(builder.getKnowledgePackages(), () -> DrlFile.version(files));
    }

    private static Resource resource(DrlFile file) {
        return ResourceFactory.newByteArrayResource(file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .setSourcePath(file.path());
    }

    /**
     * Drools indexes a pattern's {@code field == "literal"} tests (a fact reaches only the patterns that test its value),
     * but evaluates {@code field in ( ... )} against every fact of the type. A rule whose pattern starts with
     * {@code in} is therefore compiled as alternatives of {@code ==} patterns: the same matches (a field holds one
     * value), found through the index, so rules that do not apply cost nothing however many there are.
     */
    static final class HashedAlternatives {
        private static final Pattern LEADING_IN = Pattern.compile("\\s*(\\w+)\\s+in\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
        private static final Pattern STRING = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*(?:,|$)");

        private HashedAlternatives() {
        }

        static void apply(PackageDescr descr) {
            for (RuleDescr rule : descr.getRules()) {
                AndDescr lhs = rule.getLhs();
                if (lhs == null) {
                    continue;
                }
                List<BaseDescr> conditions = new ArrayList<>(lhs.getDescrs());
                for (int i = 0; i < conditions.size(); i++) {
                    if (conditions.get(i) instanceof PatternDescr pattern) {
                        OrDescr alternatives = alternatives(pattern);
                        if (alternatives != null) {
                            conditions.set(i, alternatives);
                        }
                    }
                }
                lhs.getDescrs().clear();
                conditions.forEach(lhs::addDescr);
            }
        }

        /** The pattern as alternatives when its first constraint is {@code field in ("a", "b", ...)}; else null. */
        private static OrDescr alternatives(PatternDescr pattern) {
            if (pattern.getSource() != null || pattern.getDescrs().isEmpty()
                    || !(pattern.getDescrs().get(0) instanceof ExprConstraintDescr first)) {
                return null;
            }
            Matcher in = LEADING_IN.matcher(first.getExpression());
            if (!in.matches()) {
                return null;
            }
            List<String> literals = literals(in.group(2));
            if (literals.isEmpty()) {
                return null;
            }
            OrDescr alternatives = new OrDescr();
            alternatives.setLocation(pattern.getLine(), pattern.getColumn());
            alternatives.setResource(pattern.getResource());
            for (String literal : literals) {
                PatternDescr alternative = pattern.clone();
                alternative.removeAllConstraint();
                ExprConstraintDescr equals = new ExprConstraintDescr(in.group(1) + " == " + literal);
                equals.setLocation(first.getLine(), first.getColumn());
                equals.setResource(first.getResource());
                alternative.addConstraint(equals);
                pattern.getDescrs().stream().skip(1).forEach(alternative::addConstraint);
                alternatives.addDescr(alternative);
            }
            return alternatives;
        }

        /** The string literals of an {@code in} list; empty when any element is something else. */
        private static List<String> literals(String list) {
            List<String> literals = new ArrayList<>();
            Matcher literal = STRING.matcher(list);
            int at = 0;
            while (at < list.length() && literal.find(at) && literal.start() == at) {
                literals.add(literal.group(1));
                at = literal.end();
            }
            return at == list.length() ? literals : List.of();
        }
    }
}
