package org.connectionadvisor.outcomes;

/** The store cannot be opened or written: one line naming the database and what went wrong, for a user to read. */
public final class OutcomeStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutcomeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
