package org.connectionadvisor.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.connectionadvisor.outcomes.Databases;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.Retention;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose the outcome store (docs/outcomes.md): a data folder for the H2 file, or a database URL. */
final class StoreOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder of the default outcome store, an H2 file"
            + " (created when missing). Default: $" + Databases.DATA_VARIABLE + ", else ~/.connection-advisor.")
    private Path data;

    @Option(names = "--database", paramLabel = "JDBC-URL", description = "The outcome store's database instead, e.g."
            + " jdbc:postgresql://HOST/DB for a team's. Default: $" + Databases.DATABASE_VARIABLE + ", else the H2 file.")
    private String database;

    @Option(names = "--keep-days", paramLabel = "N", description = "Remove outcomes older than N days, oldest first.")
    private Integer keepDays;

    @Option(names = "--keep-count", paramLabel = "N", description = "Keep at most N outcomes, removing the oldest first.")
    private Long keepCount;

    /** Whether the command line names a store (--data or --database), rather than leaving it to the defaults. */
    boolean named() {
        return data != null || database != null;
    }

    /** Checks the options (bad input: one line, exit 2) before a session starts, so no answer is lost to a typo. */
    void check() {
        retention();
        url();
    }

    OutcomeStore open() {
        return OutcomeStore.open(url(), retention());
    }

    private String url() {
        try {
            return Databases.url(database, System.getenv(), Databases.dataFolder(data, System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private Retention retention() {
        if (keepDays != null && keepDays < 1 || keepCount != null && keepCount < 1) {
            throw new ParameterException(command.commandLine(), "--keep-days and --keep-count: "
                    + (keepDays != null && keepDays < 1 ? keepDays : keepCount) + " keeps nothing. Accepted: 1 or more.");
        }
        return new Retention(keepDays == null ? null : Duration.ofDays(keepDays), keepCount);
    }
}
