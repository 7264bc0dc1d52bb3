package org.connectionadvisor.outcomes;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store's contract on a real PostgreSQL server ({@link TestPostgres}), as a team shares it. */
class PostgresOutcomeStoreTest extends OutcomeStoreContract {
    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    String newDatabase() throws Exception {
        return postgres.newDatabase();
    }
}
