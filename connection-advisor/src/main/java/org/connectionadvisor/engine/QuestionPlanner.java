package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.connectionadvisor.Answer;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.engine.Ranking.Placed;
import org.connectionadvisor.input.Vocabulary;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Setting;

/**
 * Finds the questions worth asking by trying every answer against the rules, so the questions can never drift
 * from what the rules depend on. The candidates are the inputs neither given nor inferred, with the answers the
 * vocabulary accepts; the rules alone decide which of them matter. The answers are tried on one live rule session
 * holding the user's facts: each what-if changes only the inputs it answers, and the rules retract what no longer
 * holds.
 *
 * <p>The measure. The change one answer makes is the number of rows that would leave or join the list, plus the
 * top-3 positions that would hold another row, plus the recommendations whose wording would change (the OS picks a
 * cache folder, the Visual Studio release the update to install). A question's impact is that change averaged over
 * its answers. A question that changes nothing on its own may change the list together with another such question
 * (the rules compare the Visual Studio and server releases): it then counts at half (two answers are needed) the
 * change its answers make once the other question is answered, averaged over both questions' answers, with the
 * partner that gives the most. Questions are ordered by impact (to six decimals), highest first, ties in vocabulary
 * order; a question with impact 0 would change nothing and is not asked.
 */
public final class QuestionPlanner {
    private static final int TOP = 3;
    private static final List<Answer> YES_NO = List.of(new Answer("yes", "yes"), new Answer("no", "no"));

    private final Situation situation;
    private final WhatIf whatIf;
    private final List<Placed> current;
    private final Set<String> baseConclusions;
    /** One planning asks for the same what-if several times (a pair of answers from either side). */
    private final Map<Situation, List<Placed>> ranked = new HashMap<>();

    private QuestionPlanner(Situation situation, WhatIf whatIf) {
        this.situation = situation;
        this.whatIf = whatIf;
        this.current = whatIf.apply(situation);
        this.baseConclusions = whatIf.session.conclusions();
    }

    /** The questions for {@code situation} on {@code rules}, most useful first. */
    public static List<Question> plan(Situation situation, RuleBase rules) {
        try (Session session = rules.open()) {
            return new QuestionPlanner(situation, new WhatIf(session, rules)).plan(candidates(situation));
        }
    }

    /**
     * What-ifs on one live session. Most answers change no result (the rows they concern do not apply): the session
     * then ranks as it did for the previous what-if, and nothing needs ranking again.
     */
    private static final class WhatIf {
        private final Session session;
        private final RuleBase rules;
        private List<Placed> placed;

        WhatIf(Session session, RuleBase rules) {
            this.session = session;
            this.rules = rules;
        }

        List<Placed> apply(Situation whatIf) {
            if (session.apply(whatIf.inputs()) || placed == null) {
                placed = Ranking.placement(session.state(), rules.rows(), whatIf.facts());
            }
            return placed;
        }
    }

    /**
     * What one question's answers do on their own, each tried from the user's facts: the change they make, whether
     * any of them concludes a topic or finding of a name not concluded before (even with no visible result), and the
     * rules their new inputs are mentioned in.
     */
    private record Alone(double impact, boolean concludes, Set<String> mentionedIn) {
    }

    private Alone alone(Question question) {
        boolean[] concludes = {false};
        Set<String> mentionedIn = new HashSet<>();
        Set<String> given = new HashSet<>();
        situation.inputs().forEach(input -> given.add(input.key() + "=" + input.value()));
        double impact = average(situation, question, answered -> {
            for (Input input : answered.inputs()) {
                if (!given.contains(input.key() + "=" + input.value())) {
                    mentionedIn.addAll(whatIf.rules.rulesMentioning(input));
                }
            }
            List<Placed> placed = ranking(answered);
            concludes[0] |= !whatIf.session.conclusions().equals(baseConclusions);
            whatIf.apply(situation);
            return difference(current, placed);
        });
        return new Alone(impact, concludes[0], mentionedIn);
    }

    /**
     * Two questions that change nothing on their own can matter together only through a rule that mentions both their
     * answers, or through a conclusion one of them draws on its own: other pairs are not tried.
     */
    private static boolean mayMatterTogether(Alone one, Alone other) {
        return one.concludes() || other.concludes() || !Collections.disjoint(one.mentionedIn(), other.mentionedIn());
    }

    private List<Question> plan(List<Question> candidates) {
        double[] impacts = new double[candidates.size()];
        List<Alone> alone = new ArrayList<>();
        List<Integer> inert = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            alone.add(alone(candidates.get(i)));
            impacts[i] = alone.get(i).impact();
            if (impacts[i] == 0) {
                inert.add(i);
            }
        }
        for (int i : inert) {
            for (int j : inert) {
                if (i != j && mayMatterTogether(alone.get(i), alone.get(j))) {
                    impacts[i] = Math.max(impacts[i], together(candidates.get(i), candidates.get(j)) / 2);
                }
            }
        }
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            // Averages of averages differ in the last bit by summing order; equal measures must tie.
            impacts[i] = Math.round(impacts[i] * 1e6) / 1e6;
            if (impacts[i] > 0) {
                asked.add(i);
            }
        }
        // A stable sort keeps the vocabulary order among equal impacts.
        asked.sort(Comparator.comparingDouble((Integer i) -> impacts[i]).reversed());
        return asked.stream().map(i -> withImpact(candidates.get(i), impacts[i])).toList();
    }

    /** The change {@code question}'s answers make once {@code partner} is answered, averaged over both. */
    private double together(Question question, Question partner) {
        return average(situation, partner, withPartner -> {
            List<Placed> before = ranking(withPartner);
            return average(withPartner, question, answered -> difference(before, ranking(answered)));
        });
    }

    /** {@code measure} averaged over the situations each answer gives; an answer that contradicts the facts is left out. */
    private static double average(Situation base, Question question, ToDoubleFunction<Situation> measure) {
        double total = 0;
        int answers = 0;
        for (Answer answer : question.answers()) {
            Optional<Situation> answered = answered(base, question, answer);
            if (answered.isPresent()) {
                total += measure.applyAsDouble(answered.get());
                answers++;
            }
        }
        return answers == 0 ? 0 : total / answers;
    }

    private static Optional<Situation> answered(Situation base, Question question, Answer answer) {
        try {
            return Optional.of(base.with(base.facts().with(question.id(), answer.value())));
        } catch (InvalidFactsException contradicts) {
            return Optional.empty();
        }
    }

    private List<Placed> ranking(Situation answered) {
        return ranked.computeIfAbsent(answered, whatIf::apply);
    }

    /** Every input neither given nor inferred, with the answers the vocabulary accepts for it. */
    private static List<Question> candidates(Situation situation) {
        List<Question> candidates = new ArrayList<>();
        if (Setting.UNKNOWN.equals(situation.product())) {
            candidates.add(question(Vocabulary.PRODUCT, Vocabulary.PRODUCTS.labels()));
        }
        if (!situation.knows(Vocabulary.SCOPE)) {
            candidates.add(question(Vocabulary.SCOPE, Vocabulary.SCOPES.labels()));
        }
        if (!situation.knows(Vocabulary.CLIENT)) {
            candidates.add(question(Vocabulary.CLIENT, Vocabulary.CLIENTS.labels()));
        }
        if (!situation.knows(Vocabulary.OS)) {
            candidates.add(question(Vocabulary.OS, Vocabulary.OPERATING_SYSTEMS.labels()));
        }
        if (!situation.knows(Vocabulary.VISUAL_STUDIO_VERSION)) {
            candidates.add(question(Vocabulary.VISUAL_STUDIO_VERSION, Vocabulary.VISUAL_STUDIO_RELEASES));
        }
        if (!situation.knows(Vocabulary.SERVER_VERSION)) {
            candidates.add(question(Vocabulary.SERVER_VERSION, Vocabulary.SERVER_RELEASES));
        }
        Map<String, String> accounts = Vocabulary.SIGNED_IN_WITH_ANSWERS;
        if (accounts.values().stream().noneMatch(flag -> situation.knows("context:" + flag))) {
            Map<String, String> labels = new LinkedHashMap<>();
            accounts.forEach((answer, flag) -> labels.put(answer, Vocabulary.CONTEXT_FLAGS.label(flag)));
            candidates.add(question(Facts.SIGNED_IN_WITH, labels));
        }
        for (String flag : Vocabulary.CONTEXT_FLAGS.labels().keySet()) {
            if (!situation.knows("context:" + flag) && !accounts.containsValue(flag)) {
                candidates.add(new Question(flag, Vocabulary.question(flag), YES_NO, 0));
            }
        }
        return candidates;
    }

    private static Question withImpact(Question question, double impact) {
        return new Question(question.id(), question.text(), question.answers(), impact);
    }

    private static Question question(String id, Map<String, String> answerLabels) {
        List<Answer> answers = answerLabels.entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
        return new Question(id, Vocabulary.question(id), answers, 0);
    }

    /** The change from {@code before} to {@code after}, as the class comment defines it. */
    static int difference(List<Placed> before, List<Placed> after) {
        if (before == after) {
            return 0; // the what-if changed no result
        }
        Map<String, Placed> beforeById = byId(before);
        Map<String, Placed> afterById = byId(after);
        int difference = 0;
        for (Placed was : before) {
            Placed now = afterById.get(was.id());
            if (now == null || !was.wording().equals(now.wording())) {
                difference++;
            }
        }
        for (Placed now : after) {
            if (!beforeById.containsKey(now.id())) {
                difference++;
            }
        }
        for (int i = 0; i < TOP && i < Math.max(before.size(), after.size()); i++) {
            String was = i < before.size() ? before.get(i).id() : null;
            String now = i < after.size() ? after.get(i).id() : null;
            if (!Objects.equals(was, now)) {
                difference++;
            }
        }
        return difference;
    }

    private static Map<String, Placed> byId(List<Placed> ranking) {
        Map<String, Placed> byId = new HashMap<>();
        ranking.forEach(placed -> byId.put(placed.id(), placed));
        return byId;
    }
}
