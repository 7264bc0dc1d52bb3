package org.connectionadvisor.outcomes;

import java.time.Duration;

/**
 * How long outcomes are kept: at most {@code maxAge} old and at most {@code maxCount} of them, the oldest removed first.
 * Either may be null (no limit). Applied by the store after each outcome it records.
 */
public record Retention(Duration maxAge, Long maxCount) {
    /** Keep everything. */
    public static final Retention NONE = new Retention(null, null);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("retention: a maximum age of " + maxAge + " keeps nothing. Accepted: a positive duration.");
        }
        if (maxCount != null && maxCount < 1) {
            throw new IllegalArgumentException("retention: a maximum count of " + maxCount + " keeps nothing. Accepted: 1 or more.");
        }
    }
}
