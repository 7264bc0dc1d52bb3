package org.connectionadvisor.rules;

/** What the user connects with, when known: "visual-studio" or "browser". */
public record Client(String name, String label, boolean inferred) implements Input {
    @Override
    public String value() {
        return name;
    }

    @Override
    public String key() {
        return "client";
    }
}
