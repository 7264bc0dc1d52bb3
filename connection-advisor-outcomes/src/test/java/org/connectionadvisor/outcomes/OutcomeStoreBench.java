package org.connectionadvisor.outcomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of docs/outcomes.md, a bench command rather than a timed test: the time of one record() (a connection of
 * its own, insert, commit) and of opening a connection alone, on the H2 file and on PostgreSQL, to see whether a
 * connection pool would matter. Its main runs on the module's test class path; it prints one line per database, which
 * docs/outcomes.md quotes.
 */
public final class OutcomeStoreBench {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;

    private OutcomeStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("outcomes-bench-");
        measure("H2 file", Databases.url(null, Map.of(), data));
        try (TestPostgres postgres = TestPostgres.start()) {
            measure("PostgreSQL 14 (127.0.0.1)", postgres.newDatabase());
        }
        OutcomeStoreContract.ADVISOR.close();
    }

    private static void measure(String name, String url) throws Exception {
        try (OutcomeStore store = OutcomeStore.open(url, Retention.NONE)) {
            Outcome outcome = OutcomeStoreContract.outcome(OutcomeStoreContract.FACTS, "wrong-server-url", Result.FIXED,
                    Instant.now());
            for (int i = 0; i < WARM_UP; i++) {
                store.record(outcome);
            }
            long start = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                store.record(outcome);
            }
            double record = (System.nanoTime() - start) / 1e6 / MEASURED;
            start = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                try (Connection connection = DriverManager.getConnection(url)) {
                    connection.isValid(1);
                }
            }
            double connect = (System.nanoTime() - start) / 1e6 / MEASURED;
            System.out.printf("%s: record %.2f ms, of which opening a connection %.2f ms (mean of %d)%n", name, record,
                    connect, MEASURED);
        }
    }
}
