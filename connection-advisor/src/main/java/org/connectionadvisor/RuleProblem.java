package org.connectionadvisor;


/** One problem in a rule file: where it is (file, 1-based line, rule name where known) and what is wrong. */
public record RuleProblem(String file, int line, String rule, String message) {
    /**
     * The {@code FILE:LINE: message (rule "NAME")} form editors and terminals understand, on one line whatever the file
     * name, the rule name or a quoted piece of a file holds: control and bidi characters are shown escaped.
     */
    public String format() {
        return Echo.safe(file + ":" + line + ": " + message + (rule == null ? "" : " (rule \"" + rule + "\")"));
    }
}
