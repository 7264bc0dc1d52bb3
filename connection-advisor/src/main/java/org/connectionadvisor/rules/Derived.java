package org.connectionadvisor.rules;

import java.util.List;

/**
 * A fact the rules derived from inputs (a Topic, Finding or Detail): what {@link Provenance} follows back to the
 * inputs behind a result, without knowing each kind of derived fact.
 */
interface Derived {
    /** The inputs it was derived from. */
    List<Input> inputs();

    /** Whether it stands for a table of the documents' first steps; only a Topic can. */
    default boolean firstSteps() {
        return false;
    }

    /** The setting it was derived in; null where it carries none. */
    default Setting setting() {
        return null;
    }
}
