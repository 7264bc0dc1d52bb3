package org.connectionadvisor.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The code tokens of a DRL text: identifiers, numbers, string and character literals, operators, each with its
 * 1-based line. Comments and whitespace are dropped. Errs on the side of the lint: anything
 * it cannot classify becomes a one-character symbol, so no text ever hides from the scan.
 */
public final class DrlTokens {
    enum Kind { IDENTIFIER, NUMBER, LITERAL, SYMBOL }

    record Token(Kind kind, String text, int line) {
        boolean is(String word) {
            return text.equals(word) && kind != Kind.LITERAL;
        }
    }

    /** Longest first, so "+=" is one token and not "+" then "=". */
    private static final List<String> OPERATORS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "==", "!=", "<=", ">=",
            "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", "::", "<<", ">>");

    private DrlTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            int startLine = line;
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (text.startsWith("//", i)) {
                i = end(text, text.indexOf('\n', i));
                continue;
            }
            if (text.startsWith("/*", i)) {
                i = end(text, text.indexOf("*/", i + 2)) + 2;
                line += lines(text, start, Math.min(i, text.length()));
                continue;
            }
            if (text.startsWith("\"\"\"", i)) {
                i = end(text, text.indexOf("\"\"\"", i + 3)) + 3;
            } else if (c == '"' || c == '\'') {
                i = closingQuote(text, i + 1, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i += OPERATORS.stream().filter(op -> text.startsWith(op, start)).findFirst().map(String::length).orElse(1);
            }
            i = Math.min(i, text.length());
            tokens.add(new Token(kind(c), text.substring(start, i), startLine));
            line += lines(text, start, i);
        }
        return tokens;
    }

    private static Kind kind(char c) {
        if (c == '"' || c == '\'') {
            return Kind.LITERAL;
        }
        if (Character.isJavaIdentifierStart(c)) {
            return Kind.IDENTIFIER;
        }
        return Character.isDigit(c) ? Kind.NUMBER : Kind.SYMBOL;
    }

    /** The index just past the quote that closes a literal opened before {@code from}; the text's end if none. */
    private static int closingQuote(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int end(String text, int found) {
        return found < 0 ? text.length() : found;
    }

    private static int lines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
