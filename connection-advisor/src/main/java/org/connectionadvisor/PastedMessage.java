package org.connectionadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.connectionadvisor.input.ServerUrls;
import org.connectionadvisor.input.Words;

/**
 * What a pasted error message tells: the symptoms its codes and the documents' own message texts name, and the
 * server address it quotes. Read once per set of facts, in one pass per clue over the lower-cased text (no regular
 * expression), so a long message costs time in proportion to its length, once.
 */
public record PastedMessage(List<Clue> symptoms, String url) {
    public static final PastedMessage NONE = new PastedMessage(List.of(), null);

    /** A symptom the message names, and how it named it, in words. */
    public record Clue(String code, String label) {
    }

    private record Phrase(String code, String text, String label) {
    }

    /** The documents' message texts; the codes themselves are found separately, as whole words. */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase("TF31003", "either you have not entered the necessary credentials, or your user account does not have permission to connect",
                    "the error message is TF31003's text (\"Either you have not entered the necessary credentials, ...\")"),
            new Phrase("TF31002", "unable to connect to this team foundation server",
                    "the error message is TF31002's text (\"Unable to connect to this Team Foundation Server\")"),
            new Phrase("TF31002", "unable to connect to this azure devops server",
                    "the error message is TF31002's text (\"Unable to connect to this Azure DevOps Server\")"),
            new Phrase("work-or-personal-prompt", "work or school, or personal account",
                    "the error message asks \"Work or school, or Personal account\""),
            new Phrase("HTTP-401", "401 - not authorized", "the error message says \"401 - Not Authorized\""),
            new Phrase("HTTP-401", "(401) unauthorized", "the error message says \"(401) Unauthorized\""));

    public static PastedMessage of(String message) {
        if (message == null || message.isBlank()) {
            return NONE;
        }
        String text = message.toLowerCase(Locale.ROOT);
        List<Clue> symptoms = new ArrayList<>();
        for (String code : List.of("TF31002", "TF31003")) {
            if (Words.contains(text, code.toLowerCase(Locale.ROOT), false)) {
                add(symptoms, code, "the error message contains " + code);
            }
        }
        if (Words.contains(text, "401", true)) {
            add(symptoms, "HTTP-401", "the error message contains 401");
        }
        for (Phrase phrase : PHRASES) {
            if (text.contains(phrase.text())) {
                add(symptoms, phrase.code(), phrase.label());
            }
        }
        return new PastedMessage(List.copyOf(symptoms), url(message, text));
    }

    private static void add(List<Clue> symptoms, String code, String label) {
        if (symptoms.stream().noneMatch(clue -> clue.code().equals(code))) {
            symptoms.add(new Clue(code, label));
        }
    }

    /** The first http:// or https:// address with a host, up to the first space, quote or bracket. */
    private static String url(String message, String text) {
        for (int at = text.indexOf("http"); at >= 0; at = text.indexOf("http", at + 1)) {
            if (!text.startsWith("http://", at) && !text.startsWith("https://", at)) {
                continue;
            }
            int end = at;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end))
                    && "\"'<>()[]{}".indexOf(message.charAt(end)) < 0) {
                end++;
            }
            while (end > at && ".,;:".indexOf(message.charAt(end - 1)) >= 0) {
                end--;
            }
            String candidate = message.substring(at, end);
            try {
                ServerUrls.host(candidate);
                return candidate;
            } catch (RuntimeException notAUrl) {
                // keep looking
            }
        }
        return null;
    }
}
