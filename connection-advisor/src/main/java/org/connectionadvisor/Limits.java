package org.connectionadvisor;

/**
 * How much input the advisor takes, and which characters. Facts are a few words and at most one pasted message, so
 * anything larger is a mistake or an attack, refused with a clear error before it costs time or memory. Reading
 * ({@link FactsText}), the JSON reader and {@code Facts.Builder} all check these, so a library caller gets the same
 * errors as the command line.
 */
public final class Limits {
    /** A facts file, stream or JSON text: 1 MiB (bytes from a file or stream, characters in a string). */
    public static final int INPUT_BYTES = 1 << 20;
    /** {@code errorMessage}, pasted text: 16 KiB, enough for any error dialog and its details. */
    public static final int MESSAGE_CHARS = 16 * 1024;
    /** {@code serverUrl}: 2 KiB, about the longest URL browsers and servers accept. */
    public static final int URL_CHARS = 2 * 1024;
    /** Every other string: product, scope, client, os, versions, symptoms, context flags, row ids, answers. */
    public static final int VALUE_CHARS = 200;
    /** The entries of a list (symptoms, context, confirmed, ruledOut) or of the context object. */
    public static final int ENTRIES = 50;
    /** Nesting of JSON arrays and objects; facts need 2 (a context object), a sample file 3. */
    public static final int JSON_DEPTH = 10;

    private Limits() {
    }

    /** A word-like value: at most {@link #VALUE_CHARS} characters, none of them control or invisible ones. */
    public static String value(String field, String value) {
        return checked(field, value, VALUE_CHARS, false);
    }

    /** A server address: at most {@link #URL_CHARS} characters, none of them control or invisible ones. */
    public static String url(String field, String value) {
        return checked(field, value, URL_CHARS, false);
    }

    /**
     * Pasted text: at most {@link #MESSAGE_CHARS} characters; line breaks and tabs are fine, other control characters
     * not. Formatting characters (right-to-left marks of a localised message) are kept, and escaped when echoed.
     */
    public static String text(String field, String value) {
        return checked(field, value, MESSAGE_CHARS, true);
    }

    /** A list of {@code count} entries for {@code field}: at most {@link #ENTRIES}. */
    public static void entries(String field, int count) {
        if (count > ENTRIES) {
            throw new InvalidFactsException(field, null,
                    field + ": " + count + " entries are too many. Accepted: at most " + ENTRIES + ".");
        }
    }

    private static String checked(String field, String value, int max, boolean text) {
        if (value == null) {
            throw new InvalidFactsException(field, null, field + ": null is not a value. Accepted: a string; leave "
                    + field + " out when it is not known.");
        }
        if (value.length() > max) {
            throw new InvalidFactsException(field, value, field + ": '" + Echo.value(value) + "' is " + value.length()
                    + " characters long. Accepted: at most " + max + " characters.");
        }
        for (int i = 0, codePoint; i < value.length(); i += Character.charCount(codePoint)) {
            codePoint = value.codePointAt(i);
            // A lone surrogate is no text at all (UTF-8 cannot carry one), and JSON echoes could not escape it.
            boolean allowed = text ? !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.SURROGATE
                    || codePoint == '\n' || codePoint == '\r' || codePoint == '\t'
                    : !Echo.unprintable(codePoint);
            if (!allowed) {
                throw new InvalidFactsException(field, value, field + ": '" + Echo.value(value) + "' has a control or invisible"
                        + " character (" + Echo.escape(value.charAt(i)) + ") at character " + (i + 1) + ". Accepted: "
                        + (text ? "text with line breaks and tabs but no other control characters." : "printable characters only."));
            }
        }
        return value;
    }
}
