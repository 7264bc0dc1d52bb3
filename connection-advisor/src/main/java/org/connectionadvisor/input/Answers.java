package org.connectionadvisor.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Limits;
import org.connectionadvisor.Vocabulary;

/** One answer to a question applied to facts: what {@code Facts.with(questionId, value)} does. */
public final class Answers {
    private Answers() {
    }

    /** Puts the answer into {@code next}: a field, {@link Vocabulary#SIGNED_IN_WITH}, a context flag, or "I don't know". */
    public static void apply(FactsFields next, String questionId, String value) {
        if (Vocabulary.dontKnow(value)) {
            next.set(Vocabulary.DONT_KNOW, questionId);
        } else if (Vocabulary.SIGNED_IN_WITH.equals(questionId)) {
            signedInWith(next, value);
        } else if (Vocabulary.FIELDS.contains(questionId) && !Vocabulary.DONT_KNOW.equals(questionId)) {
            next.set(questionId, value);
        } else {
            contextAnswer(next, questionId, value);
        }
    }

    private static void signedInWith(FactsFields next, String account) {
        String flag = Vocabulary.SIGNED_IN_WITH_ANSWERS.get(Limits.value(Vocabulary.SIGNED_IN_WITH, account).trim().toLowerCase(Locale.ROOT));
        if (flag == null) {
            throw Vocabulary.unknownValue(Vocabulary.SIGNED_IN_WITH, account, Vocabulary.SIGNED_IN_WITH_ANSWERS.keySet(), List.of());
        }
        Vocabulary.SIGNED_IN_WITH_ANSWERS.values().forEach(next::forget);
        next.answer(flag, true);
    }

    private static void contextAnswer(FactsFields next, String flag, String answer) {
        String canonicalFlag;
        try {
            canonicalFlag = Vocabulary.CONTEXT_FLAGS.canonical(flag);
        } catch (InvalidFactsException notAFlag) {
            List<String> questionIds = new ArrayList<>(Vocabulary.FIELDS);
            questionIds.add(Vocabulary.SIGNED_IN_WITH);
            questionIds.addAll(Vocabulary.CONTEXT_FLAGS.labels().keySet());
            throw Vocabulary.unknownValue("question", flag, questionIds, List.of());
        }
        switch (Limits.value(canonicalFlag, answer).trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> next.answer(canonicalFlag, true);
            case "no", "false" -> next.answer(canonicalFlag, false);
            default -> throw Vocabulary.unknownValue(canonicalFlag, answer, List.of("yes", "no"), List.of());
        }
    }
}
