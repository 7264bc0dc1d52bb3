package org.connectionadvisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every question the advisor can ask, in one place: its text, its answers (the values {@link Facts#with} takes, then
 * "I don't know") and who can usually answer it. The planner picks from these, and the service publishes them, so a
 * form, a chat bot and {@code ask} can never ask differently. The order is the tie-break among equal questions.
 */
public final class QuestionCatalogue {
    /** Questions the person at the computer can seldom answer: the server's release and how it is set up. */
    private static final Set<String> FOR_ADMINISTRATORS = Set.of(Vocabulary.SERVER_VERSION, "org-connected-to-directory",
            "b2b-guest", "multiple-server-versions");
    /**
     * Facts people volunteer, and the planner does not ask: "it worked until recently" adds support to rows the
     * documents already put first where an error code's table applies (the password in the one-computer table, the
     * TFSService password in the several-users table), and a "no" contradicts none; asked, it joined 5 samples'
     * questions and changed no triage conversation (docs/questions.md).
     */
    private static final Set<String> VOLUNTEERED = Set.of(Vocabulary.RECENT_CHANGE);
    private static final List<Answer> YES_NO = List.of(new Answer("yes", "yes"), new Answer("no", "no"));
    private static final List<Question> ALL = build();

    private QuestionCatalogue() {
    }

    /** Every question, impact 0, in the catalogue's order. */
    public static List<Question> all() {
        return ALL;
    }

    /** Whether the planner asks the question; a volunteered fact is in the catalogue (a form may offer it) but not asked. */
    public static boolean asked(String id) {
        return !VOLUNTEERED.contains(id);
    }

    public static Optional<Question> find(String id) {
        return ALL.stream().filter(question -> question.id().equals(id)).findFirst();
    }

    /** The catalogue's id of a question id as given (a context flag in any case), or one line naming the accepted ids. */
    static String canonicalId(String field, String given) {
        String id = Limits.value(field, given).trim();
        for (Question question : ALL) {
            if (question.id().equalsIgnoreCase(id)) {
                return question.id();
            }
        }
        throw Vocabulary.unknownValue(field, given, ALL.stream().map(Question::id).toList(), List.of());
    }

    private static List<Question> build() {
        List<Question> questions = new ArrayList<>();
        questions.add(question(Vocabulary.PRODUCT, Vocabulary.PRODUCTS.labels()));
        questions.add(question(Vocabulary.SCOPE, Vocabulary.SCOPES.labels()));
        questions.add(question(Vocabulary.CLIENT, Vocabulary.CLIENTS.labels()));
        questions.add(question(Vocabulary.OS, Vocabulary.OPERATING_SYSTEMS.labels()));
        questions.add(question(Vocabulary.VISUAL_STUDIO_VERSION, Vocabulary.VISUAL_STUDIO_RELEASES));
        questions.add(question(Vocabulary.SERVER_VERSION, Vocabulary.SERVER_RELEASES));
        Map<String, String> accounts = new LinkedHashMap<>();
        Vocabulary.SIGNED_IN_WITH_ANSWERS.forEach((answer, flag) -> accounts.put(answer, Vocabulary.CONTEXT_FLAGS.label(flag)));
        questions.add(question(Facts.SIGNED_IN_WITH, accounts));
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("administrator", "yes, I am the administrator");
        roles.put("user", "no, I am not the administrator");
        questions.add(question(Vocabulary.ROLE, roles));
        for (String flag : Vocabulary.CONTEXT_FLAGS.labels().keySet()) {
            if (!Vocabulary.SIGNED_IN_WITH_ANSWERS.containsValue(flag)) {
                questions.add(question(flag, YES_NO));
            }
        }
        return List.copyOf(questions);
    }

    private static Question question(String id, Map<String, String> answerLabels) {
        return question(id, answerLabels.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList());
    }

    private static Question question(String id, List<Answer> settling) {
        List<Answer> answers = new ArrayList<>(settling);
        answers.add(Question.DONT_KNOW);
        return new Question(id, Vocabulary.question(id), answers, 0,
                FOR_ADMINISTRATORS.contains(id) ? Actor.ADMINISTRATOR : Actor.USER);
    }
}
