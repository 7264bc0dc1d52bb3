package org.connectionadvisor;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How sure the advisor is that a recommendation fits. */
public enum Status {
    /** The user verified this row's problem holds. */
    CONFIRMED,
    /** A distinctive symptom or context fact points at this row. */
    LIKELY,
    /** The row fits the product, scope and symptoms, nothing more. */
    POSSIBLE;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
