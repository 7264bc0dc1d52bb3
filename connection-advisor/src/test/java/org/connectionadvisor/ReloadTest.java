package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.connectionadvisor.admin.RuleReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edits to an advisor's rule directory: good ones go live on reload, broken ones are refused and change nothing. */
class ReloadTest {
    static final Path FIXTURES = Path.of("connection-advisor/src/test/resources/reload");
    static final Facts A_SYMPTOM = Facts.builder().symptoms("TF31002").build();

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

    /** The WARN line of a refused reload of {@code directory}. */
    static String notReloaded(Path directory, List<String> problems) {
        return "WARN the rules in " + directory + " were not reloaded; the previous rules keep serving:" + problems.stream()
                .map(problem -> System.lineSeparator() + "  " + problem).collect(Collectors.joining());
    }

    static final List<String> EDITED = List.of("base-row: The base row, edited", "added-row: The added row");

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
        assertThat(titles(advisor)).isEqualTo(EDITED);
        assertThat(advisor.rowIds()).containsExactlyInAnyOrder("base-row", "added-row");
    }

    static Stream<Arguments> brokenEdits() {
        String shape = "a consequence is exactly insertLogical( Advice.of( kcontext, \"text\", ... ) ); in a row rule, or insertLogical("
                + " Topic.of | Topic.firstSteps | Finding.of | Detail.of( kcontext, ... ) ); in a finding rule";
        return Stream.of(
                Arguments.of("syntax-error", List.of(
                        "{dir}/syntax-error.drl:14: syntax error at 'then' (an unclosed parenthesis or quote, or a missing"
                                + " \"then\" or \"end\", just before it?) (rule \"unclosed-pattern\")")),
                Arguments.of("unknown-field", List.of(
                        "{dir}/unknown-field.drl:13: Topic has no field 'nam' (did you mean 'name'?): its fields are name,"
                                + " product, scope, client (rule \"misspelt-field\")")),
                Arguments.of("consequence-error", List.of(
                        "{dir}/consequence-error.drl:18: '$os.nme()' is not in the subset: a text is string literals in double"
                                + " quotes, joined with + (rule \"consequence-error\")")),
                Arguments.of("duplicate-id", List.of(
                        "{dir}/duplicate-id.drl:7: row id \"base-row\" is already used by rule \"base-row\" at {dir}/base.drl:16"
                                + " (rule \"second-base-row\")")),
                Arguments.of("missing-metadata", List.of(
                        "{dir}/missing-metadata.drl:6: a row rule needs @title, @source and @section: missing @source,"
                                + " @section (rule \"no-source\")",
                        "{dir}/missing-metadata.drl:16: a rule is either a row rule (@row, @title, @source, @section) or a"
                                + " finding rule (@layer(\"finding\")); this one has neither (rule \"no-layer\")")),
                Arguments.of("salience-out-of-band", List.of(
                        "{dir}/salience-out-of-band.drl:11: salience 850 is outside the bands: row rules use 300-799"
                                + " (tables), 200-299 (checklists) or 100-199 (fallbacks) (rule \"too-high\")",
                        "{dir}/salience-out-of-band.drl:20: salience 900 is outside the bands: finding rules use 1000"
                                + " (rule \"Finding: too low\")")),
                Arguments.of("forbidden-call", List.of(
                        "{dir}/forbidden-call.drl:4: import java.io.File is not allowed: a rule file imports"
                                + " org.connectionadvisor.rules.* (or its facts, Advice and Detail by name) and java.util.List",
                        "{dir}/forbidden-call.drl:7: function is not in the subset: a rule runs no code of its own",
                        "{dir}/forbidden-call.drl:20: 'home()' is not in the subset: a text is string literals in double quotes,"
                                + " joined with + (rule \"exits\")")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEdits")
    void aBrokenEditIsRefusedWithFileAndLineWhileTheOldRulesKeepAnswering(String fixture, List<String> expected)
            throws IOException {
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().listener(heard::add));
        addFixture(fixture);
        List<String> problems = expected.stream().map(line -> line.replace("{dir}", rules.toString())).toList();

        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            ReloadResult result = advisor.reload();

            assertThat(result.applied()).isFalse();
            assertThat(result.problems()).extracting(RuleProblem::format).containsExactlyElementsOf(problems);
            assertThat(heard).containsExactly(result);
            assertThat(log.lines()).containsExactly(notReloaded(rules, problems));
        }
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
        assertThat(advisor.rowIds()).containsExactly("base-row");
    }

    @Test
    void theFirstLoadOfABrokenDirectoryFailsWithTheSameProblems() throws IOException {
        Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"));
        addFixture("consequence-error");

        assertThatThrownBy(() -> ConnectionAdvisor.fromDirectory(rules))
                .isInstanceOf(RulesException.class)
                .hasMessage(rules.resolve("consequence-error.drl") + ":18: '$os.nme()' is not in the subset: a text is string literals"
                        + " in double quotes, joined with + (rule \"consequence-error\")");
    }

    @Test
    void anEndlessLoopPassesTheChecksButADiagnosisItReachesStopsAndNamesIt() throws IOException {
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults());
        addFixture("endless-loop");

        assertThat(advisor.reload().applied()).isTrue();

        assertThatThrownBy(() -> advisor.diagnose(RunawayRuleTest.SEVEN_SYMPTOMS))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageStartingWith("rule \"echo forever\" in " + rules.resolve("endless-loop.drl") + " keeps firing: stopped after ");
    }

    @Test
    void aCheckAtReloadRefusesAnEndlessLoopAndTheOldRulesKeepAnswering() throws IOException {
        ReloadOptions.Check diagnoseSymptoms = candidate -> {
            candidate.diagnose(RunawayRuleTest.SEVEN_SYMPTOMS);
            return List.of();
        };
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().check(diagnoseSymptoms));
        addFixture("endless-loop");

        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            ReloadResult result = advisor.reload();

            assertThat(result.applied()).isFalse();
            assertThat(result.problems()).hasSize(1);
            RuleProblem problem = result.problems().get(0);
            assertThat(problem.file()).isEqualTo(rules.toString());
            assertThat(problem.line()).isZero();
            assertThat(problem.message()).startsWith("the check of the new rules failed: rule \"echo forever\" in "
                    + rules.resolve("endless-loop.drl") + " keeps firing: stopped after ");
            assertThat(log.lines()).containsExactly(notReloaded(rules, List.of(problem.format())));
        }
        assertThat(titles(advisor)).containsExactly("base-row: The base row");
    }

    @Test
    void theCheckSeesTheCandidateRulesAndItsProblemsRefuseThem() throws IOException {
        Predicate<ConnectionAdvisor> hasTheAddedRow = candidate -> candidate.rowIds().contains("added-row");
        ReloadOptions.Check noAddedRow = candidate -> hasTheAddedRow.test(candidate)
                ? List.of(new RuleProblem("policy", 1, "added-row", "not yet approved")) : List.of();
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().check(noAddedRow));
        editGood(rules);

        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            ReloadResult result = advisor.reload();

            assertThat(result).isEqualTo(new ReloadResult(false, List.of(new RuleProblem("policy", 1, "added-row", "not yet approved"))));
            assertThat(log.lines()).containsExactly(notReloaded(rules, List.of("policy:1: not yet approved (rule \"added-row\")")));
        }
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

        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            assertThat(advisor.reload().applied()).isTrue();
            assertThat(log.lines()).containsExactly("WARN a reload listener failed (java.lang.IllegalStateException: listener bug)");
        }
        assertThat(titles(advisor)).isEqualTo(EDITED);
    }

    @Test
    void theRulesDirectoryGoneKeepsTheOldRules() throws IOException {
        ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults());
        Files.delete(rules.resolve("base.drl"));

        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            assertThat(advisor.reload()).isEqualTo(new ReloadResult(false,
                    List.of(new RuleProblem(rules.toString(), 0, null, "no .drl files in this directory"))));
            assertThat(log.lines()).containsExactly(notReloaded(rules, List.of(rules + ":0: no .drl files in this directory")));
        }
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
        try (LogCapture log = LogCapture.of(RuleReloader.class);
                ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().watch(Duration.ofMillis(200)).listener(heard::add))) {
            editGood(rules); // two files: should a slow disk split the edit into two reloads, the second one counts
            assertThat(awaitResult(heard, result -> result.applied() && titles(advisor).equals(EDITED)).problems()).isEmpty();

            Files.createDirectory(rules.resolve("more"));
            Files.copy(FIXTURES.resolve("broken/duplicate-id.drl"), rules.resolve("more/duplicate-id.drl"));
            ReloadResult refused = awaitResult(heard, result -> !result.applied());
            String problem = rules.resolve("more/duplicate-id.drl") + ":7: row id \"base-row\" is already used by rule \"base-row\" at "
                    + rules.resolve("base.drl") + ":16 (rule \"second-base-row\")";
            assertThat(refused.problems()).extracting(RuleProblem::format).containsExactly(problem);
            assertThat(titles(advisor)).isEqualTo(EDITED);
            assertThat(log.lines()).containsExactly(notReloaded(rules, List.of(problem)));
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

    /**
     * Whatever a load throws (here the application's check: a stack overflow, then the heap exhausted, as a
     * pathological file could cause), the listener hears of a refused reload, the log has the WARN line, and the
     * watcher takes in the next good edit.
     */
    @Test
    void anythingThrownWhileLoadingIsARefusedReloadAndTheWatcherGoesOn() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        ReloadOptions.Check failing = candidate -> switch (checks.getAndIncrement()) {
            case 1 -> throw new StackOverflowError();
            case 2 -> throw new OutOfMemoryError("Java heap space");
            default -> List.of();
        };
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        try (LogCapture log = LogCapture.of(RuleReloader.class);
                ConnectionAdvisor advisor = advisorOnBase(ReloadOptions.defaults().watch(Duration.ofMillis(100)).check(failing)
                        .listener(heard::add))) {
            for (String thrown : List.of("StackOverflowError", "OutOfMemoryError: Java heap space")) {
                Files.writeString(rules.resolve("base.drl"), Files.readString(rules.resolve("base.drl")) + "\n");
                RuleProblem problem = new RuleProblem(rules.toString(), 0, null, "the rules could not be loaded: " + thrown);
                assertThat(awaitResult(heard, result -> true)).isEqualTo(new ReloadResult(false, List.of(problem)));
                assertThat(log.next()).isEqualTo(notReloaded(rules, List.of(problem.format())));
            }
            editGood(rules);
            assertThat(awaitResult(heard, result -> result.applied() && titles(advisor).equals(EDITED)).problems()).isEmpty();
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void aRemovedAndRecreatedDirectoryIsWatchedAgain(@TempDir Path parent) throws Exception {
        Path watched = Files.createDirectory(parent.resolve("rules"));
        restoreBase(watched);
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        try (LogCapture log = LogCapture.of(RuleReloader.class);
                ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(watched, ReloadOptions.defaults().watch(Duration.ofMillis(100))
                        .listener(heard::add))) {
            try (Stream<Path> files = Files.walk(watched)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            awaitResult(heard, result -> result.problems().equals(List.of(new RuleProblem(watched.toString(), 0, null,
                    "not a directory of DRL files"))));
            assertThat(titles(advisor)).containsExactly("base-row: The base row");

            Files.createDirectory(watched);
            editGood(watched);

            assertThat(awaitResult(heard, result -> result.applied() && titles(advisor).equals(EDITED)).problems()).isEmpty();
            assertThat(log.lines()).isNotEmpty().allMatch(line -> line.startsWith(notReloaded(watched, List.of())));
        }
    }

    /**
     * A load that never ends (here the application's check, stuck until the test lets it go) is abandoned at the build
     * deadline and reported; the next reload neither waits for it nor is blocked by it.
     */
    @Test
    void aStuckLoadIsAbandonedAtTheBuildDeadlineAndLaterReloadsGoOn() throws Exception {
        restoreBase(rules);
        ConnectionAdvisor.fromDirectory(rules); // the first build in a JVM is the slow one; the deadline below is for a warm one
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        AtomicBoolean stuckOneFinished = new AtomicBoolean();
        ReloadOptions.Check stuckOnce = candidate -> {
            if (checks.getAndIncrement() == 1) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // a stuck build does not stop when interrupted either
                    }
                }
                stuckOneFinished.set(true);
            }
            return List.of();
        };
        Duration deadline = Duration.ofSeconds(5);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules, ReloadOptions.defaults().buildDeadline(deadline).check(stuckOnce));
        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            long start = System.nanoTime();
            ReloadResult stuck = advisor.reload();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            RuleProblem problem = new RuleProblem(rules.toString(), 0, null, "loading the rules (reading, checking, building and the"
                    + " check of new rules) took longer than the build deadline of 5 s and was abandoned; a rule base this large needs a"
                    + " longer ReloadOptions.buildDeadline");
            assertThat(stuck).isEqualTo(new ReloadResult(false, List.of(problem)));
            assertThat(took).isGreaterThanOrEqualTo(deadline).isLessThan(deadline.multipliedBy(3));
            assertThat(log.lines()).containsExactly(notReloaded(rules, List.of(problem.format())));

            editGood(rules);
            assertThat(advisor.reload().applied()).isTrue();
            assertThat(stuckOneFinished).as("the stuck load is still stuck").isFalse();
            assertThat(titles(advisor)).isEqualTo(EDITED);
        } finally {
            release.countDown();
        }
    }

    /** The first result the watcher reports that matches; a generous bound only keeps a broken watcher from hanging the build. */
    static ReloadResult awaitResult(BlockingQueue<ReloadResult> heard, Predicate<ReloadResult> wanted) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            ReloadResult result = heard.poll(1, TimeUnit.SECONDS);
            if (result != null && wanted.test(result)) {
                return result;
            }
        }
        throw new AssertionError("the watcher reported no such reload; heard: " + heard);
    }
}
