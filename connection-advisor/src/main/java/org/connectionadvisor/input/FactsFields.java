package org.connectionadvisor.input;

import org.connectionadvisor.Vocabulary;

/**
 * What the readers of facts (the JSON reader, an answer to a question) fill: the API's facts builder, seen through
 * this interface so that the input layer needs no API type. Each setter checks its value at once.
 */
public interface FactsFields {
    FactsFields product(String value);

    FactsFields scope(String value);

    FactsFields client(String value);

    FactsFields os(String value);

    FactsFields visualStudioVersion(String value);

    FactsFields serverVersion(String value);

    FactsFields errorMessage(String value);

    FactsFields serverUrl(String value);

    FactsFields role(String value);

    FactsFields symptoms(String... values);

    FactsFields context(String... values);

    FactsFields confirmed(String... rowIds);

    FactsFields ruledOut(String... rowIds);

    FactsFields dontKnow(String... questionIds);

    /** A context flag answered yes or no. */
    FactsFields answer(String flag, boolean yes);

    /** Forgets a context answer, so that another can take its place. */
    FactsFields forget(String flag);

    /** Sets a field of {@link Vocabulary#FIELDS} by name: a list field gets the values added, the others the one value. */
    default void set(String field, String... values) {
        switch (field) {
            case Vocabulary.PRODUCT -> product(values[0]);
            case Vocabulary.SCOPE -> scope(values[0]);
            case Vocabulary.CLIENT -> client(values[0]);
            case Vocabulary.OS -> os(values[0]);
            case Vocabulary.VISUAL_STUDIO_VERSION -> visualStudioVersion(values[0]);
            case Vocabulary.SERVER_VERSION -> serverVersion(values[0]);
            case Vocabulary.ERROR_MESSAGE -> errorMessage(values[0]);
            case Vocabulary.SERVER_URL -> serverUrl(values[0]);
            case Vocabulary.ROLE -> role(values[0]);
            case Vocabulary.SYMPTOMS -> symptoms(values);
            case Vocabulary.CONTEXT -> context(values);
            case Vocabulary.CONFIRMED -> confirmed(values);
            case Vocabulary.RULED_OUT -> ruledOut(values);
            case Vocabulary.DONT_KNOW -> dontKnow(values);
            default -> throw Vocabulary.unknownField(field);
        }
    }
}
