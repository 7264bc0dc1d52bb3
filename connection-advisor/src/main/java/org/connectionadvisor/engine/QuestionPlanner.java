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
     * inputs of each answered situation (the rules these mention are looked up only for questions that change nothing).
     */
    private record Alone(double impact, boolean concludes, List<List<Input>> answeredInputs) {
    }

    private Alone alone(Question question) {
        boolean[] concludes = {false};
        List<List<Input>> answeredInputs = new ArrayList<>();
        double impact = average(situation, question, answered -> {
            answeredInputs.add(answered.inputs());
            // The session is left holding this answer: the next what-if changes only what differs from it.
            List<Placed> placed = ranking(answered);
            concludes[0] |= !whatIf.session.conclusions().equals(baseConclusions);
            return difference(current, placed);
        });
        return new Alone(impact, concludes[0], answeredInputs);
    }

    /** The rules that mention an input one of the question's answers adds to the user's facts. */
    private Set<String> mentionedIn(Alone alone) {
        Set<String> given = new HashSet<>();
        situation.inputs().forEach(input -> given.add(input.key() + "=" + input.value()));
        Set<String> mentionedIn = new HashSet<>();
        for (List<Input> inputs : alone.answeredInputs()) {
            for (Input input : inputs) {
                if (!given.contains(input.key() + "=" + input.value())) {
                    mentionedIn.addAll(whatIf.rules.rulesMentioning(input));
                }
            }
        }
        return mentionedIn;
    }

    /**
     * Two questions that change nothing on their own can matter together only through a rule that mentions both their
     * answers, or through a conclusion one of them draws on its own: other pairs are not tried.
     */
    private static boolean mayMatterTogether(Alone one, Set<String> oneMentionedIn, Alone other, Set<String> otherMentionedIn) {
        return one.concludes() || other.concludes() || !Collections.disjoint(oneMentionedIn, otherMentionedIn);
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
        Map<Integer, Set<String>> mentionedIn = new HashMap<>();
        if (inert.size() > 1) {
            inert.forEach(i -> mentionedIn.put(i, mentionedIn(alone.get(i))));
        }
        for (int a = 0; a < inert.size(); a++) {
            for (int b = a + 1; b < inert.size(); b++) {
                int i = inert.get(a);
                int j = inert.get(b);
                if (mayMatterTogether(alone.get(i), mentionedIn.get(i), alone.get(j), mentionedIn.get(j))) {
                    Together together = together(candidates.get(i), candidates.get(j));
                    impacts[i] = Math.max(impacts[i], together.firstOnceSecond() / 2);
                    impacts[j] = Math.max(impacts[j], together.secondOnceFirst() / 2);
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

    /** The change each question's answers make once the other is answered, each averaged over both questions' answers. */
    private record Together(double firstOnceSecond, double secondOnceFirst) {
    }

    /**
     * Both directions from one grid of the two questions' answers, each pair of answers tried once; the grid is walked
     * one answer of {@code second} at a time, so each what-if changes one input of the one before.
     */
    private Together together(Question first, Question second) {
        List<Placed>[] firsts = rankedEach(first);
        List<Placed>[] seconds = rankedEach(second);
        double[] firstChange = new double[seconds.length];
        int[] firstAnswers = new int[seconds.length];
        double[] secondChange = new double[firsts.length];
        int[] secondAnswers = new int[firsts.length];
        for (int x = 0; x < firsts.length; x++) {
            Optional<Situation> withFirst = answered(situation, first, first.answers().get(x));
            for (int y = 0; y < seconds.length && withFirst.isPresent(); y++) {
                Optional<Situation> withBoth = seconds[y] == null ? Optional.empty()
                        : answered(withFirst.get(), second, second.answers().get(y));
                if (withBoth.isPresent()) {
                    List<Placed> placed = ranking(withBoth.get());
                    secondChange[x] += difference(firsts[x], placed);
                    secondAnswers[x]++;
                    firstChange[y] += difference(seconds[y], placed);
                    firstAnswers[y]++;
                }
            }
        }
        return new Together(meanOfMeans(firstChange, firstAnswers, seconds), meanOfMeans(secondChange, secondAnswers, firsts));
    }

    /** The ranking after each of {@code question}'s answers, null where the answer contradicts the facts. */
    @SuppressWarnings("unchecked")
    private List<Placed>[] rankedEach(Question question) {
        List<Placed>[] placed = new List[question.answers().size()];
        for (int i = 0; i < placed.length; i++) {
            placed[i] = answered(situation, question, question.answers().get(i)).map(this::ranking).orElse(null);
        }
        return placed;
    }

    /** The mean over the partner's possible answers of the mean change for each; no possible answer counts as 0. */
    private static double meanOfMeans(double[] totals, int[] counts, List<Placed>[] partnerAnswers) {
        double sum = 0;
        int answers = 0;
        for (int i = 0; i < totals.length; i++) {
            if (partnerAnswers[i] != null) {
                sum += counts[i] == 0 ? 0 : totals[i] / counts[i];
                answers++;
            }
        }
        return answers == 0 ? 0 : sum / answers;
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
        // An Azure DevOps Services organization runs no release of the server: there is nothing to ask.
        if (!situation.knows(Vocabulary.SERVER_VERSION) && !"services".equals(situation.product())) {
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
        int difference = 0;
        int shift = 0;
        for (int i = 0; i < before.size(); i++) {
            Placed was = before.get(i);
            int at = indexOf(after, was.id(), i + shift);
            if (at < 0) {
                difference++;
            } else {
                shift = at - i;
                if (!was.wording().equals(after.get(at).wording())) {
                    difference++;
                }
            }
        }
        shift = 0;
        for (int i = 0; i < after.size(); i++) {
            int at = indexOf(before, after.get(i).id(), i + shift);
            if (at < 0) {
                difference++;
            } else {
                shift = at - i;
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

    /**
     * A scan, not a map: rankings are a few dozen rows, and a map per comparison cost more than the scans. Rows keep
     * their order, shifted by the rows that came or went before them, so the scan starts where the row is likely to be.
     */
    private static int indexOf(List<Placed> ranking, String id, int likelyAt) {
        if (likelyAt >= 0 && likelyAt < ranking.size() && ranking.get(likelyAt).id().equals(id)) {
            return likelyAt;
        }
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
