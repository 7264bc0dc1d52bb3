package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.connectionadvisor.cli.CliTest.Run;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.outcomes.Databases;
import org.connectionadvisor.outcomes.Outcome;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.Result;
import org.connectionadvisor.outcomes.Retention;
import org.connectionadvisor.outcomes.RowSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ask's outcomes in the store, impact of a rule edit, and test --update, through {@link Main#run}. */
class OutcomeCommandsTest {
    private static final String ONE_COMPUTER = "connection-advisor/src/test/resources/rules-one-computer";
    private static final String TWO_SERVERS = "situation-two-servers-one-computer.json";
    private static final String SERVICE_ACCOUNT = "row-service-account-password.json";

    @TempDir
    Path dir;

    private static Run run(String answers, String... args) {
        return CliTest.run(CliTest.input(answers), args);
    }

    private List<RowSummary> summary(Path data) {
        try (OutcomeStore store = OutcomeStore.open(Databases.url(null, Map.of(), data), Retention.NONE)) {
            return store.summary();
        }
    }

    @Test
    void askRecordsEachAnswerToDidThisFixItInTheStore() {
        Path data = dir.resolve("data");
        Run no = run("1\n1\nn\n", "ask", "--data", data.toString(), "--rules", ONE_COMPUTER);
        Run yes = run("1\n1\ny\n", "ask", "--data", data.toString(), "--rules", ONE_COMPUTER);

        assertThat(no.out()).contains("> n\nRuled out only-one-computer.\nRecorded in jdbc:h2:file:" + data.toAbsolutePath()
                + "/outcomes.\n");
        assertThat(yes.out()).contains("> y\nGood: only-one-computer fixed it; it is kept in the facts as confirmed.\nRecorded in jdbc:h2:file:"
                + data.toAbsolutePath() + "/outcomes.\n");
        assertThat(no.err() + yes.err()).isEmpty();
        assertThat(summary(data)).containsExactly(new RowSummary("only-one-computer", 1, 1, 0.5));
    }

    @Test
    void askWithNoRecordLeavesTheDataFolderAlone() {
        Path data = dir.resolve("data");
        Run run = run("1\n1\ny\n", "ask", "--no-record", "--data", data.toString(), "--rules", ONE_COMPUTER);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Good: only-one-computer fixed it; it is kept in the facts as confirmed.\n").doesNotContain("Recorded");
        assertThat(data).doesNotExist();
    }

    @Test
    void askRefusesADatabaseTheStoreDoesNotSupportBeforeTheSession() {
        Run run = run("1\ny\n", "ask", "--database", "jdbc:mysql://db.example/advisor?password=secret", "--rules", ONE_COMPUTER);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: --database: 'jdbc:mysql://db.example/advisor' is not a database the store"
                + " supports. Accepted: jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:h2:file:PATH." + System.lineSeparator());
    }

    /** rules-drl/ plus the vpn-first row of the admin guide (rules-drl/README.md), and two samples. */
    private Path newRules() throws IOException {
        Path rules = dir.resolve("rules");
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            Files.createDirectories(rules);
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Files.writeString(rules.resolve("server-one-computer.drl"),
                Files.readString(Path.of("connection-advisor-cli/src/test/resources/vpn-first.drl")), StandardOpenOption.APPEND);
        return rules;
    }

    private Path samples() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        for (String name : List.of(TWO_SERVERS, SERVICE_ACCOUNT)) {
            Files.copy(Path.of("facts-samples", name), samples.resolve(name));
        }
        return samples;
    }

    @Test
    void impactListsTheSamplesAndRecordedCasesARuleEditReRanks() throws IOException {
        Path rules = newRules();
        Path data = dir.resolve("data");
        String key;
        try (ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
                OutcomeStore store = OutcomeStore.open(Databases.url(null, Map.of(), data), Retention.NONE)) {
            key = store.record(Outcome.of(advisor, Facts.fromJson("{\"product\":\"services\",\"symptoms\":[\"HTTP-401\"]}"),
                    "clear-client-cache", Result.NOT_FIXED, Instant.now()));
        }

        Run run = run("", "impact", "--rules", rules.toString(), "--against", "rules-drl", "--samples", samples().toString(),
                "--data", data.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("CHANGED sample " + TWO_SERVERS + "\n"
                + "  old top 3: server-id-conflict, user-password-expired, wrong-server-url\n"
                + "  new top 3: server-id-conflict, user-password-expired, wrong-server-url\n"
                + "  first change at rank 5: remote-needs-proxy -> vpn-first\n"
                + "1 of 2 samples and 0 of 1 recorded cases rank differently with " + rules + " than with rules-drl.\n");
        assertThat(key).hasSize(64);
    }

    @Test
    void testUpdateRewritesOnlyTheExpectationOfAChangedSampleKeepingItsLayout() throws IOException {
        Path samples = samples();
        String changed = Files.readString(samples.resolve(SERVICE_ACCOUNT));
        String untouched = Files.readString(samples.resolve(TWO_SERVERS));
        // As if the rules had moved a row: the sample expects the old order, and the rules give the shipped one.
        Files.writeString(samples.resolve(SERVICE_ACCOUNT), changed.replace("\"service-account-password\",\n      \"app-tier-unavailable\"",
                "\"app-tier-unavailable\",\n      \"service-account-password\""));

        Run update = run("", "test", "--update", "--samples", samples.toString());

        assertThat(update.exit()).isZero();
        assertThat(update.out()).startsWith("UPDATED " + SERVICE_ACCOUNT + "\n  expected ids now: [service-account-password,"
                + " app-tier-unavailable, network-unavailable,");
        assertThat(update.out()).endsWith("Updated the expectations of 1 file.\n2 passed, 0 failed\n");
        assertThat(Files.readString(samples.resolve(SERVICE_ACCOUNT))).isEqualTo(changed);
        assertThat(Files.readString(samples.resolve(TWO_SERVERS))).isEqualTo(untouched);
    }
}
