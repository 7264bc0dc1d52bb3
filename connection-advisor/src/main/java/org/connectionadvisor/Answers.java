package org.connectionadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.connectionadvisor.input.Limits;
import org.connectionadvisor.input.Vocabulary;

/** One answer to a question applied to facts: what {@link Facts#with(String, String)} does. */
final class Answers {
    private Answers() {
    }

    static Facts with(Facts facts, String questionId, String value) {
        Facts.Builder next = facts.toBuilder();
        if (Vocabulary.dontKnow(value)) {
            next.dontKnow(questionId);
        } else {
            switch (questionId) {
                case Vocabulary.PRODUCT -> next.product(value);
                case Vocabulary.SCOPE -> next.scope(value);
                case Vocabulary.CLIENT -> next.client(value);
                case Vocabulary.OS -> next.os(value);
                case Vocabulary.VISUAL_STUDIO_VERSION -> next.visualStudioVersion(value);
                case Vocabulary.SERVER_VERSION -> next.serverVersion(value);
                case Vocabulary.ERROR_MESSAGE -> next.errorMessage(value);
                case Vocabulary.SERVER_URL -> next.serverUrl(value);
                case Vocabulary.SYMPTOMS -> next.symptoms(value);
                case Vocabulary.CONTEXT -> next.context(value);
                case Vocabulary.CONFIRMED -> next.confirmed(value);
                case Vocabulary.RULED_OUT -> next.ruledOut(value);
                case Vocabulary.ROLE -> next.role(value);
                case Facts.SIGNED_IN_WITH -> signedInWith(next, value);
                default -> contextAnswer(next, questionId, value);
            }
        }
        // Answering a question builds facts many times over while questions are planned: the builder is not seen
        // again, so its collections become the new facts' own.
        return next.build(true);
    }

    private static void signedInWith(Facts.Builder next, String account) {
        String flag = Vocabulary.SIGNED_IN_WITH_ANSWERS.get(Limits.value(Facts.SIGNED_IN_WITH, account).trim().toLowerCase(Locale.ROOT));
        if (flag == null) {
            throw Vocabulary.unknownValue(Facts.SIGNED_IN_WITH, account, Vocabulary.SIGNED_IN_WITH_ANSWERS.keySet(), List.of());
        }
        Vocabulary.SIGNED_IN_WITH_ANSWERS.values().forEach(next::forget);
        next.answer(flag, true);
    }

    private static void contextAnswer(Facts.Builder next, String flag, String answer) {
        String canonicalFlag;
        try {
            canonicalFlag = Vocabulary.CONTEXT_FLAGS.canonical(flag);
        } catch (InvalidFactsException notAFlag) {
            List<String> questionIds = new ArrayList<>(Vocabulary.FIELDS);
            questionIds.add(Facts.SIGNED_IN_WITH);
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
