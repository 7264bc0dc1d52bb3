package org.connectionadvisor.admin;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs work on a thread of its own and waits for it no longer than a limit. Work that overruns is interrupted and
 * abandoned: the caller gets {@link Exceeded} at the limit and goes on, and nothing waits for the abandoned thread
 * (a daemon, which ends when its work does), so it cannot block later work or the JVM's exit.
 */
final class Deadline {
    private Deadline() {
    }

    /** The work did not finish within its limit. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super(null, null, false, false);
        }
    }

    /** The work's result, or what it threw (an Error as well) rethrown here, or {@link Exceeded} at the limit. */
    static <T> T run(String task, Duration limit, Supplier<T> work) {
        FutureTask<T> future = new FutureTask<>(work::get);
        Thread worker = new Thread(future, "connection-advisor-" + task.replace(' ', '-'));
        worker.setDaemon(true);
        worker.start();
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Exceeded();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException(task + " was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // a Supplier throws nothing else
        }
    }

    /** A duration as a person writes it: 60 s, 250 ms. */
    static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
