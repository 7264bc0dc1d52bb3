package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.LogCapture;
import org.connectionadvisor.ReloadOptions;
import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.admin.RuleReloader;
import org.connectionadvisor.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admins' commands: validate lists every problem as FILE:LINE, test runs the samples without Maven. */
class RulesCommandsTest {
    private static final Path FIXTURES = Path.of("connection-advisor/src/test/resources/reload");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private static String lines(String... lines) {
        return String.join(NL, lines) + NL;
    }

    /** base.drl (base-row) and added-row.drl (added-row) fire with any symptom; unused-row only for a remote worker. */
    private Path rules() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"));
        Files.copy(FIXTURES.resolve("edit/added-row.drl"), rules.resolve("added-row.drl"));
        Files.writeString(rules.resolve("unused.drl"), """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "Table: remote workers"
                    @layer("finding")
                    salience 1000
                when
                    Context( flag == "remote-worker" )
                then
                    insertLogical( Topic.of( kcontext, "remote" ) );
                end
                rule "unused-row"
                    @row("unused-row") @title("A row for remote workers") @source("CONNECT") @section("test")
                    salience 300
                when
                    Topic( name == "remote" )
                then
                    insertLogical( Advice.of( kcontext, "The remote advice." ) );
                end
                """);
        return rules;
    }

    private Path samples(String... idsPerSample) throws IOException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        for (int i = 0; i < idsPerSample.length; i++) {
            Files.writeString(samples.resolve("sample-" + (i + 1) + ".json"), """
                    {"description": "a symptom", "facts": {"symptoms": ["TF31002"]}, "expected": {"ids": [%s]}}
                    """.formatted(idsPerSample[i]));
        }
        return samples;
    }

    /** What validate shows after OK: the hosts advice may link to, from rules-drl/advice-policy.txt unless the directory has one. */
    private static final String PACKAGED_HOSTS = "Advice may link to aka.ms, azuredevopsvirtualagent.azurewebsites.net,"
            + " developercommunity.visualstudio.com, docs.microsoft.com, go.microsoft.com, learn.microsoft.com, msdn.microsoft.com,"
            + " status.dev.azure.com, support.microsoft.com, technet.microsoft.com, visualstudio.microsoft.com, www.visualstudio.com"
            + " (rules-drl/advice-policy.txt).";

    @Test
    void validateSaysOkForThePackagedRules() {
        Run run = CliTest.run("validate");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(lines("OK: 41 rows, no problems.", PACKAGED_HOSTS));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validateListsEveryProblemWithFileLineAndRuleAndExitsOne() throws IOException {
        Path rules = rules();
        Files.copy(FIXTURES.resolve("broken/consequence-error.drl"), rules.resolve("consequence-error.drl"));
        Files.copy(FIXTURES.resolve("broken/salience-out-of-band.drl"), rules.resolve("salience-out-of-band.drl"));

        Run run = CliTest.run("validate", "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(lines(
                rules.resolve("consequence-error.drl") + ":18: '$os.nme()' is not in the subset: a text is string literals in double"
                        + " quotes, joined with + (rule \"consequence-error\")",
                rules.resolve("salience-out-of-band.drl") + ":11: salience 850 is outside the bands: row rules use 300-799 (tables),"
                        + " 200-299 (checklists) or 100-199 (fallbacks) (rule \"too-high\")",
                rules.resolve("salience-out-of-band.drl") + ":20: salience 900 is outside the bands: finding rules use 1000"
                        + " (rule \"Finding: too low\")",
                "3 problems: these rules would not load."));
        assertThat(run.err()).isEmpty();
    }

    /** Each attack of the library's AttackTest, next to good rules: validate lists exactly the lines the attack file names. */
    @Test
    void validateRefusesEachAttackWithItsLinesAndExitsOne() throws IOException {
        Path attacks = Path.of("connection-advisor/src/test/resources/attacks");
        List<Path> files;
        try (var list = Files.list(attacks)) {
            files = list.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        for (Path attack : files) {
            Path rules = Files.createDirectories(dir.resolve(attack.getFileName().toString().replace(".drl", "")));
            Files.copy(FIXTURES.resolve("base/base.drl"), rules.resolve("base.drl"));
            Path copy = Files.copy(attack, rules.resolve(attack.getFileName()));
            List<String> refused = Files.readAllLines(attack).stream().filter(line -> line.startsWith("// Refused: "))
                    .map(line -> copy + ":" + line.substring("// Refused: ".length())).toList();

            Run run = CliTest.run("validate", "--rules", rules.toString());

            assertThat(run.exit()).as(attack.toString()).isEqualTo(1);
            assertThat(run.out()).as(attack.toString()).isEqualTo(lines(refused.toArray(String[]::new))
                    + refused.size() + (refused.size() == 1 ? " problem" : " problems") + ": these rules would not load." + NL);
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void validateSaysOkForAGoodDirectory() throws IOException {
        Run run = CliTest.run("validate", "--rules", rules().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(lines("OK: 3 rows, no problems.", PACKAGED_HOSTS));
    }

    @Test
    void testRunsTheShippedSamplesAgainstThePackagedRules() {
        int samples = Samples.files(Path.of("facts-samples")).size();

        Run run = CliTest.run("test");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(lines("Coverage: every row appears in some sample.", samples + " passed, 0 failed"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void testShowsEachFailingSampleTheRowsNoSampleReachesAndTheCounts() throws IOException {
        Path samples = samples("\"base-row\", \"added-row\"", "\"added-row\", \"base-row\"", "\"base-row\", \"added-row\"");

        Run run = CliTest.run("test", "--rules", rules().toString(), "--samples", samples.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(lines(
                "FAILED sample-2.json",
                "  expected ids: [added-row, base-row]",
                "  actual ids:   [base-row, added-row]",
                "Coverage: 1 of 3 rows appear in no sample: unused-row",
                "2 passed, 1 failed"));
        assertThat(run.err()).isEmpty();
    }

    /** Issue 9: a directory option that names nothing usable is bad input, the same one line for every command. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "validate --rules, --rules", "test --rules, --rules", "test --samples, --samples", "diagnose --rules, --rules",
            "ask --rules, --rules"})
    void aMissingDirectoryIsBadInputNamingTheOptionAndThePathForEveryCommand(String commandAndOption, String option)
            throws IOException {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{}");
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String kind = option.equals("--rules") ? ".drl rule" : ".json sample";
        String what = option.equals("--rules") ? "rule" : "sample";
        Map<Path, String> refusals = Map.of(
                dir.resolve("nope"), "' does not exist.",
                notADirectory, "' is not a directory; give the directory of the " + what + " files.",
                empty, "' holds no *" + kind + " files.");
        for (Map.Entry<Path, String> refusal : refusals.entrySet()) {
            List<String> args = new ArrayList<>(List.of(commandAndOption.split(" ")));
            args.add(refusal.getKey().toString());
            if (args.get(0).equals("diagnose")) {
                args.add(facts.toString());
            }

            Run run = CliTest.run(args.toArray(String[]::new));

            assertThat(run.exit()).as(args.toString()).isEqualTo(2);
            assertThat(run.out()).as(args.toString()).isEmpty();
            assertThat(run.err()).isEqualTo(lines("error: " + option + ": '" + refusal.getKey() + refusal.getValue()));
        }
    }

    /** The CLI prints every problem the checks report, each file's own, not only the first file's. */
    @Test
    void validateListsTheProblemsOfEveryBrokenFile() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("a-broken.drl"), """
                package reload;
                import org.connectionadvisor.rules.*;
                rule "x"
                when
                    Os( name == )
                then
                end
                """);
        Files.writeString(rules.resolve("b-broken.drl"), """
                package reload;
                import org.connectionadvisor.rules.*;

                rule "y"
                when
                    Os( name == "windows-10" ) Os(
                then
                end
                """);

        Run run = CliTest.run("validate", "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        String hint = " (an unclosed parenthesis or quote, or a missing \"then\" or \"end\", just before it?)";
        assertThat(run.out()).isEqualTo(lines(
                rules.resolve("a-broken.drl") + ":5: syntax error at ')'" + hint + " (rule \"x\")",
                rules.resolve("b-broken.drl") + ":8: syntax error at 'end'" + hint + " (rule \"y\")",
                "2 problems: these rules would not load."));
    }

    @Test
    void testOfRulesThatDoNotLoadListsTheirProblems() throws IOException {
        Path rules = rules();
        Files.copy(FIXTURES.resolve("broken/duplicate-id.drl"), rules.resolve("duplicate-id.drl"));

        Run run = CliTest.run("test", "--rules", rules.toString(), "--samples", samples("\"base-row\"").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(lines("error: the rules could not be loaded:",
                "  " + rules.resolve("duplicate-id.drl") + ":7: row id \"base-row\" is already used by rule \"base-row\" at "
                        + rules.resolve("base.drl") + ":16 (rule \"second-base-row\")"));
    }

    /** The sample files as a reload check: an edit that changes a sample's outcome does not go live. */
    @Test
    void samplesCheckedAtReloadRefuseAnEditThatBreaksOne() throws IOException {
        Path rules = rules();
        Path samples = samples("\"base-row\", \"added-row\"");
        ReloadOptions.Check runSamples = candidate -> {
            List<RuleProblem> failures = new ArrayList<>();
            for (Path file : Samples.files(samples)) {
                try {
                    Samples.Outcome outcome = Samples.run(candidate, Samples.read(file));
                    if (!outcome.passed()) {
                        failures.add(new RuleProblem(file.toString(), 0, null, outcome.problem()));
                    }
                } catch (IOException e) {
                    failures.add(new RuleProblem(file.toString(), 0, null, e.getMessage()));
                }
            }
            return failures;
        };
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules, ReloadOptions.defaults().check(runSamples));
        Files.writeString(rules.resolve("added-row.drl"), Files.readString(rules.resolve("added-row.drl"))
                .replace("salience 400", "salience 600"));

        RuleProblem failing = new RuleProblem(samples.resolve("sample-1.json").toString(), 0, null,
                "expected ids: [base-row, added-row]\n  actual ids:   [added-row, base-row]");
        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            ReloadResult result = advisor.reload();

            assertThat(result).isEqualTo(new ReloadResult(false, List.of(failing)));
            assertThat(log.lines()).containsExactly("WARN the rules in " + rules + " were not reloaded; the previous rules keep serving:"
                    + NL + "  " + failing.format());
        }
        assertThat(advisor.diagnose(org.connectionadvisor.Facts.builder().symptoms("TF31002").build()).ids())
                .containsExactly("base-row", "added-row");
    }
}
