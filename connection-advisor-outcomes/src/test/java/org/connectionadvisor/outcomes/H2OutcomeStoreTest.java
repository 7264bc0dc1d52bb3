package org.connectionadvisor.outcomes;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store's contract on the default database: an H2 file in a data folder. */
class H2OutcomeStoreTest extends OutcomeStoreContract {
    @TempDir
    Path data;

    @Override
    String newDatabase() {
        return Databases.url(null, java.util.Map.of(), data);
    }
}
