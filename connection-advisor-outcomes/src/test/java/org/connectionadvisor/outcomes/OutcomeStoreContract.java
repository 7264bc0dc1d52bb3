package org.connectionadvisor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The store's behaviour, the same on every database: H2OutcomeStoreTest and PostgresOutcomeStoreTest run it. */
abstract class OutcomeStoreContract {
    static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String FACTS = "{\"product\":\"server\",\"symptoms\":[\"TF31002\"]}";

    /** A JDBC URL of a new, empty database. */
    abstract String newDatabase() throws Exception;

    @AfterAll
    static void closeAdvisor() {
        ADVISOR.close();
    }

    static Outcome outcome(String facts, String row, Result result, Instant at) {
        return Outcome.of(ADVISOR, Facts.fromJson(facts), row, result, at);
    }

    @Test
    void countsPerRowAndVersionSurviveReopeningTheStore() throws Exception {
        String url = newDatabase();
        try (OutcomeStore store = OutcomeStore.open(url, Retention.NONE)) {
            store.record(outcome(FACTS, "wrong-server-url", Result.FIXED, T0));
            store.record(outcome(FACTS, "wrong-server-url", Result.FIXED, T0.plusSeconds(1)));
            store.record(outcome(FACTS, "clear-client-cache", Result.NOT_FIXED, T0.plusSeconds(2)));
        }
        try (OutcomeStore reopened = OutcomeStore.open(url, Retention.NONE)) {
            assertThat(reopened.count()).isEqualTo(3);
            assertThat(reopened.summary()).containsExactly(
                    new RowSummary("clear-client-cache", 0, 1, 0.0),
                    new RowSummary("wrong-server-url", 2, 0, 1.0));
            assertThat(reopened.summaryByVersion()).containsExactly(new VersionSummary(ADVISOR.rulesVersion(), List.of(
                    new RowSummary("wrong-server-url", 2, 0, 1.0), new RowSummary("clear-client-cache", 0, 1, 0.0))));
        }
    }

    @Test
    void badOutcomesAreRefusedInOneLineAndNothingIsStored() throws Exception {
        try (OutcomeStore store = OutcomeStore.open(newDatabase(), Retention.NONE)) {
            assertRefused("{\"facts\": " + FACTS + ", \"row\": \"no-such-row\", \"result\": \"fixed\"}",
                    "row: 'no-such-row' is not a row of the rules " + ADVISOR.rulesVersion()
                            + ". Accepted: one of the ids the rules recommend (diagnose lists them).", true);
            assertRefused("{\"facts\": " + FACTS + ", \"row\": \"wrong-server-url\"}",
                    "result: missing. Accepted: \"fixed\" or \"not-fixed\".", false);
            assertRefused("{\"facts\": " + FACTS + ", \"row\": \"wrong-server-url\", \"result\": \"maybe\"}",
                    "result: 'maybe' is not a result. Accepted: \"fixed\" or \"not-fixed\".", false);
            assertRefused("{\"facts\": \"server\", \"row\": \"wrong-server-url\", \"result\": \"fixed\"}",
                    "facts: \"server\" is a string. Accepted: a JSON object of facts, as diagnose reads them.", false);
            assertRefused("{\"facts\": " + FACTS + ", \"row\": 7, \"result\": \"fixed\"}",
                    "row: 7 is a number. Accepted: the id of a row of the rules (a string).", false);
            assertRefused("{\"facts\": " + FACTS + ", \"row\": \"wrong-server-url\", \"result\": true}",
                    "result: true is a boolean. Accepted: \"fixed\" or \"not-fixed\".", false);
            assertRefused("{\"facts\": {\"errorMessage\": \"" + "x".repeat(20_000) + "\"}, \"row\": \"wrong-server-url\","
                    + " \"result\": \"fixed\"}", "facts: errorMessage: '" + "x".repeat(200) + "...' is 20000 characters"
                    + " long. Accepted: at most 16384 characters.", false);
            assertRefused("[1]", "outcome: [1] is not a JSON object. Accepted: {\"facts\": {...}, \"row\": \"...\","
                    + " \"result\": \"fixed\" | \"not-fixed\"}.", false);
            assertRefused("{\"facts\": {}, \"row\": \"wrong-server-url\", \"result\": \"fixed\", \"note\": 1}",
                    "'note' is not a field of an outcome. Accepted: facts, row, result.", false);
            assertThat(store.count()).isZero();
        }
    }

    private static void assertRefused(String body, String message, boolean unknownRow) {
        assertThatThrownBy(() -> OutcomeRequest.read(body, ADVISOR, T0))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.unknownRow()).isEqualTo(unknownRow))
                .hasMessage(message);
    }

    @Test
    void storesFactsWithoutCredentialsOrThePastedMessage() throws Exception {
        try (OutcomeStore store = OutcomeStore.open(newDatabase(), Retention.NONE)) {
            String key = store.record(OutcomeRequest.read("{\"facts\": {\"serverUrl\": \"https://ann:hunter2@dev.azure.com/fabrikam\","
                    + " \"errorMessage\": \"TF31002: Unable to connect to this Team Foundation Server. Ann's laptop\"},"
                    + " \"row\": \"wrong-server-url\", \"result\": \"not-fixed\"}", ADVISOR, T0));
            assertThat(store.find(key).orElseThrow().facts())
                    .isEqualTo("{\"symptoms\":[\"TF31002\"],\"serverUrl\":\"https://***@dev.azure.com/fabrikam\"}");
        }
    }

    @Test
    void eightConcurrentWritersLoseNoOutcome() throws Exception {
        try (OutcomeStore store = OutcomeStore.open(newDatabase(), Retention.NONE)) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                Result result = w % 2 == 0 ? Result.FIXED : Result.NOT_FIXED;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        store.record(outcome(FACTS, "wrong-server-url", result, T0.plusMillis(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(20, TimeUnit.SECONDS);
            }
            writers.shutdown();
            assertThat(store.summary()).containsExactly(new RowSummary("wrong-server-url", 48, 48, 0.5));
        }
    }

    @Test
    void retentionRemovesTheOldestFirst() throws Exception {
        Clock now = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        try (OutcomeStore store = OutcomeStore.open(newDatabase(), new Retention(Duration.ofDays(7), 2L), now)) {
            store.record(outcome(FACTS, "ssl-certificate", Result.FIXED, T0)); // 30 days old: past the maximum age
            store.record(outcome(FACTS, "wrong-server-url", Result.FIXED, now.instant().minusSeconds(3)));
            store.record(outcome(FACTS, "clear-client-cache", Result.FIXED, now.instant().minusSeconds(2)));
            store.record(outcome(FACTS, "check-permissions", Result.FIXED, now.instant().minusSeconds(1)));
            assertThat(store.summary()).extracting(RowSummary::row).containsExactly("check-permissions", "clear-client-cache");
        }
    }

    @Test
    void unresolvedCasesAreThoseNothingFixedAndExportAsSamples() throws Exception {
        String other = "{\"product\":\"services\",\"symptoms\":[\"HTTP-401\"]}";
        try (OutcomeStore store = OutcomeStore.open(newDatabase(), Retention.NONE)) {
            String open = store.record(outcome(FACTS, "wrong-server-url", Result.NOT_FIXED, T0));
            store.record(outcome(FACTS, "clear-client-cache", Result.NOT_FIXED, T0.plusSeconds(1)));
            store.record(outcome(other, "clear-client-cache", Result.NOT_FIXED, T0.plusSeconds(2)));
            store.record(outcome(other, "check-permissions", Result.FIXED, T0.plusSeconds(3)));
            List<RecordedCase> unresolved = store.cases(true, 10);
            assertThat(unresolved).containsExactly(new RecordedCase(open, FACTS, List.of(),
                    List.of("wrong-server-url", "clear-client-cache"), T0.plusSeconds(1)));
            assertThat(store.cases(false, 10)).extracting(RecordedCase::resolved).containsExactly(true, false);
            String ids = String.join("\",\n      \"", ADVISOR.diagnose(Facts.fromJson(FACTS)).ids());
            assertThat(CaseSample.of(unresolved.get(0), ADVISOR)).isEqualTo("{\n"
                    + "  \"description\": \"Recorded case " + open.substring(0, 12) + ": nothing fixed it; did not help:"
                    + " wrong-server-url, clear-client-cache\",\n"
                    + "  \"facts\": {\n    \"product\": \"server\",\n    \"symptoms\": [\n      \"TF31002\"\n    ]\n  },\n"
                    + "  \"expected\": {\n    \"ids\": [\n      \"" + ids + "\"\n    ]\n  },\n"
                    + "  \"why\": \"Exported from the outcome store with the rules " + ADVISOR.rulesVersion()
                    + "; review the expected order against the documents before keeping it.\"\n}\n");
        }
    }
}
