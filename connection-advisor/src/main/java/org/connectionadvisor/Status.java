package org.connectionadvisor;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How sure the advisor is that a recommendation fits. */
public enum Status {
    /** The user verified this row's problem holds. */
    CONFIRMED,
    /** A fact the user gave, or one inferred from it, supports this row. */
    LIKELY,
    /** The row fits what is known, and no fact supports it in particular. */
    POSSIBLE;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
