package org.connectionadvisor.admin;

/**
 * A part of a rule file that the subset does not have. The message names what was found and what the subset allows
 * instead; {@code line} is counted from the part's own first line (1), so the caller places it in the file.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    Refused(String message) {
        this(message, 1);
    }

    Refused(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
