package org.connectionadvisor;

/** One problem in a rule file: where it is (file, 1-based line, rule name where known) and what is wrong. */
public record RuleProblem(String file, int line, String rule, String message) {
    /** The {@code FILE:LINE: message (rule "NAME")} form editors and terminals understand. */
    public String format() {
        return file + ":" + line + ": " + message + (rule == null ? "" : " (rule \"" + rule + "\")");
    }
}
