package org.connectionadvisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.connectionadvisor.admin.PrecompiledRules;
import org.connectionadvisor.admin.RuleReloader;
import org.connectionadvisor.engine.HandoffWriter;
import org.connectionadvisor.engine.HeardReport;
import org.connectionadvisor.engine.QuestionPlanner;
import org.connectionadvisor.engine.Ranking;
import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.engine.Session;
import org.connectionadvisor.engine.Situation;

/**
 * The library's entry point: diagnoses connection and sign-in problems with Azure DevOps Services and Server.
 *
 * <pre>{@code
 * ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
 * Diagnosis diagnosis = advisor.diagnose(Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build());
 * diagnosis.first().ifPresent(r -> System.out.println(r.title()));
 * }</pre>
 *
 * Thread-safe: the rules are compiled once and shared; each diagnosis runs in its own rule session, on the rules
 * that served when it began, even if {@link #reload()} swaps in new ones meanwhile.
 */
public final class ConnectionAdvisor implements AutoCloseable {
    private final AtomicReference<RuleBase> rules;
    private final RuleReloader reloader; // null: rules that never change

    private ConnectionAdvisor(AtomicReference<RuleBase> rules, RuleReloader reloader) {
        this.rules = rules;
        this.reloader = reloader;
    }

    /** The rules packaged with the library (a copy of rules-drl/), compiled once per class loader. */
    public static ConnectionAdvisor withDefaultRules() {
        return serving(PackagedRules.INSTANCE);
    }

    /** An advisor on fixed rules, such as candidate rules under a reload check. */
    private static ConnectionAdvisor serving(RuleBase rules) {
        return new ConnectionAdvisor(new AtomicReference<>(rules), null);
    }

    /** The DRL files in a directory (and below it), checked and compiled now; {@link #reload()} takes in edits. */
    public static ConnectionAdvisor fromDirectory(Path directory) {
        return fromDirectory(directory, ReloadOptions.defaults());
    }

    /** As {@link #fromDirectory(Path)}, with a check on new rules, a listener, or a watch on the directory. */
    public static ConnectionAdvisor fromDirectory(Path directory, ReloadOptions options) {
        AtomicReference<RuleBase> rules = new AtomicReference<>();
        ReloadOptions.Check check = options.check();
        RuleReloader.Settings settings = new RuleReloader.Settings(options.debounce(), options.buildDeadline(),
                options.diagnosisDeadline(), check == null ? null : candidate -> check.problems(serving(candidate)),
                options.listener());
        return new ConnectionAdvisor(rules, new RuleReloader(directory, settings, rules));
    }

    /**
     * Checks, compiles and tries the directory's rules again and swaps them in when they pass; otherwise the
     * current rules keep serving and the result lists the problems. Diagnoses under way finish on the rules they began with.
     */
    public ReloadResult reload() {
        if (reloader == null) {
            throw new IllegalStateException("these rules were not loaded from a directory, so there is nothing to reload");
        }
        return reloader.reload();
    }

    /**
     * Stops watching the rule directory, if this advisor watches one, and ends the workers that rules loaded from a
     * directory settle on (idle ones end by themselves after a second too): no thread of the library is left running.
     * Diagnosing goes on working, on the caller's thread.
     */
    @Override
    public void close() {
        if (reloader != null) {
            reloader.close();
        }
        rules.get().close();
    }

    /** The ids of the rows the loaded rules recommend, the ids {@code confirmed} and {@code ruledOut} accept. */
    public Set<String> rowIds() {
        return rules.get().rowIds();
    }

    /** The rows of the rules serving now, in the order the rules were loaded (file by file). */
    public List<RuleRow> rows() {
        return rules.get().rows().values().stream().map(row -> new RuleRow(row.id(), row.title(), row.file())).toList();
    }

    /**
     * Which rules serve now: {@code sha256:} and the SHA-256 of their DRL files' texts in path order. The same DRL
     * gives the same version wherever it was loaded from, so instances behind a load balancer can be compared; a
     * reload that was applied changes it when the text changed. Computed on first call for each rule set.
     */
    public String rulesVersion() {
        return rules.get().version();
    }

    /** The rule base serving now; tests use it to see old ones released. */
    RuleBase ruleBase() {
        return rules.get();
    }

    public Diagnosis diagnose(Facts facts) {
        RuleBase snapshot = rules.get();
        checkRowIds(snapshot, Vocabulary.CONFIRMED, facts.confirmed());
        checkRowIds(snapshot, Vocabulary.RULED_OUT, facts.ruledOut());
        Situation situation = Situation.of(facts, id -> snapshot.rows().containsKey(id) ? snapshot.rows().get(id).title() : id);
        List<Recommendation> ranked;
        try (Session session = snapshot.open()) {
            session.apply(situation.inputs());
            ranked = Ranking.rank(session.state(), snapshot.rows(), facts);
        }
        return new Diagnosis(ranked, () -> QuestionPlanner.plan(situation, snapshot),
                () -> HeardReport.of(situation, ranked, snapshot), HandoffWriter.of(situation, ranked, snapshot.rows()));
    }

    private static void checkRowIds(RuleBase rules, String field, Set<String> ids) {
        for (String id : ids) {
            if (!rules.rowIds().contains(id)) {
                throw Vocabulary.unknownValue(field, id, rules.rowIds().stream().sorted().toList(), List.of());
            }
        }
    }

    /** Loading the packaged rules takes a fraction of a second: done on first use, then shared. */
    private static final class PackagedRules {
        static final RuleBase INSTANCE = PrecompiledRules.packaged();
    }
}
