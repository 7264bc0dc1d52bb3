package org.connectionadvisor.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a rule base from DRL files: every file is parsed into Drools' descriptors and checked against the rule
 * subset (RuleSubset) before anything is built; only then are the descriptors shaped for the engine's indexes and
 * compiled, and the compiled classes checked (CompiledCode). Every problem of every file, in file and line order,
 * comes in one {@link RulesException}. A file that does not parse is reported and never compiled.
 */
public final class RuleCompiler {
    /** Problems as an admin reads them: file by file, top to bottom. */
    public static final Comparator<RuleProblem> IN_FILE_ORDER =
            Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line);

    private static final int BUILD_ON_THE_CALLING_THREAD = -1;

    private RuleCompiler() {
    }

    /** Compiles with the default diagnosis deadline: the packaged rules, and tests. */
    public static RuleBase compile(List<DrlFile> files) {
        return compile(files, RuleBase.DEFAULT_DIAGNOSIS_DEADLINE);
    }

    public static RuleBase compile(List<DrlFile> files, Duration diagnosisDeadline) {
        RuleSubset.Checked checked = RuleSubset.check(files);
        refuseIfAny(checked.problems());
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // On the calling thread, never on Drools' JVM-wide compiler pool, whose workers outlive the call (see RuleBase).
        configuration.setOption(ParallelRulesBuildThresholdOption.get(BUILD_ON_THE_CALLING_THREAD));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        for (RuleSubset.Parsed parsed : checked.files()) {
            HashedAlternatives.apply(parsed.descr());
            parsed.descr().setResource(ResourceFactory.newByteArrayResource(parsed.file().text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(parsed.file().path()));
            builder.add(ResourceFactory.newDescrResource(parsed.descr()).setSourcePath(parsed.file().path()), ResourceType.DESCR);
        }
        refuseIfAny(CompileProblems.of(builder.getResults(ResultSeverity.ERROR), files));
        Collection<KiePackage> packages = builder.getKnowledgePackages();
        refuseIfAny(CompiledCode.check(packages, (classFile, message) -> ruleOf(checked, classFile, message)));
        return RuleBase.of(packages, diagnosisDeadline, () -> DrlFile.version(files));
    }

    private static void refuseIfAny(List<RuleProblem> problems) {
        if (!problems.isEmpty()) {
            List<RuleProblem> sorted = new ArrayList<>(problems);
            sorted.sort(IN_FILE_ORDER);
            throw new RulesException(sorted);
        }
    }

    /**
     * The rule a generated class was compiled from: Drools names a rule's classes after the class name it records on
     * the rule's descriptor (Rule_NAME_HASH, its invoker Rule_NAME_HASHDefaultConsequenceInvoker).
     */
    private static RuleProblem ruleOf(RuleSubset.Checked checked, String classFile, String message) {
        String simpleName = classFile.substring(classFile.lastIndexOf('/') + 1);
        for (RuleSubset.Parsed parsed : checked.files()) {
            for (RuleDescr rule : parsed.descr().getRules()) {
                if (rule.getClassName() != null && (simpleName.equals(rule.getClassName() + ".class")
                        || simpleName.startsWith(rule.getClassName() + "DefaultConsequenceInvoker")
                        || simpleName.startsWith(rule.getClassName() + "$"))) {
                    return new RuleProblem(parsed.file().path(), rule.getLine(), rule.getName(), message);
                }
            }
        }
        return new RuleProblem(checked.files().get(0).file().path(), 0, null, message + " (in " + classFile + ")");
    }

    /**
     * Drools indexes a pattern's {@code field == "literal"} tests (a fact reaches only the patterns that test its value),
     * but evaluates {@code field in ( ... )} against every fact of the type. A rule whose pattern starts with
     * {@code in} is therefore compiled as alternatives of {@code ==} patterns: the same matches (a field holds one
     * value), found through the index, so rules that do not apply cost nothing however many there are.
     */
    static final class HashedAlternatives {
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
            // The subset has checked the constraint and written it in its canonical form.
            Constraint in = Constraint.parse(first.getExpression());
            if (!Constraint.IN.equals(in.operator())) {
                return null;
            }
            OrDescr alternatives = new OrDescr();
            alternatives.setLocation(pattern.getLine(), pattern.getColumn());
            alternatives.setResource(pattern.getResource());
            for (Constraint.Value value : in.values()) {
                PatternDescr alternative = pattern.clone();
                alternative.removeAllConstraint();
                ExprConstraintDescr equals = new ExprConstraintDescr(new Constraint(in.field(), "==", List.of(value)).text());
                equals.setLocation(first.getLine(), first.getColumn());
                equals.setResource(first.getResource());
                alternative.addConstraint(equals);
                pattern.getDescrs().stream().skip(1).forEach(alternative::addConstraint);
                alternatives.addDescr(alternative);
            }
            return alternatives;
        }
    }
}
