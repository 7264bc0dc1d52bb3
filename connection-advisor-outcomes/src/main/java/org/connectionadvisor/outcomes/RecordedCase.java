package org.connectionadvisor.outcomes;

import java.time.Instant;
import java.util.List;

/**
 * The outcomes recorded on one set of (redacted) facts: {@code key} is the SHA-256 of the facts JSON, {@code fixedBy}
 * and {@code notFixedBy} the rows reported as fixing it or not, in the order first reported; {@code last} the newest
 * report. A case is unresolved when {@code fixedBy} is empty.
 */
public record RecordedCase(String key, String facts, List<String> fixedBy, List<String> notFixedBy, Instant last) {
    public RecordedCase {
        fixedBy = List.copyOf(fixedBy);
        notFixedBy = List.copyOf(notFixedBy);
    }

    public boolean resolved() {
        return !fixedBy.isEmpty();
    }
}
