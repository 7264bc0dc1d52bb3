package org.connectionadvisor.outcomes;

/**
 * An outcome that cannot be stored. The message is one line naming the field, the value (escaped, cut, without
 * credentials) and what is accepted; {@link #unknownRow()} tells a row the rules do not have (HTTP 404) from other
 * bad input (400).
 */
public final class InvalidOutcomeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final boolean unknownRow;

    InvalidOutcomeException(String field, String message, boolean unknownRow) {
        super(message);
        this.field = field;
        this.unknownRow = unknownRow;
    }

    InvalidOutcomeException(String field, String message) {
        this(field, message, false);
    }

    /** The field at fault ({@code facts}, {@code row}, {@code result}), or null when the whole input is unreadable. */
    public String field() {
        return field;
    }

    /** Whether the row is one the rules do not have. */
    public boolean unknownRow() {
        return unknownRow;
    }
}
