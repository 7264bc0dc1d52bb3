package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.connectionadvisor.Answer;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.input.Vocabulary;
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
        // 401 table and the fallbacks. work: the personal-account row leaves (1), positions 2 and 3 hold other rows
        // (2): 3. personal: the work-account row leaves (1), all three top positions change (3): 4. Average 3.5.
        // multiple-organizations yes: the three switching rows join, likely, third to fifth (3 + 1); no: 0. b2b-guest
        // yes: its row, likely and higher in the documents, takes position 1 (3); no: the row leaves (1). A directory
        // brings its row in, likely, at position 3 (1 + 1). several-computers makes the status page likely at
        // position 3 (1). The wish for other credentials brings its row in, likely, at position 3 (1 + 1). A browser
        // leaves the reset's Visual Studio steps out (1); Visual Studio changes nothing (0).
        Diagnosis diagnosis = diagnose("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"personal-and-work-accounts\"]}");

        assertThat(diagnosis.ids()).startsWith("signed-in-with-work-account", "signed-in-with-personal-account", "reset-signin-state");
        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact)
                .containsExactly(tuple("signed-in-with", 3.5), tuple("multiple-organizations", 2.0), tuple("b2b-guest", 2.0),
                        tuple("org-connected-to-directory", 1.0), tuple("wants-different-credentials", 1.0), tuple("scope", 0.5),
                        tuple("client", 0.5));
        assertThat(diagnosis.questions().get(0).answers()).containsExactly(
                new Answer("work", "you signed in with the work or school account"),
                new Answer("personal", "you signed in with the personal Microsoft account"));
    }

    @Test
    void servicesAsksNothingThatOnlyServerRowsDependOn() {
        // No os (the cache folder is in Server rows), no server version; scope is asked because several users failing
        // makes the status page likely, and the Visual Studio release words the update to install. TF31002 tells
        // that the client is Visual Studio, so that is not asked. multiple-organizations: yes makes the three
        // switching rows likely and first (3), no takes them out (3). org-connected-to-directory: yes, first (3); no,
        // it leaves (1 + 1). The wish brings its row in first (1 + 3); several users make the status page first (3);
        // each of the ten Visual Studio releases words the update otherwise than the text for a release not known,
        // which says which advice is for which release (1).
        assertThat(diagnose("{\"product\": \"services\", \"symptoms\": [\"TF31002\"]}").questions())
                .extracting(Question::id, Question::impact).containsExactly(tuple("multiple-organizations", 3.0),
                        tuple("org-connected-to-directory", 2.5), tuple("wants-different-credentials", 2.0), tuple("scope", 1.5),
                        tuple("visualStudioVersion", 1.0));
    }

    @Test
    void aBrowserUserIsNotAskedWhatOnlyVisualStudioRowsDependOn() {
        // clear-client-cache, remote-needs-proxy and client-older-than-server need Visual Studio: no remote-worker, no
        // versions. The os picks only the folder of Visual Studio's cache, whose steps a browser user is not given: no os.
        assertThat(questionIds("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"browser\", \"symptoms\": [\"TF31002\"]}"))
                .containsExactly("ssl-configured");
    }

    @Test
    void theOsIsAskedWhenItPicksTheCacheFolderOfAListedRow() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.questions()).extracting(Question::id).containsExactly("os", "remote-worker", "ssl-configured",
                "multiple-server-versions", "visualStudioVersion", "serverVersion");
        // Every answer changes the wording of ssl-certificate and clear-client-cache, and nothing else.
        assertThat(diagnosis.questions().get(0).impact()).isEqualTo(2.0);
    }

    @Test
    void theTwoVersionsCountTogetherAtHalfWhenBothAreUnknown() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}");

        // Of the 11 server x 10 Visual Studio releases, 51 pairs have the server newer: client-older-than-server
        // becomes likely and takes position 1 (3); in the other 59 it leaves the list from position 5 (1).
        // Half of that average, to six decimals: 212 / 110 / 2 = 0.963636...
        assertThat(diagnosis.questions()).filteredOn(q -> q.id().endsWith("Version")).extracting(Question::id, Question::impact)
                .containsExactly(tuple("visualStudioVersion", 0.963636), tuple("serverVersion", 0.963636));
    }

    @Test
    void oneKnownVersionMakesTheOtherAQuestionOfItsOwn() {
        // 7 of the 10 Visual Studio releases are older than 2019: the version row becomes likely and first (3 each);
        // 3 are not, and it leaves (1 each). remote-worker, ssl-configured: yes makes a row likely and first (3), no
        // takes it out (1). multiple-server-versions yes brings its row in, likely and first (4). The os words two rows.
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"visual-studio\", "
                + "\"serverVersion\": \"2019\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact).containsExactly(
                tuple("visualStudioVersion", 2.4), tuple("os", 2.0), tuple("remote-worker", 2.0), tuple("ssl-configured", 2.0),
                tuple("multiple-server-versions", 2.0));
    }

    @Test
    void questionsComeFromTheLoadedRulesNotFromAList() {
        Diagnosis diagnosis = ConnectionAdvisor.fromDirectory(Path.of("connection-advisor/src/test/resources/rules-one-computer")).diagnose(Facts.empty());

        assertThat(diagnosis.ids()).isEmpty();
        // one-computer adds the row and fills position 1 (2), several-computers changes nothing (0).
        assertThat(diagnosis.questions()).extracting(Question::id, Question::impact).containsExactly(tuple("scope", 1.0));
    }

    @Test
    void nextQuestionLeavesOutTheQuestionsAlreadyAskedOrSkipped() {
        Diagnosis diagnosis = diagnose("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}");

        assertThat(diagnosis.nextQuestion(Set.of())).map(Question::id).hasValue("scope");
        assertThat(diagnosis.nextQuestion(Set.of("scope", "os"))).map(Question::id).hasValue("remote-worker");
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
        return new Ranking.Placed(id, List.of(wording));
    }

    @Test
    void differenceCountsRowsLeavingAndJoiningTopThreePositionsAndChangedWording() {
        List<Ranking.Placed> before = List.of(row("a"), row("b"), row("c"), row("d", "old folder"));

        assertThat(QuestionPlanner.difference(before, before)).isZero();
        // d leaves from position 4.
        assertThat(QuestionPlanner.difference(before, before.subList(0, 3))).isEqualTo(1);
        // x joins at position 1 and shifts a, b, c: positions 1 to 3 hold another row.
        assertThat(QuestionPlanner.difference(before, List.of(row("x"), row("a"), row("b"), row("c"), row("d", "old folder"))))
                .isEqualTo(4);
        // a and b swap: two positions.
        assertThat(QuestionPlanner.difference(before, List.of(row("b"), row("a"), row("c"), row("d", "old folder"))))
                .isEqualTo(2);
        // d is worded differently (another detail), below the top 3.
        assertThat(QuestionPlanner.difference(before, List.of(row("a"), row("b"), row("c"), row("d", "new folder"))))
                .isEqualTo(1);
        // Everything goes: four rows leave and three positions empty.
        assertThat(QuestionPlanner.difference(before, List.of())).isEqualTo(7);
    }
}
