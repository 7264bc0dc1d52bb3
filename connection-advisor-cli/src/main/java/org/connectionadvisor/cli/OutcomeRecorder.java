package org.connectionadvisor.cli;

import java.io.PrintWriter;

import org.connectionadvisor.outcomes.InvalidOutcomeException;
import org.connectionadvisor.outcomes.Outcome;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.OutcomeStoreException;

/**
 * Records the outcomes of an {@code ask} session. The store is opened at the first outcome, so a session that ends
 * before one costs nothing; a store that cannot be opened or written is said in one line, and the session goes on.
 */
final class OutcomeRecorder implements AutoCloseable {
    private final StoreOption option;
    private final PrintWriter out;
    private OutcomeStore store;
    private boolean failed;

    OutcomeRecorder(StoreOption option, PrintWriter out) {
        this.option = option;
        this.out = out;
    }

    void record(Outcome outcome) {
        if (failed) {
            return;
        }
        try {
            if (store == null) {
                store = option.open();
            }
            store.record(outcome);
            out.println("Recorded in " + store.location() + ".");
        } catch (OutcomeStoreException | InvalidOutcomeException e) {
            failed = true;
            out.println("Not recorded: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
