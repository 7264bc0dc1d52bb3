package org.connectionadvisor.outcomes;

import java.time.Instant;
import java.util.Objects;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.Echo;

/**
 * One report: on these facts, with these rules, trying this row gave this result. {@code facts} is the redacted JSON
 * object {@link StoredFacts} makes: what is stored, shown and exported, never the facts as given.
 */
public record Outcome(String facts, String rulesVersion, String row, Result result, Instant at) {
    public Outcome {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The outcome of trying {@code row} of the advisor's rules (as they serve now) on {@code facts}: the facts
     * redacted, the row checked against the rules.
     *
     * @throws InvalidOutcomeException when the rules have no such row, or the facts are too large to keep
     */
    public static Outcome of(ConnectionAdvisor advisor, Facts facts, String row, Result result, Instant at) {
        Objects.requireNonNull(result, "result");
        if (!advisor.rowIds().contains(row)) {
            throw new InvalidOutcomeException("row", "row: '" + Echo.value(row) + "' is not a row of the rules "
                    + advisor.rulesVersion() + ". Accepted: one of the ids the rules recommend (diagnose lists them).", true);
        }
        return new Outcome(StoredFacts.redacted(facts), advisor.rulesVersion(), row, result, at);
    }
}
