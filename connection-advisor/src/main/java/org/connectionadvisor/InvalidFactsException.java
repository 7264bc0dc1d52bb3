package org.connectionadvisor;

/**
 * The facts given cannot be used. The message names the field, the value and what is accepted; it is meant
 * to be shown to the person who wrote the facts as it is: the value in it is escaped, cut and without URL credentials
 * ({@link org.connectionadvisor.Echo#value}).
 */
public final class InvalidFactsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public InvalidFactsException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** The input field at fault, or the unknown field's own name; null when the input as a whole is unreadable. */
    public String field() {
        return field;
    }

    /**
     * The offending value as given, or null where there is none (unknown field, unreadable input). Raw: it may hold
     * control characters or a password, so show the message, or pass this through {@code Echo} first.
     */
    public String value() {
        return value;
    }
}
