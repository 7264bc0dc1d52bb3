package org.connectionadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Text a user gave, made safe to show again: in an error line, a terminal, a log or a page. Control and invisible
 * characters are escaped ({@code \n}, {@code \t}, {@code \r}, else {@code \u001b}), so an echo stays one line and
 * cannot retitle a terminal or forge a log line; the credentials of URLs ({@code https://user:secret@host}) become
 * {@code ***} ({@code https://***@host}). A backslash is left as it is: the echo is for reading, not for parsing back.
 * The one way for the library, its tools and applications to show user text again.
 */
public final class Echo {
    /** How much of a value an error line quotes; the rest is cut, so one line stays one readable line. */
    static final int QUOTED_CHARS = 200;

    /** Writes only a string: the reading limits of the facts' mapper (FactsJson) play no part, so a mapper of its own. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new SafeJsonEscapes());

    private Echo() {
    }

    /** The text with credentials redacted and control and invisible characters escaped; null stays null. */
    public static String safe(String text) {
        return text == null ? null : escaped(redact(text), Integer.MAX_VALUE);
    }

    /** As {@link #safe}, cut to {@value #QUOTED_CHARS} characters and "..." when longer: a value quoted in a message. */
    public static String value(String text) {
        return text == null ? null : escaped(redact(text), QUOTED_CHARS);
    }

    /** A value as JSON, with the characters {@link #safe} escapes escaped too (Jackson leaves DEL, C1 and U+2028 raw). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a character is shown escaped: ISO control characters, formatting characters (bidi overrides, zero-width),
     * line and paragraph separators, and lone surrogates.
     */
    public static boolean unprintable(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** One UTF-16 character as an echo shows it escaped. */
    public static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    private static String escaped(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); ) {
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (unprintable(codePoint)) {
                for (int c = i; c < next; c++) {
                    out.append(escape(text.charAt(c)));
                }
            } else {
                out.append(text, i, next);
            }
            i = next;
        }
        return out.toString();
    }

    /**
     * The text with the user information of every URL replaced by {@code ***}: after a {@code //} (as in {@code https://}),
     * what comes before the last {@code @} of the address, which ends at white space, a quote or the next {@code //}; in
     * a word, or before its first {@code //}, a {@code name:secret@host}. Generous on purpose: {@code https://host/a@b}
     * loses its host rather than a password with a {@code /} in it its end.
     */
    public static String redact(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int start = 0, end; start < length; start = end) {
            while (start < length && separates(text.charAt(start))) {
                start++;
            }
            end = start;
            while (end < length && !separates(text.charAt(end))) {
                end++;
            }
            int slashes = slashes(text, start, end);
            int at = lastAt(text, start, slashes < 0 ? end : slashes); // before any //: name:secret@host
            if (at > start && text.substring(start, at).indexOf(':') >= 0) {
                out = out == null ? new StringBuilder(length) : out;
                out.append(text, copied, start).append("***");
                copied = at;
            }
            while (slashes >= 0) {
                int authority = slashes + 2;
                int next = slashes(text, authority, end);
                at = lastAt(text, authority, next < 0 ? end : next);
                if (at > authority) {
                    out = out == null ? new StringBuilder(length) : out;
                    out.append(text, copied, authority).append("***");
                    copied = at;
                }
                slashes = next;
            }
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** Where "//" starts in text[from, to), or -1; searches stay inside one word, so a long text costs linear time. */
    private static int slashes(String text, int from, int to) {
        for (int i = from; i + 2 <= to; i++) {
            if (text.startsWith("//", i)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastAt(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == '@') {
                return i;
            }
        }
        return -1;
    }

    /** What ends an address or a word: white space, control characters, quotes and angle brackets. */
    private static boolean separates(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || "\"'<>`".indexOf(c) >= 0;
    }

    /** Jackson's JSON escapes, plus the characters an echo escapes, so JSON written to a terminal is as safe as a line. */
    private static final class SafeJsonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        SafeJsonEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            // Jackson hands over UTF-16 units: the halves of a pair (an emoji) stay as they are.
            return !Character.isSurrogate((char) c) && unprintable(c) ? new SerializedString(escape((char) c)) : null;
        }
    }
}
