package org.connectionadvisor;

/** A diagnosis could not finish because of the rules, for example a rule that keeps firing. */
public final class DiagnosisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DiagnosisException(String message) {
        super(message);
    }
}
