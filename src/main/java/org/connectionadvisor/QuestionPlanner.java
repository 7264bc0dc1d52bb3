package org.connectionadvisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the questions worth asking by trying every answer against the rules, so the questions can never drift
 * from what the rules depend on.
 *
 * <p>The measure: for each answer, count the rows that would leave or join the list, plus the top-3 positions
 * whose row would change, plus the top-3 recommendations whose steps would change (the OS picks a cache folder).
 * A question's impact is that count averaged over its answers. Questions are ordered by impact, highest first,
 * ties in vocabulary order; a question with impact 0 would change nothing and is not asked.
 */
final class QuestionPlanner {
    private static final int TOP = 3;
    private static final List<Answer> YES_NO = List.of(new Answer("yes", "yes"), new Answer("no", "no"));
    private static final List<String> VISUAL_STUDIO_RELEASES = List.of("2010", "2012", "2013", "2015", "2017", "2019", "2022");
    private static final List<String> SERVER_RELEASES = List.of("2010", "2012", "2013", "2015", "2017", "2018", "2019",
            "2020", "2022");
    private static final Map<String, String> CONTEXT_QUESTIONS = Map.ofEntries(
            Map.entry("remote-worker", "Do you work remotely (outside the network the server is on)?"),
            Map.entry("ssl-configured", "Does the server use SSL (an https:// address)?"),
            Map.entry("multiple-organizations", "Do you work with several organizations connected to different directories?"),
            Map.entry("org-connected-to-directory", "Is the organization connected to Microsoft Entra ID (Azure AD)?"),
            Map.entry("personal-and-work-accounts",
                    "Do you have both a personal Microsoft account and a work or school account with the same sign-in address?"),
            Map.entry("b2b-guest", "Are you a B2B guest in the organization's tenant?"),
            Map.entry("multiple-server-versions", "Do the clients connect to servers of different versions?"),
            Map.entry("wants-different-credentials", "Do you want to sign in from Visual Studio with other credentials?"));

    private QuestionPlanner() {
    }

    /**
     * @param current the ranking for {@code facts}
     * @param rank    ranks other facts with the same rules as {@code current}
     */
    static List<Question> plan(Facts facts, String product, List<Recommendation> current,
            Function<Facts, List<Recommendation>> rank) {
        List<Question> questions = new ArrayList<>();
        for (Question candidate : candidates(facts, product)) {
            double impact = impact(facts, candidate, current, rank);
            if (impact > 0) {
                questions.add(new Question(candidate.id(), candidate.text(), candidate.answers(), impact));
            }
        }
        // A stable sort keeps the vocabulary order among equal impacts.
        questions.sort(Comparator.comparingDouble(Question::impact).reversed());
        return questions;
    }

    /** Every unknown input the rules could depend on, with the answers the vocabulary accepts. */
    private static List<Question> candidates(Facts facts, String product) {
        List<Question> candidates = new ArrayList<>();
        if ("unknown".equals(product)) {
            candidates.add(choice(Vocabulary.PRODUCTS, "Which product do you connect to?"));
        }
        if (facts.scope().isEmpty()) {
            candidates.add(choice(Vocabulary.SCOPES, "Does the problem happen on one computer only, or on several computers or for several users?"));
        }
        if (facts.client().isEmpty()) {
            candidates.add(choice(Vocabulary.CLIENTS, "Do you connect from Visual Studio or from a web browser?"));
        }
        if (facts.os().isEmpty()) {
            candidates.add(choice(Vocabulary.OPERATING_SYSTEMS, "Which Windows version does the client computer run?"));
        }
        if (facts.visualStudioVersion().isEmpty()) {
            candidates.add(releases(Vocabulary.VISUAL_STUDIO_VERSION, "Which Visual Studio release do you use?", "Visual Studio ",
                    VISUAL_STUDIO_RELEASES));
        }
        if (facts.serverVersion().isEmpty()) {
            candidates.add(releases(Vocabulary.SERVER_VERSION, "Which server release do you connect to?", "TFS / Azure DevOps Server ",
                    SERVER_RELEASES));
        }
        Set<String> context = facts.context();
        if (!context.contains(Vocabulary.SIGNED_IN_WITH_WORK) && !context.contains(Vocabulary.SIGNED_IN_WITH_PERSONAL)) {
            candidates.add(new Question(Facts.SIGNED_IN_WITH, "Which account did you sign in with?",
                    List.of(new Answer("work", "the work or school (Microsoft Entra ID) account"),
                            new Answer("personal", "the personal Microsoft account")), 0));
        }
        CONTEXT_QUESTIONS.entrySet().stream()
                .filter(flag -> !context.contains(flag.getKey()))
                .sorted(Comparator.comparingInt(flag -> List.copyOf(Vocabulary.CONTEXT_FLAGS.labels().keySet()).indexOf(flag.getKey())))
                .forEach(flag -> candidates.add(new Question(flag.getKey(), flag.getValue(), YES_NO, 0)));
        return candidates;
    }

    private static Question choice(Vocabulary.Choice choice, String text) {
        List<Answer> answers = choice.labels().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
        return new Question(choice.field(), text, answers, 0);
    }

    private static Question releases(String field, String text, String labelPrefix, List<String> years) {
        return new Question(field, text, years.stream().map(y -> new Answer(y, labelPrefix + y)).toList(), 0);
    }

    private static double impact(Facts facts, Question question, List<Recommendation> current,
            Function<Facts, List<Recommendation>> rank) {
        int total = 0;
        int answered = 0;
        for (Answer answer : question.answers()) {
            Facts answeredFacts;
            try {
                answeredFacts = facts.with(question.id(), answer.value());
            } catch (InvalidFactsException contradicts) {
                continue;
            }
            total += difference(current, rank.apply(answeredFacts));
            answered++;
        }
        return answered == 0 ? 0 : (double) total / answered;
    }

    static int difference(List<Recommendation> before, List<Recommendation> after) {
        Set<String> beforeIds = ids(before);
        Set<String> afterIds = ids(after);
        int difference = 0;
        for (String id : beforeIds) {
            if (!afterIds.contains(id)) {
                difference++;
            }
        }
        for (String id : afterIds) {
            if (!beforeIds.contains(id)) {
                difference++;
            }
        }
        for (int i = 0; i < TOP && i < Math.max(before.size(), after.size()); i++) {
            Recommendation was = i < before.size() ? before.get(i) : null;
            Recommendation now = i < after.size() ? after.get(i) : null;
            if (was == null || now == null || !was.id().equals(now.id())) {
                difference++;
            } else if (!Objects.equals(was.steps(), now.steps())) {
                difference++;
            }
        }
        return difference;
    }

    private static Set<String> ids(List<Recommendation> recommendations) {
        Set<String> ids = new HashSet<>();
        recommendations.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
