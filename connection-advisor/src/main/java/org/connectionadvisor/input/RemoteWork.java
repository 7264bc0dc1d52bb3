package org.connectionadvisor.input;

import java.util.List;

/**
 * Remote work in the user's words (audience policy v3, 3): "VPN" and "working from home" mean remote work, the
 * setting of the documents' only remote-specific row ("You work remotely and need to connect to an Azure DevOps Proxy
 * server to check in files to Azure DevOps Server version control"). As a {@code context} value they are aliases of
 * {@code remote-worker} (in {@link org.connectionadvisor.Vocabulary}); in a pasted message they are a clue that the user
 * works remotely.
 */
public final class RemoteWork {
    public static final String FLAG = "remote-worker";

    /** Phrases of a pasted message, lower case, each with what the user is told it was heard as. */
    private static final List<String[]> PHRASES = List.of(
            new String[] {"vpn", "the message mentions a VPN, so you work remotely"},
            new String[] {"working from home", "the message says you are working from home, so you work remotely"},
            new String[] {"work from home", "the message says you work from home, so you work remotely"},
            new String[] {"working remotely", "the message says you are working remotely"},
            new String[] {"work remotely", "the message says you work remotely"});

    private RemoteWork() {
    }

    /** What in the message says the user works remotely, in words; null when nothing does. */
    public static String clue(String message) {
        return Words.clue(message, PHRASES);
    }
}
