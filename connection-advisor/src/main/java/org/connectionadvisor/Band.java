package org.connectionadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a recommendation ranks where it does: the bands in rank order, each with the word the JSON carries. */
public enum Band {
    /** You confirmed it; confirmed rows rank first. */
    CONFIRMED("confirmed"),
    /** A fact you gave, or one inferred from it, supports it; more supporting facts rank higher. */
    SUPPORTED("supported"),
    /** A step the documents say to take first: before every row no fact supports. */
    FIRST_STEP("first-step"),
    /** It fits, and ranks in the documents' own order. */
    DOCUMENTS_ORDER("documents-order");

    private final String word;

    Band(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}
