package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one reading of {@code {key}} placeholders, shared by the subset's check, the ranking and the questions' measure:
 * a placeholder is '{', a key of lowercase letters, digits and hyphens, and '}'; any other brace is text. One pass,
 * no backtracking, whatever the text holds.
 */
public final class Placeholders {
    private Placeholders() {
    }

    /** Whether a text is a placeholder key (what a Detail's key must be to be shown anywhere). */
    public static boolean isKey(String key) {
        return !key.isEmpty() && keyEnd(key, 0) == key.length();
    }

    /** The keys of a text's placeholders, in text order, as often as they appear. */
    public static List<String> keys(String text) {
        List<String> keys = new ArrayList<>(0);
        for (int open = text.indexOf('{'); open >= 0; ) {
            int end = keyEnd(text, open + 1);
            if (end > open + 1 && end < text.length() && text.charAt(end) == '}') {
                keys.add(text.substring(open + 1, end));
                open = text.indexOf('{', end + 1);
            } else {
                open = text.indexOf('{', end == open + 1 ? open + 1 : end);
            }
        }
        return keys;
    }

    /** The text with each placeholder whose key {@code wording} words (non-null) replaced by that wording; the rest as written. */
    public static String fill(String text, Function<String, String> wording) {
        int open = text.indexOf('{');
        if (open < 0) {
            return text;
        }
        StringBuilder filled = new StringBuilder(text.length() + 64);
        int from = 0;
        while (open >= 0) {
            int end = keyEnd(text, open + 1);
            if (end > open + 1 && end < text.length() && text.charAt(end) == '}') {
                String worded = wording.apply(text.substring(open + 1, end));
                if (worded != null) {
                    filled.append(text, from, open).append(worded);
                    from = end + 1;
                }
                open = text.indexOf('{', end + 1);
            } else {
                open = text.indexOf('{', end == open + 1 ? open + 1 : end);
            }
        }
        return filled.append(text, from, text.length()).toString();
    }

    /** Where a run of key characters starting at {@code from} ends. */
    private static int keyEnd(String text, int from) {
        int at = from;
        while (at < text.length() && isKeyChar(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }
}
