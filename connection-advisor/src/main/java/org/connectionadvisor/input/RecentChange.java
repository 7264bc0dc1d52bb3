package org.connectionadvisor.input;

import java.util.List;

import org.connectionadvisor.Vocabulary;

/**
 * "It worked yesterday" in the user's words: it worked until recently, so something changed. The documents name the
 * changes over time among their causes: "Your password expired." and "The configuration changed." (TF31002 from one
 * computer, CONNECT and TF31002) and, for several users, "The TFSService account password is expired or incorrect.",
 * where "Many services for Azure DevOps Server stop running when the service account expires". The rules of those
 * rows are supported by the flag; no other row says that something changed. As a {@code context} value the words are
 * aliases of {@code recent-change} (in {@link Vocabulary}); in a pasted message they are a clue to it.
 */
public final class RecentChange {
    public static final String FLAG = Vocabulary.RECENT_CHANGE;

    /** Phrases of a pasted message, lower case, each with what the user is told it was heard as. */
    private static final List<String[]> PHRASES = List.of(
            new String[] {"worked yesterday", "the message says it worked yesterday, so something changed recently"},
            new String[] {"working yesterday", "the message says it was working yesterday, so something changed recently"},
            new String[] {"stopped working", "the message says it stopped working, so something changed recently"},
            new String[] {"used to work", "the message says it used to work, so something changed recently"});

    private RecentChange() {
    }

    /** What in the message says it worked until recently, in words; null when nothing does. */
    public static String clue(String message) {
        return Words.clue(message, PHRASES);
    }
}
