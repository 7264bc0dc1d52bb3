package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Answer;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionPlannerTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();

    private static Diagnosis diagnose(String json) {
        return ADVISOR.diagnose(Facts.fromJson(json));
    }

    private static List<String> questionIds(String json) {
        return diagnose(json).questions().stream().map(Question::id).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                                                       | product",
            "{\"symptoms\": [\"TF31002\"]}                                                            | product",
            "{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}                                   | scope",
            "{\"serverUrl\": \"http://tfs.contoso.com:8080/tfs\", \"symptoms\": [\"TF31002\"]}        | scope",
            "{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"personal-and-work-accounts\"]} | signed-in-with",
            "{\"product\": \"services\", \"symptoms\": [\"work-or-personal-prompt\"]}                 | signed-in-with",
            "{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"serverVersion\": \"2019\", \"symptoms\": [\"TF31002\"]} | visualStudioVersion"})
    void firstQuestionIsTheOneThatChangesTheRankingMost(String facts, String expected) {
        assertThat(questionIds(facts).get(0)).isEqualTo(expected);
    }

    @Test
    void whichAccountOutweighsTheOtherQuestionsByTheStatedMeasure() {
        // Now: the two Scenario rows are likely (the two accounts support both), then the reset (first step), then the
        // 401 table and the fallbacks. work: the personal-account row leaves (0.25), positions 2 and 3 hold other rows
        // (2 + 2): 4.25. personal: the work-account row leaves (0.25), the first and positions 2 and 3 change
        // (8 + 2 + 2): 12.25. Average 8.25. b2b-guest yes: its row, likely, takes the first place (8 + 2 + 2); no: the
        // row leaves (0.25): 6.125, but only an administrator usually knows, so it is ordered at three quarters. client:
        // a browser user is given the reset without its Visual Studio steps, a wording change in the top 3 (0.25) for
        // one of the two answers: 0.125.
        Diagnosis diagnosis = diagnose("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"personal-and-work-accounts\"]}");

        assertThat(diagnosis.ids()).startsWith("signed-in-with-work-account", "signed-in-with-personal-account", "reset-signin-state");
        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact, Question::answeredBy)
                .containsExactly(tuple("signed-in-with", 8.25, Actor.USER), tuple("b2b-guest", 6.125, Actor.ADMINISTRATOR),
                        tuple("multiple-organizations", 1.375, Actor.USER), tuple("wants-different-credentials", 1.125, Actor.USER),
                        tuple("scope", 1.0, Actor.USER), tuple("org-connected-to-directory", 1.125, Actor.ADMINISTRATOR),
                        tuple("client", 0.125, Actor.USER));
        assertThat(diagnosis.questions().get(0).answers()).containsExactly(
                new Answer("work", "you signed in with the work or school account"),
                new Answer("personal", "you signed in with the personal Microsoft account"),
                new Answer("dont-know", "I don't know"));
    }

    @Test
    void servicesAsksNothingThatOnlyServerRowsDependOn() {
        // No os (the cache folder is in Server rows), no server version. TF31002 tells that the client is Visual Studio,
        // so that is not asked; the Visual Studio release words only a row below the top 3, which counts nothing.
        // Several users make the status page first (8 + 2 + 2 + 0: 6 on average); multiple-organizations yes makes the
        // switching rows first (12, and 0.75 for the rows around), no takes them out (3 x 0.25). The directory question
        // (7.125) is usually the administrator's: ordered at three quarters (5.34), after the near-equals the person at
        // the computer can answer, which keep the catalogue's order.
        assertThat(diagnose("{\"product\": \"services\", \"symptoms\": [\"TF31002\"]}").questions())
                .extracting(Question::id, Question::impact).containsExactly(tuple("scope", 6.0),
                        tuple("multiple-organizations", 6.375), tuple("wants-different-credentials", 6.125),
                        tuple("org-connected-to-directory", 7.125));
    }

    @Test
    void aBrowserUserIsNotAskedWhatOnlyVisualStudioRowsDependOn() {
        // clear-client-cache, remote-needs-proxy and client-older-than-server need Visual Studio: no remote-worker, no
        // versions. The os words only the cache step of ssl-certificate, below the top 3: not worth asking.
        assertThat(questionIds("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"browser\", \"symptoms\": [\"TF31002\"]}"))
                .containsExactly("ssl-configured");
    }

    @Test
    void theOsIsNotAskedWhenItOnlyWordsRowsBelowTheTopThree() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.questions()).extracting(Question::id).containsExactly("remote-worker", "ssl-configured",
                "multiple-server-versions", "visualStudioVersion", "serverVersion");
        // remote-worker yes: its row is likely and first (8 + 2 + 2); no: it leaves (0.25).
        assertThat(diagnosis.questions().get(0).impact()).isEqualTo(6.125);
    }

    @Test
    void theOsIsAskedWhenItWordsARowOfTheTopThree() {
        // ssl-certificate leads (the https address), and its cache step (Visual Studio's cache: a browser user gets
        // none) names the folder of the os: every listed answer words it differently (0.25), Windows 11 like an
        // unknown version (0): 4 x 0.25 / 5.
        Diagnosis diagnosis = diagnose("{\"serverUrl\": \"https://tfs.contoso.com/tfs\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.ids().get(0)).isEqualTo("ssl-certificate");
        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact).contains(tuple("os", 0.2));
    }

    @Test
    void theTwoVersionsCountTogetherAtHalfWhenBothAreUnknown() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}");

        // Of the 11 server x 10 Visual Studio releases, 51 pairs have the server newer: client-older-than-server
        // becomes likely and takes the first place (8 + 2 + 2); in the other 59 it leaves the list from position 5
        // (0.25). Half of that average, to six decimals: (51 x 12 + 59 x 0.25) / 110 / 2 = 2.848863...
        assertThat(diagnosis.questions()).filteredOn(q -> q.id().endsWith("Version")).extracting(Question::id, Question::impact)
                .containsExactly(tuple("visualStudioVersion", 2.848864), tuple("serverVersion", 2.848864));
    }

    @Test
    void oneKnownVersionMakesTheOtherAQuestionOfItsOwn() {
        // 7 of the 10 Visual Studio releases are older than 2019: the version row becomes likely and first (12 each);
        // 3 are not, and it leaves (0.25 each): 8.475. remote-worker, ssl-configured, multiple-server-versions: yes
        // makes a row likely and first (12), no takes it out (0.25). The os words rows below the top 3 only.
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", "
                + "\"serverVersion\": \"2019\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact).containsExactly(
                tuple("visualStudioVersion", 8.475), tuple("remote-worker", 6.125), tuple("ssl-configured", 6.125),
                tuple("multiple-server-versions", 6.125));
    }

    @Test
    void questionsComeFromTheLoadedRulesNotFromAList() {
        Diagnosis diagnosis = ConnectionAdvisor.fromDirectory(Path.of("connection-advisor/src/test/resources/rules-one-computer")).diagnose(Facts.empty());

        assertThat(diagnosis.ids()).isEmpty();
        // one-computer adds the row and fills the first place (8 + 0.25), several-computers changes nothing (0).
        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact).containsExactly(tuple("scope", 4.125));
    }

    @Test
    void nextQuestionLeavesOutTheQuestionsAlreadyAskedOrSkipped() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.nextQuestion(Set.of())).map(Question::id).hasValue("scope");
        assertThat(diagnosis.nextQuestion(Set.of("scope", "role"))).map(Question::id).hasValue("remote-worker");
        Set<String> all = Set.copyOf(diagnosis.questions().stream().map(Question::id).toList());
        assertThat(diagnosis.nextQuestion(all)).isEmpty();
    }

    @Test
    void aNoIsKeptSoTheQuestionIsNotAskedAgainAndTheRowsThatNeedAYesDropOut() {
        Facts facts = Facts.fromJson("{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]}");
        Facts answered = facts.with("remote-worker", "no");

        assertThat(answered.contextAnswers()).containsExactly(java.util.Map.entry("remote-worker", false));
        assertThat(ADVISOR.diagnose(facts).ids()).contains("remote-needs-proxy");
        Diagnosis diagnosis = ADVISOR.diagnose(answered);
        assertThat(diagnosis.ids()).doesNotContain("remote-needs-proxy");
        assertThat(diagnosis.questions()).extracting(Question::id).doesNotContain("remote-worker");
    }

    @Test
    void everyContextFlagHasAQuestionSoNoneIsLeftUnasked() {
        List<String> flags = new ArrayList<>(Vocabulary.CONTEXT_FLAGS.labels().keySet());
        flags.removeAll(Vocabulary.SIGNED_IN_WITH_ANSWERS.values());
        flags.add(Facts.SIGNED_IN_WITH);

        assertThat(flags).allSatisfy(flag -> assertThat(Vocabulary.question(flag)).endsWith("?"));
        assertThatThrownBy(() -> Vocabulary.question("no-such-flag")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Vocabulary has no question for 'no-such-flag'; add one to QUESTIONS.");
    }

    @Test
    void signedInWithAcceptsOnlyItsAnswers() {
        assertThat(Facts.empty().with(Facts.SIGNED_IN_WITH, "Personal").context()).containsExactly("signed-in-with-personal");
        assertThat(Facts.empty().with(Facts.SIGNED_IN_WITH, "work").with(Facts.SIGNED_IN_WITH, "personal").context())
                .containsExactly("signed-in-with-personal");
        assertThatThrownBy(() -> Facts.empty().with(Facts.SIGNED_IN_WITH, "both")).isInstanceOf(InvalidFactsException.class)
                .hasMessage("signed-in-with: 'both' is not accepted. Accepted: work, personal.");
    }

    private static Ranking.Placed row(String id, String... wording) {
        return new Ranking.Placed(id, List.of(wording), 0);
    }

    @Test
    void differenceCountsWhatAPersonSeesTheFirstMostThenTheTopThreeThenTheRest() {
        List<Ranking.Placed> before = List.of(row("a", "old folder"), row("b"), row("c"), row("d", "old folder"));

        assertThat(QuestionPlanner.difference(before, before)).isZero();
        // d leaves from position 4: the rest, 0.25.
        assertThat(QuestionPlanner.difference(before, before.subList(0, 3))).isEqualTo(0.25);
        // x joins first and shifts a, b, c: the first (8), positions 2 and 3 (2 each), a row joins (0.25).
        assertThat(QuestionPlanner.difference(before, List.of(row("x"), row("a", "old folder"), row("b"), row("c"),
                row("d", "old folder")))).isEqualTo(12.25);
        // b and c swap: two top-3 positions, 2 each.
        assertThat(QuestionPlanner.difference(before, List.of(row("a", "old folder"), row("c"), row("b"), row("d", "old folder"))))
                .isEqualTo(4);
        // d is worded differently, below the top 3: nothing a person looks at.
        assertThat(QuestionPlanner.difference(before, List.of(row("a", "old folder"), row("b"), row("c"), row("d", "new folder"))))
                .isZero();
        // a, first, is worded differently: wording in the top 3, 0.25.
        assertThat(QuestionPlanner.difference(before, List.of(row("a", "new folder"), row("b"), row("c"), row("d", "old folder"))))
                .isEqualTo(0.25);
        // Everything goes: four rows leave (1), the first (8) and two positions (4) empty.
        assertThat(QuestionPlanner.difference(before, List.of())).isEqualTo(13);
    }

    @Test
    void anAnswerAgreesWithTheEvidenceWhenItAddsSupportToARowAlreadySupported() {
        List<Ranking.Placed> before = List.of(new Ranking.Placed("a", List.of(), 1), new Ranking.Placed("b", List.of(), 0));

        assertThat(QuestionPlanner.agrees(before, List.of(new Ranking.Placed("a", List.of(), 2), new Ranking.Placed("b", List.of(), 0))))
                .isTrue();
        assertThat(QuestionPlanner.agrees(before, List.of(new Ranking.Placed("b", List.of(), 1), new Ranking.Placed("a", List.of(), 1))))
                .isFalse();
    }
}
