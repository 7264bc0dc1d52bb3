package org.connectionadvisor.rules;

/** The client computer's Windows version, when known: "windows-10", "windows-8", "windows-7", "windows-vista". */
public record Os(String name, String label, boolean inferred) implements Input {
    @Override
    public String value() {
        return name;
    }

    @Override
    public String key() {
        return "os";
    }
}
