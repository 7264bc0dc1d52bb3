package org.connectionadvisor.rules;

/** How many computers fail, when known: "one-computer" or "several-computers". */
public record Scope(String name, String label, boolean inferred) implements Input {
    @Override
    public String value() {
        return name;
    }

    @Override
    public String key() {
        return "scope";
    }
}
