package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edits to an advisor's rule directory: good ones go live on reload, broken ones are refused and change nothing. */
class ReloadTest {
    static final Path FIXTURES = Path.of("connection-advisor/src/test/resources/reload");
    static final Facts A_SYMPTOM = Facts.builder().symptoms("TF31002").build();
    static final String IMPORTS = "import org.connectionadvisor.rules.* and java.util.List, Set, Map, Collection, Collections,"
            + " ArrayList, HashMap, HashSet, LinkedHashMap, LinkedHashSet, Arrays, Objects, Optional";

    @TempDir
    Path rules;

    /** The good edit: base-row's title changes and a second file adds a row. */
    static void editGood(Path rules) throws IOException {
        Files.writeString(rules.resolve("base.drl"), Files.readString(FIXTURES.resolve("base/base.drl"))
                .replace("@title(\"The base row\")", "@title(\"The base row, edited\")"));
        Files.copy(FIXTURES.resolve("edit/added-row.drl"), rules.resolve("added-row.drl"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Back to the base rules alone. */
    static void restoreBase(Path rules) throws IOException {
        Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(rules.resolve("added-row.drl"));
    }

    static List<String> titles(ConnectionAdvisor advisor) {
        return advisor.diagnose(A_SYMPTOM).recommendations().stream().map(r -> r.id() + ": " + r.title()).toList();
    }

    private ConnectionAdvisor advisorOnBase(ReloadOptions options) throws IOException {
        restoreBase(rules);
        return ConnectionAdvisor.fromDirectory(rules, options);
    }

    private void addFixture(String name) throws IOException {
        Files.copy(FIXTURES.resolve("broken/" + name + ".drl"), rules.resolve(name + ".drl"));
    }

    @Test
    void aGoodEditGoesLiveOnReloadAndTheListenerHearsOfIt() throws IOException {
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().listener(heard::add));
        assertThat(titles(advisor)).containsExactly("base-row: The base row");

        editGood(rules);
        ReloadResult result = advisor.reload();

        assertThat(result).isEqualTo(new ReloadResult(true, List.of()));
        assertThat(heard).containsExactly(result);
        assertThat(titles(advisor)).containsExactly("base-row: The base row, edited", "added-row: The added row");
        assertThat(advisor.rowIds()).containsExactlyInAnyOrder("base-row", "added-row");
    }

    static Stream<Arguments> brokenEdits() {
        return Stream.of(
                Arguments.of("syntax-error", List.of(
                        "{dir}/syntax-error.drl:15: syntax error at 'then' (an unclosed parenthesis or quote, or a missing"
                                + " \"then\" or \"end\", just before it?) (rule \"unclosed-pattern\")")),
                Arguments.of("unknown-field", List.of(
                        "{dir}/unknown-field.drl:14: Topic has no field 'nam' (did you mean 'name'?): its fields are name,"
                                + " reasons (rule \"misspelt-field\")")),
                Arguments.of("consequence-error", List.of(
                        "{dir}/consequence-error.drl:20: The method nme() is undefined for the type Os (rule \"consequence-error\")")),
                Arguments.of("duplicate-id", List.of(
                        "{dir}/duplicate-id.drl:7: row id \"base-row\" is already used by rule \"base-row\" at {dir}/base.drl:17"
                                + " (rule \"second-base-row\")")),
                Arguments.of("missing-metadata", List.of(
                        "{dir}/missing-metadata.drl:7: a row rule needs @title, @source and @section: missing @source,"
                                + " @section (rule \"no-source\")",
                        "{dir}/missing-metadata.drl:17: a rule is either a row rule (@row, @title, @source, @section) or a"
                                + " finding rule (@layer(\"finding\")); this one has neither (rule \"no-layer\")")),
                Arguments.of("salience-out-of-band", List.of(
                        "{dir}/salience-out-of-band.drl:13: salience 850 is outside the bands: row rules use 300-799"
                                + " (tables), 200-299 (checklists) or 100-199 (fallbacks) (rule \"too-high\")",
                        "{dir}/salience-out-of-band.drl:22: salience 900 is outside the bands: finding rules use 1000"
                                + " (rule \"Finding: too low\")")),
                Arguments.of("forbidden-call", List.of(
                        "{dir}/forbidden-call.drl:4: import java.io.File is not allowed in a rule file (file and network"
                                + " access): " + IMPORTS,
                        "{dir}/forbidden-call.drl:9: 'System' is not allowed in a rule file (system and process access):"
                                + " rules only recommend",
                        "{dir}/forbidden-call.drl:22: 'System' is not allowed in a rule file (system and process access):"
                                + " rules only recommend (rule \"exits\")",
                        "{dir}/forbidden-call.drl:22: 'exit' is not allowed in a rule file (system and process access):"
                                + " rules only recommend (rule \"exits\")",
                        "{dir}/forbidden-call.drl:22: the consequence may only insert( Advice.of( kcontext, ... ) );"
                                + " found 'System' (rule \"exits\")")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEdits")
    void aBrokenEditIsRefusedWithFileAndLineWhileTheOldRulesKeepAnswering(String fixture, List<String> expected)
            throws IOException {
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().listener(heard::add));

        addFixture(fixture);
        ReloadResult result = advisor.reload();

        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).extracting(RuleProblem::format)
                .containsExactlyElementsOf(expected.stream().map(line -> line.replace("{dir}", rules.toString())).toList());
        assertThat(heard).containsExactly(result);
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
        assertThat(advisor.rowIds()).containsExactly("base-row");
    }

    @Test
    void theFirstLoadOfABrokenDirectoryFailsWithTheSameProblems() throws IOException {
        Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"));
        addFixture("consequence-error");

        assertThatThrownBy(() -> ConnectionAdvisor.fromDirectory(rules))
                .isInstanceOf(RulesException.class)
                .hasMessage(rules.resolve("consequence-error.drl") + ":20: The method nme() is undefined for the type Os"
                        + " (rule \"consequence-error\")");
    }

    @Test
    void anEndlessLoopPassesTheLintButADiagnosisItReachesStopsAndNamesIt() throws IOException {
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults());
        addFixture("endless-loop");

        assertThat(advisor.reload().applied()).isTrue();

        assertThatThrownBy(() -> advisor.diagnose(A_SYMPTOM))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageStartingWith("rule \"echo forever\" in " + rules.resolve("endless-loop.drl") + " keeps firing: stopped after ");
    }

    @Test
    void aCheckAtReloadRefusesAnEndlessLoopAndTheOldRulesKeepAnswering() throws IOException {
        ReloadOptions.Check diagnoseASymptom = candidate -> {
            candidate.diagnose(A_SYMPTOM);
            return List.of();
        };
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().check(diagnoseASymptom));
        addFixture("endless-loop");

        ReloadResult result = advisor.reload();

        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).hasSize(1);
        RuleProblem problem = result.problems().get(0);
        assertThat(problem.file()).isEqualTo(rules.toString());
        assertThat(problem.line()).isZero();
        assertThat(problem.message()).startsWith("the check of the new rules failed: rule \"echo forever\" in "
                + rules.resolve("endless-loop.drl") + " keeps firing: stopped after ");
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
    }

    @Test
    void theCheckSeesTheCandidateRulesAndItsProblemsRefuseThem() throws IOException {
        Predicate<ConnectionAdvisor> hasTheAddedRow = candidate -> candidate.rowIds().contains("added-row");
        ReloadOptions.Check noAddedRow = candidate -> hasTheAddedRow.test(candidate)
                ? List.of(new RuleProblem("policy", 1, "added-row", "not yet approved")) : List.of();
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().check(noAddedRow));
        editGood(rules);

        ReloadResult result = advisor.reload();

        assertThat(result).isEqualTo(new ReloadResult(false, List.of(new RuleProblem("policy", 1, "added-row", "not yet approved"))));
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
    }

    @Test
    void aCheckThatFailsTheFirstLoadKeepsTheAdvisorFromStarting() throws IOException {
        Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"));
        ReloadOptions refuseAll = ReloadOptions.defaults().check(candidate -> List.of(new RuleProblem("policy", 0, null, "closed")));

        assertThatThrownBy(() -> ConnectionAdvisor.fromDirectory(rules, refuseAll))
                .isInstanceOf(RulesException.class)
                .hasMessage("policy:0: closed");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheReload() throws IOException {
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().listener(result -> {
            throw new IllegalStateException("listener bug");
        }));
        editGood(rules);

        assertThat(advisor.reload().applied()).isTrue();
        assertThat(titles(advisor)).containsExactly("base-row: The base row, edited", "added-row: The added row");
    }

    @Test
    void theRulesDirectoryGoneKeepsTheOldRules() throws IOException {
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults());
        Files.delete(rules.resolve("base.drl"));

        assertThat(advisor.reload()).isEqualTo(new ReloadResult(false,
                List.of(new RuleProblem(rules.toString(), 0, null, "no .drl files in this directory"))));
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
    }

    @Test
    void thePackagedRulesHaveNothingToReload() {
        ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();

        assertThatThrownBy(advisor::reload)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("these rules were not loaded from a directory, so there is nothing to reload");
    }

    @Test
    void aWatchedDirectoryTakesInAGoodEditAndRefusesABrokenOne() throws Exception {
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        try (ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().watch(Duration.ofMillis(200)).listener(heard::add))) {
            editGood(rules); // two files: should a slow disk split the edit into two reloads, the second one counts
            List<String> edited = List.of("base-row: The base row, edited", "added-row: The added row");
            assertThat(awaitResult(heard, result -> result.applied() && titles(advisor).equals(edited)).problems()).isEmpty();

            Files.createDirectory(rules.resolve("more"));
            Files.copy(FIXTURES.resolve("broken/duplicate-id.drl"), rules.resolve("more/duplicate-id.drl"));
            ReloadResult refused = awaitResult(heard, result -> !result.applied());
            assertThat(refused.problems()).extracting(RuleProblem::format).containsExactly(rules.resolve("more/duplicate-id.drl")
                    + ":7: row id \"base-row\" is already used by rule \"base-row\" at " + rules.resolve("base.drl")
                    + ":17 (rule \"second-base-row\")");
            assertThat(titles(advisor)).isEqualTo(edited);
        }
    }

    @Test
    void aListenerMayCloseTheAdvisorFromTheWatchersThread() throws Exception {
        AtomicReference<ConnectionAdvisor> advisor = new AtomicReference<>();
        BlockingQueue<ReloadResult> closedAfter = new LinkedBlockingQueue<>();
        advisor.set(advisorOnBase(ReloadOptions.defaults().watch(Duration.ofMillis(100)).listener(result -> {
            advisor.get().close();
            closedAfter.add(result);
        })));

        editGood(rules);

        assertThat(awaitResult(closedAfter, result -> true).applied()).isTrue();
    }

    /** The first result the watcher reports that matches; a generous bound only keeps a broken watcher from hanging the build. */
    private static ReloadResult awaitResult(BlockingQueue<ReloadResult> heard, Predicate<ReloadResult> wanted) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            ReloadResult result = heard.poll(1, TimeUnit.SECONDS);
            if (result != null && wanted.test(result)) {
                return result;
            }
        }
        throw new AssertionError("the watcher reported no such reload; heard: " + heard);
    }
}
