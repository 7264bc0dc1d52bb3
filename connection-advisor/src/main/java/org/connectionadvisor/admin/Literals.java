package org.connectionadvisor.admin;

/**
 * The subset's string literals: text in double quotes on one line, with \" for a quote and \\ for a backslash and
 * no other escape, and their re-quoting into text that Java and MVEL read back as exactly the same string.
 */
final class Literals {
    private Literals() {
    }

    /** The index just past the literal that opens at {@code start}, or -1 when it is not closed on its line or escapes anything else. */
    static int end(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < ' ') {
                return -1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\\') {
                    return -1;
                }
                i++;
            }
        }
        return -1;
    }

    /** Whether {@code text} is exactly one such literal. */
    static boolean isLiteral(String text) {
        return text.startsWith("\"") && end(text, 0) == text.length();
    }

    /** The string a literal accepted by {@link #end} stands for. */
    static String decode(String literal) {
        StringBuilder value = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                c = literal.charAt(++i);
            }
            value.append(c);
        }
        return value.toString();
    }

    /**
     * The value as a Java (and MVEL) string literal. Only ASCII escapes are written, a backslash always doubled: no
     * backslash it writes can start a Unicode escape, which javac would decode before it reads the literal.
     */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        quoted.append(String.format("\\%03o", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
