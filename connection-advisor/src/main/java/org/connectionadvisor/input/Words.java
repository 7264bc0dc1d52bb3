package org.connectionadvisor.input;

import java.util.List;
import java.util.Locale;

/** Whole words in lower-cased pasted text, found without a regular expression (the text is the user's). */
public final class Words {
    private Words() {
    }

    /**
     * What the first phrase the message says as whole words is heard as ({@code {phrase, heard as}}, the phrase lower
     * case), or null when it says none: a context flag in users' words ({@link RemoteWork}, {@link RecentChange}).
     */
    static String clue(String message, List<String[]> phrases) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String text = message.toLowerCase(Locale.ROOT);
        for (String[] phrase : phrases) {
            if (contains(text, phrase[0], false)) {
                return phrase[1];
            }
        }
        return null;
    }

    /** The word as a whole word; a number also not inside a decimal or version such as 1.401 or 401.5. */
    public static boolean contains(String text, String word, boolean number) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !partOfWord(text.charAt(at - 1), number);
            boolean endsWord = end == text.length() || !partOfWord(text.charAt(end), number);
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfWord(char c, boolean number) {
        return Character.isLetterOrDigit(c) || c == '_' || (number && c == '.');
    }
}
