package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Answer;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.QuestionCatalogue;
import org.connectionadvisor.engine.Ranking.Placed;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Role;
import org.connectionadvisor.rules.Setting;

/**
 * Finds the questions worth asking by trying every answer against the rules, so the questions can never drift
 * from what the rules depend on. The candidates are the inputs neither given nor inferred, with the answers the
 * vocabulary accepts; the rules alone decide which of them matter. The answers are tried on one live rule session
 * holding the user's facts: each what-if changes only the inputs it answers, and the rules retract what no longer
 * holds. What-ifs the rules cannot tell apart (releases that every test of the rules places alike, {@link
 * ReleaseClasses}) are tried once.
 *
 * <p>The measure: what a person sees. The change one answer makes counts {@value #FIRST} when the first
 * recommendation would be another row, {@value #TOP_POSITION} for each other top-3 position that would hold another
 * row, {@value #REST} for each row that would leave or join the list, and {@value #WORDING} for each top-3 row whose
 * wording alone would change (the OS picks a cache folder, the Visual Studio release the update to install); wording
 * further down counts nothing. A question's impact is that change averaged over its answers ("I don't know" is not
 * one: it changes nothing), weighted by how likely each answer is where the rules can say so: an answer that adds
 * support to a row the user's facts already support agrees with the evidence and counts twice; other answers count
 * once. A question that changes nothing on its own may change the list together with another such question (the
 * rules compare the Visual Studio and server releases): it then counts at half (two answers are needed) the change
 * its answers make once the other question is answered, averaged over both questions' answers, with the partner that
 * gives the most.
 *
 * <p>The order. Questions are ordered by impact (to six decimals), highest first; a question only an administrator
 * can usually answer is ordered as if its impact were {@value #ADMINISTRATORS_QUESTION} of it unless the user is the
 * administrator. Questions within {@value #NEAR} (a tenth) of the most useful one not yet placed are near-equals:
 * among them, those the person at the computer can answer come first, then the {@link QuestionCatalogue}'s order
 * (settings, releases, accounts, role, then the context flags). A question with impact 0 would change nothing and is
 * not asked, nor is one answered "I don't know" ({@link Facts#dontKnow()}).
 */
public final class QuestionPlanner {
    private static final int TOP = 3;
    static final double FIRST = 8;
    static final double TOP_POSITION = 2;
    static final double REST = 0.25;
    static final double WORDING = 0.25;
    static final double ADMINISTRATORS_QUESTION = 0.75;
    /** Questions within this share of the most useful one left are near-equals. */
    static final double NEAR = 0.1;
    /** The weight of an answer that agrees with the evidence (adds support to a row already supported). */
    private static final double AGREES = 2;

    private final Situation situation;
    private final WhatIf whatIf;
    private final List<Placed> current;
    private final Set<String> baseConclusions;
    /**
     * The what-ifs tried, by their inputs as the rules see them: one planning asks for the same what-if several times
     * (a pair of answers from either side), and for many that differ only in releases the rules tell apart the same
     * way (most pairs of a Visual Studio and a server release: see {@link ReleaseClasses}).
     */
    private final Map<Object, Tried> tried = new HashMap<>();

    private final Map<Rankings, Double> differences = new HashMap<>();

    /** A what-if's ranking, and whether it concluded a topic or finding of a name not concluded from the user's facts. */
    private record Tried(List<Placed> placed, boolean concludes) {
    }

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
     * then ranks as it did for the previous what-if, and nothing needs ranking again, unless the role differs.
     */
    private static final class WhatIf {
        private final Session session;
        private final RuleBase rules;
        private List<Placed> placed;
        private Optional<String> placedRole = Optional.empty();

        WhatIf(Session session, RuleBase rules) {
            this.session = session;
            this.rules = rules;
        }

        List<Placed> apply(Situation whatIf) {
            // The role changes no rule result, only the ranking: another role ranks again.
            Optional<String> role = whatIf.facts().role();
            if (session.apply(whatIf.inputs()) || placed == null || !role.equals(placedRole)) {
                placed = Ranking.placement(session.state(), rules.rows(), whatIf.facts());
                placedRole = role;
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
        double impact = weightedAverage(situation, question, answered -> {
            answeredInputs.add(answered.inputs());
            Tried tried = tried(answered);
            concludes[0] |= tried.concludes();
            return tried.placed();
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
        boolean administrator = situation.facts().role().filter(Role.ADMINISTRATOR::equals).isPresent();
        double[] ordering = new double[candidates.size()];
        boolean[] answerable = new boolean[candidates.size()];
        for (int i : asked) {
            answerable[i] = administrator || candidates.get(i).answeredBy() == Actor.USER;
            ordering[i] = answerable[i] ? impacts[i] : impacts[i] * ADMINISTRATORS_QUESTION;
        }
        // A stable sort keeps the catalogue's order among equal impacts.
        asked.sort(Comparator.comparingDouble((Integer i) -> ordering[i]).reversed());
        List<Question> ordered = new ArrayList<>(asked.size());
        for (int start = 0, end; start < asked.size(); start = end) {
            double top = ordering[asked.get(start)];
            end = start;
            while (end < asked.size() && ordering[asked.get(end)] >= top * (1 - NEAR)) {
                end++;
            }
            // Near-equals: those the person can answer first, then the catalogue's order (candidates keep it).
            List<Integer> near = new ArrayList<>(asked.subList(start, end));
            near.sort(Comparator.comparing((Integer i) -> !answerable[i]).thenComparing(Comparator.naturalOrder()));
            near.forEach(i -> ordered.add(withImpact(candidates.get(i), impacts[i])));
        }
        return ordered;
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
            Optional<Situation> withFirst = answered(situation, first, first.settling().get(x));
            for (int y = 0; y < seconds.length && withFirst.isPresent(); y++) {
                Optional<Situation> withBoth = seconds[y] == null ? Optional.empty()
                        : answered(withFirst.get(), second, second.settling().get(y));
                if (withBoth.isPresent()) {
                    List<Placed> placed = ranking(withBoth.get());
                    secondChange[x] += compared(firsts[x], placed);
                    secondAnswers[x]++;
                    firstChange[y] += compared(seconds[y], placed);
                    firstAnswers[y]++;
                }
            }
        }
        return new Together(meanOfMeans(firstChange, firstAnswers, seconds), meanOfMeans(secondChange, secondAnswers, firsts));
    }

    /** Two rankings by identity: what-ifs the rules see alike share one ranking ({@link #tried}). */
    private record Rankings(List<Placed> before, List<Placed> after) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Rankings rankings && before == rankings.before && after == rankings.after;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(before) + System.identityHashCode(after);
        }
    }

    /** {@link #difference}, computed once for each two rankings: a grid of answers compares the same few many times. */
    private double compared(List<Placed> before, List<Placed> after) {
        return differences.computeIfAbsent(new Rankings(before, after), pair -> difference(before, after));
    }

    /** The ranking after each of {@code question}'s answers, null where the answer contradicts the facts. */
    @SuppressWarnings("unchecked")
    private List<Placed>[] rankedEach(Question question) {
        List<Placed>[] placed = new List[question.settling().size()];
        for (int i = 0; i < placed.length; i++) {
            placed[i] = answered(situation, question, question.settling().get(i)).map(this::ranking).orElse(null);
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

    /**
     * The change each answer makes, averaged with each answer's weight; an answer that contradicts the facts is left out.
     */
    private double weightedAverage(Situation base, Question question, Function<Situation, List<Placed>> rank) {
        double total = 0;
        double weights = 0;
        for (Answer answer : question.settling()) {
            Optional<Situation> answered = answered(base, question, answer);
            if (answered.isPresent()) {
                List<Placed> placed = rank.apply(answered.get());
                double weight = agrees(current, placed) ? AGREES : 1;
                total += weight * difference(current, placed);
                weights += weight;
            }
        }
        return weights == 0 ? 0 : total / weights;
    }

    /** Whether an answer adds support to a row that the facts already support: the rules say it is the likelier one. */
    static boolean agrees(List<Placed> before, List<Placed> after) {
        if (before == after) {
            return false;
        }
        for (int i = 0; i < after.size(); i++) {
            Placed now = after.get(i);
            if (now.support() > 1) {
                int at = indexOf(before, now.id(), i);
                if (at >= 0 && before.get(at).support() >= 1 && now.support() > before.get(at).support()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Situation> answered(Situation base, Question question, Answer answer) {
        try {
            return Optional.of(base.with(base.facts().with(question.id(), answer.value())));
        } catch (InvalidFactsException contradicts) {
            return Optional.empty();
        }
    }

    private List<Placed> ranking(Situation answered) {
        return tried(answered).placed();
    }

    /** The session is left holding the last what-if tried: the next one changes only what differs from it. */
    private Tried tried(Situation answered) {
        return tried.computeIfAbsent(whatIf.rules.asRulesSeeThem(answered.inputs()),
                seen -> new Tried(whatIf.apply(answered), !whatIf.session.conclusions().equals(baseConclusions)));
    }

    /** Every question the catalogue asks whose input is neither given nor inferred, nor answered "I don't know". */
    private static List<Question> candidates(Situation situation) {
        Facts facts = situation.facts();
        List<Question> candidates = new ArrayList<>();
        for (Question question : QuestionCatalogue.all()) {
            if (QuestionCatalogue.asked(question.id()) && !facts.dontKnow().contains(question.id()) && open(situation, question.id())) {
                candidates.add(question);
            }
        }
        return candidates;
    }

    private static boolean open(Situation situation, String id) {
        return switch (id) {
            case Vocabulary.PRODUCT -> Setting.UNKNOWN.equals(situation.product());
            // Windows 11 is known though the rules see no OS (the documents list no folder for it).
            case Vocabulary.OS -> situation.facts().os().isEmpty();
            // An Azure DevOps Services organization runs no release of the server: there is nothing to ask.
            case Vocabulary.SERVER_VERSION -> !situation.knows(id) && !"services".equals(situation.product());
            case Facts.SIGNED_IN_WITH -> Vocabulary.SIGNED_IN_WITH_ANSWERS.values().stream()
                    .noneMatch(flag -> situation.knows("context:" + flag));
            case Vocabulary.SCOPE, Vocabulary.CLIENT, Vocabulary.VISUAL_STUDIO_VERSION, Vocabulary.ROLE -> !situation.knows(id);
            default -> !situation.knows("context:" + id);
        };
    }

    private static Question withImpact(Question question, double impact) {
        return new Question(question.id(), question.text(), question.answers(), impact, question.answeredBy());
    }

    /** The change from {@code before} to {@code after}, as the class comment defines it. */
    static double difference(List<Placed> before, List<Placed> after) {
        if (before == after) {
            return 0; // the what-if changed no result
        }
        double difference = 0;
        int shift = 0;
        for (int i = 0; i < before.size(); i++) {
            Placed was = before.get(i);
            int at = indexOf(after, was.id(), i + shift);
            if (at < 0) {
                difference += REST;
            } else {
                shift = at - i;
                if (at < TOP && !was.wording().equals(after.get(at).wording())) {
                    difference += WORDING;
                }
            }
        }
        shift = 0;
        for (int i = 0; i < after.size(); i++) {
            int at = indexOf(before, after.get(i).id(), i + shift);
            if (at < 0) {
                difference += REST;
            } else {
                shift = at - i;
            }
        }
        for (int i = 0; i < TOP && i < Math.max(before.size(), after.size()); i++) {
            String was = i < before.size() ? before.get(i).id() : null;
            String now = i < after.size() ? after.get(i).id() : null;
            if (!Objects.equals(was, now)) {
                difference += i == 0 ? FIRST : TOP_POSITION;
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
