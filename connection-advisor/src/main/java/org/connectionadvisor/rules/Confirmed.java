package org.connectionadvisor.rules;

/** A row the user verified to be the problem; some rows take another row's confirmation as support. */
public record Confirmed(String row, String label) implements Input {
    @Override
    public String value() {
        return row;
    }

    @Override
    public String key() {
        return "confirmed:" + row;
    }

    @Override
    public boolean inferred() {
        return false;
    }
}
