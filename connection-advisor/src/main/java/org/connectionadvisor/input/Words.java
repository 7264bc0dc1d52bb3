package org.connectionadvisor.input;

/** Whole words in lower-cased pasted text, found without a regular expression (the text is the user's). */
public final class Words {
    private Words() {
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
