package org.connectionadvisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The library's entry point: diagnoses connection and sign-in problems with Azure DevOps Services and Server.
 *
 * <pre>{@code
 * ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
 * Diagnosis diagnosis = advisor.diagnose(Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build());
 * diagnosis.first().ifPresent(r -> System.out.println(r.title()));
 * }</pre>
 *
 * Thread-safe: the rules are compiled once and shared; each diagnosis runs in its own rule session.
 */
public final class ConnectionAdvisor {
    private final RuleBase rules;

    private ConnectionAdvisor(RuleBase rules) {
        this.rules = rules;
    }

    /** The rules packaged with the library (a copy of rules-drl/), compiled once per class loader. */
    public static ConnectionAdvisor withDefaultRules() {
        return new ConnectionAdvisor(PackagedRules.INSTANCE);
    }

    /** The DRL files in a directory (and below it), compiled now. */
    public static ConnectionAdvisor fromDirectory(Path directory) {
        return new ConnectionAdvisor(RuleBase.compile(DrlFile.fromDirectory(directory)));
    }

    /** The ids of the rows the loaded rules recommend, the ids {@code confirmed} and {@code ruledOut} accept. */
    public Set<String> rowIds() {
        return rules.rowIds();
    }

    public Diagnosis diagnose(Facts facts) {
        RuleBase snapshot = rules;
        checkRowIds(snapshot, Vocabulary.CONFIRMED, facts.confirmed());
        checkRowIds(snapshot, Vocabulary.RULED_OUT, facts.ruledOut());
        Situation situation = Situation.of(facts);
        List<Recommendation> ranked = rank(snapshot, facts, situation);
        return new Diagnosis(ranked,
                () -> QuestionPlanner.plan(facts, situation.product(), ranked, other -> rank(snapshot, other, Situation.of(other))));
    }

    private static List<Recommendation> rank(RuleBase rules, Facts facts, Situation situation) {
        return Ranking.rank(rules.fire(situation.facts()), rules.rows(), facts);
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
