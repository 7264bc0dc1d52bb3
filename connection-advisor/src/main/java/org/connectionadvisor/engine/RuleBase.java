package org.connectionadvisor.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Source;
import org.connectionadvisor.compiled.CompiledRules;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Provenance;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * A compiled, immutable rule base with its row catalog. Built once and shared by threads; every diagnosis gets a
 * session of its own from a pool, and closing it resets it for the next one.
 */
public final class RuleBase {
    /** How long a diagnosis's session may take to settle each time its inputs change, unless the rules were loaded with another. */
    public static final Duration DEFAULT_DIAGNOSIS_DEADLINE = Duration.ofSeconds(1);
    public static final String ROW = "row";
    public static final String TITLE = "title";
    public static final String SOURCE = "source";
    public static final String SECTION = "section";
    /** Optional on a row rule: {@code @actor("administrator")} marks a row only an administrator can act on. */
    public static final String ACTOR = "actor";

    private static final Map<String, String> DOCUMENT_TITLES = Map.of(
            "CONNECT", "Troubleshoot connecting to a project",
            "TF31002", "TF31002: Unable to connect to VSTS or TFS",
            "SIGNIN", "Common causes of sign-in issues");

    /**
     * A session serves one thread from the pool until it is closed, so it needs no locking inside (measured: a tenth
     * less per diagnosis); the pool's queue publishes it safely to the next thread.
     */
    private static final KieSessionConfiguration ONE_THREAD_AT_A_TIME = oneThreadAtATime();
    /** Drools' default: a session that another thread may {@code halt()}, as a diagnosis that overran does (see {@link FiringWorkers}). */
    private static final KieSessionConfiguration HALTABLE = KieServices.get().newKieSessionConfiguration();
    /*
     * No Drools thread outlives a call. Left to its defaults, Drools hands work to two JVM-wide static pools: the
     * rule compiler's ForkJoinPool (KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL, for packages of more than
     * drools.parallelRulesBuildThreshold rules; idle workers linger 60 s) and the KieExecutors executor of
     * ExecutorProviderFactory, whose "drools-worker" core threads never time out, fed by every constraint that is
     * evaluated drools.jittingThreshold (20) times, so by the first questions(). Neither can be stopped from here:
     * no API shuts them down, their holders are final (a shut-down pool would reject the next job of this library
     * and of every other Drools user in the JVM), and the only replacements (the drools.executorService JNDI name,
     * a KieExecutors service) are global as well. So the library's own builds (RuleCompiler) and KieBases never use
     * them, through the per-builder and per-KieBase options of the same names: rules are built on the calling thread,
     * and each constraint is jitted on its first evaluation on the calling thread (0: Drools' "jit at first
     * evaluation") instead of on a pool after 20: the first diagnosis on new rules pays for jitting the constraints it
     * evaluates, every later one runs jitted code.
     */
    private static final int JIT_ON_FIRST_EVALUATION = 0;

    private final KieBase kieBase;
    /** Resetting a used session costs less than building a new one (measured: about a fifth of a diagnosis). */
    private final KieSessionsPool sessions;
    private final Map<String, Row> rows;
    private final RuleMentions mentions;
    private final ReleaseClasses releaseClasses;
    private final int fireLimit;
    private final Duration deadline;
    private final FiringWorkers workers;
    /** Worked out on first use: only a service's health report asks, and hashing the packaged DRL reads the jar. */
    private final Supplier<String> version;
    private volatile String knownVersion;

    private RuleBase(KieBase kieBase, Map<String, Row> rows, List<Rule> all, Duration deadline, Supplier<String> version,
            FiringWorkers workers) {
        this.kieBase = kieBase;
        this.workers = workers;
        this.version = version;
        this.sessions = kieBase.newKieSessionsPool(2);
        this.rows = rows;
        this.mentions = RuleMentions.of(all);
        this.releaseClasses = ReleaseClasses.of(all);
        // Each rule fires a few times per diagnosis; far beyond that a rule is re-triggering itself.
        this.fireLimit = 100 + 20 * all.size();
        this.deadline = deadline;
    }

    private static KieSessionConfiguration oneThreadAtATime() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    /**
     * A rule base of compiled packages precompiled at build time, with the default diagnosis deadline. {@code version}
     * gives the content hash of the DRL they were compiled from (see {@link #version()}).
     */
    public static RuleBase of(Collection<KiePackage> packages, Supplier<String> version) {
        return of(packages, DEFAULT_DIAGNOSIS_DEADLINE, version, null);
    }

    /**
     * A rule base of packages compiled from rule files, whose sessions settle within {@code deadline} each time their
     * inputs change, on workers of its own (see {@link FiringWorkers}), so that the deadline holds inside a firing step.
     */
    public static RuleBase of(Collection<KiePackage> packages, Duration deadline, Supplier<String> version) {
        return of(packages, deadline, version, new FiringWorkers());
    }

    private static RuleBase of(Collection<KiePackage> packages, Duration deadline, Supplier<String> version, FiringWorkers workers) {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(ConstraintJittingThresholdOption.get(JIT_ON_FIRST_EVALUATION));
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        DroolsWorkers.letIdleWorkersEnd(); // adding the packages wires their invokers on Drools' pool
        kieBase.addPackages(packages);
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                all.add(rule);
                Provenance.prepare(rule);
                Object id = rule.getMetaData().get(ROW);
                if (id != null) {
                    rows.put(id.toString(), row(id.toString(), rule));
                }
            }
        }
        return new RuleBase(kieBase, Collections.unmodifiableMap(rows), all, deadline, version, workers);
    }

    private static Row row(String id, Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        String[] documents = text(meta, SOURCE).split("\\|");
        String[] sections = text(meta, SECTION).split("\\|");
        List<Source> sources = new ArrayList<>(documents.length);
        for (int i = 0; i < documents.length; i++) {
            String document = documents[i].strip();
            String section = i < sections.length ? sections[i].strip() : "";
            sources.add(new Source(document, DOCUMENT_TITLES.getOrDefault(document, document), section));
        }
        return new Row(id, text(meta, TITLE), List.copyOf(sources), CompiledRules.salience(rule), rule.getName(),
                CompiledRules.sourcePath(rule),
                Actor.of(meta.get(ACTOR)));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? "" : value.toString();
    }

    /** For tests that prove a replaced rule base is released, and for precompiling the packaged rules. */
    public KieBase kieBase() {
        return kieBase;
    }

    /** The content hash of the DRL text these rules were compiled from, computed once. */
    public String version() {
        String known = knownVersion;
        if (known == null) {
            known = version.get();
            knownVersion = known;
        }
        return known;
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public Set<String> rowIds() {
        return rows.keySet();
    }

    /** The rules that mention a fact (see {@link RuleMentions}). */
    Set<String> rulesMentioning(Input fact) {
        return mentions.mentioning(fact);
    }

    /** The inputs as these rules can tell them apart (see {@link ReleaseClasses}). */
    Object asRulesSeeThem(List<Input> inputs) {
        return releaseClasses.asRulesSeeThem(inputs);
    }

    /** Ends the workers these rules settle on, if any (the advisor is closed); the rules go on diagnosing. */
    public void close() {
        if (workers != null) {
            workers.close();
        }
    }

    /** A live session on these rules; close it to return it to the pool. */
    public Session open() {
        return new Session(sessions.newKieSession(workers == null ? ONE_THREAD_AT_A_TIME : HALTABLE), fireLimit, deadline, workers);
    }
}
