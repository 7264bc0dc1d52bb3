package org.connectionadvisor.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.connectionadvisor.DiagnosisException;

/**
 * Where the sessions of rules loaded from files settle, so that a diagnosis ends at its deadline even inside one
 * firing step. Drools cannot be stopped inside the evaluation of one rule's network (RuleNetworkEvaluatorImpl builds a
 * join or scans a {@code not} in one go, and nothing in drools-core looks at a thread's interrupt); it looks at a
 * {@code halt()} only between rules and between firings (AbstractGroupEvaluator, RuleExecutor.fire). So the step
 * runs on a worker of this rule base while the caller waits no longer than the deadline and {@link #GRACE} (and
 * {@link #COLD} more until a step on these rules has ended in time). Past it, the caller runs {@code leave} (the session
 * halts itself) and gets a {@link DiagnosisException}; the worker ends the rule it is evaluating, stops at the halt,
 * and resets the session into its pool ({@code reset}). At most
 * {@link #MAX_OVERRUNNING} steps run on past their deadline at once; while that many do, a diagnosis on these rules
 * fails at once rather than start another. The packaged rules, checked when the jar was built, settle on the
 * caller's thread: handing each what-if to a worker would cost more than the what-if.
 *
 * <p>Idle workers end after {@link #IDLE_SECONDS}; a worker busy with an overrun step ends when the step does.
 */
final class FiringWorkers {
    static final long IDLE_SECONDS = 1;
    static final int MAX_OVERRUNNING = 2;
    /**
     * How much longer than the deadline the caller waits: steps that end in time are stopped between two steps by the
     * session's own look at the clock, whose error says how many rules fired; the wait is for a step that does not end.
     */
    static final Duration GRACE = Duration.ofMillis(250);
    /**
     * How much longer the caller waits until a step on these rules has ended in time: Drools compiles each constraint
     * on its first evaluation (RuleBase: jitted at once, on the calling thread), which in a cold JVM on a busy machine
     * took longer than the deadline (a service's first diagnosis, under a load average of 20 on 2 cores).
     */
    static final Duration COLD = Duration.ofSeconds(10);

    /**
     * The workers started and not yet seen ended, so that {@link #close} can wait for the threads themselves: the pool
     * counts as terminated once its workers left their loop, a moment before their threads end.
     */
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), work -> {
                Thread worker = new Thread(work, "connection-advisor-firing");
                worker.setDaemon(true);
                workers.removeIf(ended -> !ended.isAlive());
                workers.add(worker);
                return worker;
            });
    private final AtomicInteger overrunning = new AtomicInteger();
    /** Whether a step on these rules has ended in time: the constraints it evaluated are compiled. */
    private volatile boolean warm;

    /**
     * Runs {@code settle} on a worker and returns what it returns, or rethrows what it throws. Past {@code deadline},
     * runs {@code leave} and throws a {@link DiagnosisException}, and {@code reset} runs on the worker once
     * {@code settle} has ended.
     */
    boolean settle(Duration deadline, BooleanSupplier settle, Runnable leave, Runnable reset) {
        if (overrunning.get() >= MAX_OVERRUNNING) {
            throw new DiagnosisException("the rules are still busy with " + MAX_OVERRUNNING + " diagnoses that overran the"
                    + " diagnosis deadline of " + deadline.toMillis() + " ms; they do too much work for some facts");
        }
        AtomicBoolean claimed = new AtomicBoolean();
        FutureTask<Boolean> step = new FutureTask<>(settle::getAsBoolean);
        try {
            pool.execute(() -> {
                step.run();
                if (!claimed.compareAndSet(false, true)) { // the caller left at the deadline
                    overrunning.decrementAndGet();
                    reset.run();
                }
            });
        } catch (RejectedExecutionException closed) { // the advisor is closed: the caller settles, as on packaged rules
            return settle.getAsBoolean();
        }
        try {
            boolean changed = step.get(deadline.plus(warm ? GRACE : GRACE.plus(COLD)).toNanos(), TimeUnit.NANOSECONDS);
            warm = true;
            return changed;
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            overrunning.incrementAndGet();
            if (!claimed.compareAndSet(false, true)) { // it ended as the wait did: its result stands
                overrunning.decrementAndGet();
                return outcome(step);
            }
            leave.run();
            throw new DiagnosisException("the rules did not settle within the diagnosis deadline of " + deadline.toMillis()
                    + " ms (it passed inside a firing step, halted after the rule it evaluates); they do too much work for these facts");
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    /**
     * Ends the workers (the advisor is closed): idle ones at once, their threads waited for up to a second in all; a
     * step still running past its deadline ends with its rule. Later diagnoses settle on the caller's thread.
     */
    void close() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
            for (Thread worker : workers) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean outcome(FutureTask<Boolean> ended) {
        try {
            return ended.get();
        } catch (ExecutionException e) {
            throw rethrown(e);
        } catch (InterruptedException e) { // a done task's get() never waits, so never looks at the flag
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return (RuntimeException) e.getCause(); // a BooleanSupplier throws nothing else
    }
}
