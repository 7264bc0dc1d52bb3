package org.connectionadvisor.engine;

import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.Source;
import org.connectionadvisor.admin.CompileProblems;
import org.connectionadvisor.admin.DrlFile;
import org.connectionadvisor.admin.PrecompiledRules;
import org.connectionadvisor.admin.RuleLint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Pointer;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.io.ResourceFactory;

/**
 * A compiled, immutable rule base with its row catalog. Built once and shared by threads; every run gets a session
 * of its own from a pool, and disposing it resets it for the next run.
 */
public final class RuleBase {
    public static final String ROW = "row";
    public static final String TITLE = "title";
    public static final String SOURCE = "source";
    public static final String SECTION = "section";

    private static final Map<String, String> DOCUMENT_TITLES = Map.of(
            "CONNECT", "Troubleshoot connecting to a project",
            "TF31002", "TF31002: Unable to connect to VSTS or TFS",
            "SIGNIN", "Common causes of sign-in issues");

    private final KieBase kieBase;
    /** Resetting a used session costs less than building a new one (measured: about a fifth of a diagnosis). */
    private final KieSessionsPool sessions;
    /**
     * A session serves one thread from the pool until it is disposed, so it needs no locking inside (measured: a tenth
     * less per diagnosis); the pool's queue publishes it safely to the next thread.
     */
    private static final KieSessionConfiguration ONE_THREAD_AT_A_TIME = oneThreadAtATime();
    /*
     * No Drools thread outlives a call. Left to its defaults, Drools hands work to two JVM-wide static pools: the
     * rule compiler's ForkJoinPool (KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL, for packages of more than
     * drools.parallelRulesBuildThreshold rules; idle workers linger 60 s) and the KieExecutors executor of
     * ExecutorProviderFactory, whose "drools-worker" core threads never time out, fed by every constraint that is
     * evaluated drools.jittingThreshold (20) times, so by the first questions(). Neither can be stopped from here:
     * no API shuts them down, their holders are final (a shut-down pool would reject the next job of this library
     * and of every other Drools user in the JVM), and the only replacements (the drools.executorService JNDI name,
     * a KieExecutors service) are global as well. So the library's own builds and KieBases never use them, through
     * the per-builder and per-KieBase options of the same names: rules are built on the calling thread (-1: never in
     * parallel), and each constraint is jitted on its first evaluation on the calling thread (0: Drools' "jit at
     * first evaluation") instead of on a pool after 20: the first diagnosis on new rules pays for jitting the
     * constraints it evaluates (about 60 ms of CPU on the packaged rules, seconds at 5,000 generated rows), every
     * later one runs jitted code (warm, a median 54 against 63 µs for never jitting, -1, on a busy machine).
     */
    private static final int BUILD_ON_THE_CALLING_THREAD = -1;
    private static final int JIT_ON_FIRST_EVALUATION = 0;
    private final Map<String, Row> rows;
    private final int fireLimit;

    private RuleBase(KieBase kieBase, Map<String, Row> rows, int ruleCount) {
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(2);
        this.rows = rows;
        // Each rule fires once per match and facts are few; far beyond that a rule is re-triggering itself.
        this.fireLimit = 100 + 20 * ruleCount;
    }

    private static KieSessionConfiguration oneThreadAtATime() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    /** Lints, then compiles; every problem of either, in file and line order, in one RulesException. */
    public static RuleBase compile(List<DrlFile> files) {
        RuleLint.Report lint = RuleLint.check(files);
        List<RuleProblem> problems = new ArrayList<>(lint.problems());
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        configuration.setOption(ParallelRulesBuildThresholdOption.get(BUILD_ON_THE_CALLING_THREAD));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        if (!lint.unsafe()) { // code the lint refuses never even reaches the compiler
            for (DrlFile file : files) {
                builder.add(ResourceFactory.newByteArrayResource(file.text().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath(file.path()), ResourceType.DRL);
            }
            problems.addAll(CompileProblems.of(builder.getResults(ResultSeverity.ERROR), files));
        }
        if (!problems.isEmpty()) {
            problems.sort(RuleLint.IN_FILE_ORDER);
            throw new RulesException(problems);
        }
        return of(builder.getKnowledgePackages());
    }

    /** A rule base of compiled packages: just compiled, or precompiled at build time ({@link PrecompiledRules}). */
    public static RuleBase of(Collection<KiePackage> packages) {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(ConstraintJittingThresholdOption.get(JIT_ON_FIRST_EVALUATION));
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        kieBase.addPackages(packages);
        Map<String, Row> rows = new LinkedHashMap<>();
        int ruleCount = 0;
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                ruleCount++;
                Object id = rule.getMetaData().get(ROW);
                if (id != null) {
                    rows.put(id.toString(), row(id.toString(), (RuleImpl) rule));
                }
            }
        }
        return new RuleBase(kieBase, Collections.unmodifiableMap(rows), ruleCount);
    }

    private static Row row(String id, RuleImpl rule) {
        Map<String, Object> meta = rule.getMetaData();
        String[] documents = text(meta, SOURCE).split("\\|");
        String[] sections = text(meta, SECTION).split("\\|");
        List<Source> sources = new ArrayList<>(documents.length);
        for (int i = 0; i < documents.length; i++) {
            String document = documents[i].strip();
            String section = i < sections.length ? sections[i].strip() : "";
            sources.add(new Source(document, DOCUMENT_TITLES.getOrDefault(document, document), section));
        }
        String file = rule.getResource() == null ? null : rule.getResource().getSourcePath();
        return new Row(id, text(meta, TITLE), List.copyOf(sources), rule.getSalience().getValue(), rule.getName(), file);
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? "" : value.toString();
    }

    /** For tests that prove a replaced rule base is released, and for precompiling the packaged rules. */
    public KieBase kieBase() {
        return kieBase;
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public Set<String> rowIds() {
        return rows.keySet();
    }

    /** What one run of the rules produced: the advice of the row rules and the pointers of the finding rules. */
    public record Firing(List<Advice> advice, Map<String, List<String>> pointers) {
    }

    public Firing fire(List<Object> facts) {
        KieSession session = sessions.newKieSession(ONE_THREAD_AT_A_TIME);
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(fireLimit);
            if (fired >= fireLimit) {
                throw runaway(session, fired);
            }
            List<Advice> advice = new ArrayList<>();
            Map<String, List<String>> pointers = new HashMap<>();
            for (Object result : session.getObjects(o -> o instanceof Advice || o instanceof Pointer)) {
                if (result instanceof Advice a) {
                    advice.add(a);
                } else {
                    Pointer p = (Pointer) result;
                    pointers.computeIfAbsent(p.row(), k -> new ArrayList<>()).addAll(p.reasons());
                }
            }
            return new Firing(advice, pointers);
        } finally {
            session.dispose();
        }
    }

    /** Names the rule that keeps firing by watching a further stretch of firings, then stops. */
    private DiagnosisException runaway(KieSession session, int fired) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        session.fireAllRules(match -> {
            Rule rule = match.getRule();
            counts.merge(rule.getName(), 1, Integer::sum);
            RuleImpl impl = (RuleImpl) rule;
            files.putIfAbsent(rule.getName(), impl.getResource() == null ? "?" : impl.getResource().getSourcePath());
            return true;
        }, 200);
        String rule = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        return new DiagnosisException("rule \"" + rule + "\" in " + files.getOrDefault(rule, "?")
                + " keeps firing: stopped after " + fired + " rule firings. A rule must only insert result facts, never"
                + " change or re-insert the facts it matches.");
    }
}
