package org.connectionadvisor.outcomes;

import java.util.Arrays;

/** What trying a recommendation gave: it fixed the problem, or it did not help. */
public enum Result {
    FIXED("fixed"),
    NOT_FIXED("not-fixed");

    private final String word;

    Result(String word) {
        this.word = word;
    }

    /** The word stored and accepted in JSON: {@code fixed} or {@code not-fixed}. */
    public String word() {
        return word;
    }

    /** The result a word names, or null when it names none. */
    public static Result of(String word) {
        return Arrays.stream(values()).filter(result -> result.word.equals(word)).findFirst().orElse(null);
    }
}
