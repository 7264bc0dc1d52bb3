package org.connectionadvisor.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.connectionadvisor.Vocabulary;

/**
 * Context flags said in the user's words in a pasted message; as {@code context} values the same words are aliases in
 * {@link Vocabulary}. Each phrase is found as whole words, and what it was heard as is said in words.
 *
 * <ul>
 * <li>Remote work (audience policy v3, 3): "VPN" and "working from home" mean remote work, the setting of the
 * documents' only remote-specific row ("You work remotely and need to connect to an Azure DevOps Proxy server to check
 * in files to Azure DevOps Server version control").</li>
 * <li>A recent change, "it worked yesterday": the documents name the changes over time among their causes: "Your
 * password expired." and "The configuration changed." (TF31002 from one computer, CONNECT and TF31002) and, for
 * several users, "The TFSService account password is expired or incorrect.", where "Many services for Azure DevOps
 * Server stop running when the service account expires". The rules of those rows are supported by the flag; no other
 * row says that something changed.</li>
 * </ul>
 */
public final class UsersWords {
    private static final String REMOTE_WORK = "remote-worker";

    /** Phrases of a pasted message by the flag they say, lower case, each with what the user is told it was heard as. */
    private static final Map<String, List<String[]>> PHRASES = phrases();

    private UsersWords() {
    }

    private static Map<String, List<String[]>> phrases() {
        Map<String, List<String[]>> phrases = new LinkedHashMap<>();
        phrases.put(REMOTE_WORK, List.of(
                new String[] {"vpn", "the message mentions a VPN, so you work remotely"},
                new String[] {"working from home", "the message says you are working from home, so you work remotely"},
                new String[] {"work from home", "the message says you work from home, so you work remotely"},
                new String[] {"working remotely", "the message says you are working remotely"},
                new String[] {"work remotely", "the message says you work remotely"}));
        phrases.put(Vocabulary.RECENT_CHANGE, List.of(
                new String[] {"worked yesterday", "the message says it worked yesterday, so something changed recently"},
                new String[] {"working yesterday", "the message says it was working yesterday, so something changed recently"},
                new String[] {"stopped working", "the message says it stopped working, so something changed recently"},
                new String[] {"used to work", "the message says it used to work, so something changed recently"}));
        return java.util.Collections.unmodifiableMap(phrases);
    }

    /** Each flag the message says, with what in it says so, in words; empty when it says none. */
    public static Map<String, String> clues(String message) {
        if (message == null || message.isBlank()) {
            return Map.of();
        }
        String text = message.toLowerCase(Locale.ROOT);
        Map<String, String> clues = new LinkedHashMap<>();
        PHRASES.forEach((flag, phrases) -> {
            for (String[] phrase : phrases) {
                if (Words.contains(text, phrase[0], false)) {
                    clues.put(flag, phrase[1]);
                    return;
                }
            }
        });
        return clues;
    }
}
