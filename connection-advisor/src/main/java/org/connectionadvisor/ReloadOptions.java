package org.connectionadvisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.connectionadvisor.engine.RuleBase;

/**
 * How an advisor built from a rule directory takes in edits. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(Path.of("rules-drl"), ReloadOptions.defaults()
 *         .watch(Duration.ofMillis(500))
 *         .check(candidate -> mySampleSuite.failures(candidate))
 *         .listener(result -> { if (!result.applied()) alertAdmins(result.problems()); }));
 * }</pre>
 *
 * Loading is bounded in time: reading, checking, building and the check of new rules must finish within the build
 * deadline, or the load fails (and, for a reload, the current rules keep serving); each diagnosis on the rules must
 * finish within the diagnosis deadline, or it fails with a {@link DiagnosisException}.
 */
public final class ReloadOptions {
    public static final Duration DEFAULT_BUILD_DEADLINE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DIAGNOSIS_DEADLINE = RuleBase.DEFAULT_DIAGNOSIS_DEADLINE;

    /** Tries candidate rules before they go live: the problems found, none when they may replace the serving ones. */
    @FunctionalInterface
    public interface Check {
        List<RuleProblem> problems(ConnectionAdvisor candidate);
    }

    private static final ReloadOptions DEFAULTS = new ReloadOptions(null, null, result -> { }, DEFAULT_BUILD_DEADLINE,
            DEFAULT_DIAGNOSIS_DEADLINE);

    private final Duration debounce;
    private final Check check;
    private final Consumer<ReloadResult> listener;
    private final Duration buildDeadline;
    private final Duration diagnosisDeadline;

    private ReloadOptions(Duration debounce, Check check, Consumer<ReloadResult> listener, Duration buildDeadline,
            Duration diagnosisDeadline) {
        this.debounce = debounce;
        this.check = check;
        this.listener = listener;
        this.buildDeadline = buildDeadline;
        this.diagnosisDeadline = diagnosisDeadline;
    }

    /** Reload on demand only, no check beyond the rule checks and compiling, results to the log only, the default deadlines. */
    public static ReloadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Also reload when a .drl file in the directory changes, once no further change has come for {@code debounce}
     * (an editor's save is often several writes). The advisor then owns a watcher thread: close it when done.
     */
    public ReloadOptions watch(Duration debounce) {
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce: " + debounce + " is negative; a wait of zero or more is accepted");
        }
        return new ReloadOptions(debounce, check, listener, buildDeadline, diagnosisDeadline);
    }

    /** Also run this check on new rules, for example the sample files, before they replace the serving ones. */
    public ReloadOptions check(Check check) {
        return new ReloadOptions(debounce, Objects.requireNonNull(check, "check"), listener, buildDeadline, diagnosisDeadline);
    }

    /** Told the result of every reload, applied or refused, on the thread that reloaded. */
    public ReloadOptions listener(Consumer<ReloadResult> listener) {
        return new ReloadOptions(debounce, check, Objects.requireNonNull(listener, "listener"), buildDeadline, diagnosisDeadline);
    }

    /**
     * How long one load may take, from reading the files to the end of the {@link #check(Check) check} (default 60 s).
     * A load that takes longer fails; its work is abandoned on a thread of its own, and later reloads do not wait for it.
     */
    public ReloadOptions buildDeadline(Duration limit) {
        return new ReloadOptions(debounce, check, listener, positive("buildDeadline", limit), diagnosisDeadline);
    }

    /**
     * How long the rules may work on one diagnosis (default 1 s): longer, and it fails with a {@link DiagnosisException}.
     * The rules settle on a worker thread, which the caller leaves at this deadline (and 250 ms) even when Drools is in
     * the middle of evaluating a rule; the worker halts after that rule.
     */
    public ReloadOptions diagnosisDeadline(Duration limit) {
        return new ReloadOptions(debounce, check, listener, buildDeadline, positive("diagnosisDeadline", limit));
    }

    private static Duration positive(String name, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException(name + ": " + limit + " is not a positive duration");
        }
        return limit;
    }

    /** The debounce of the directory watch; null when the directory is not watched. */
    public Duration debounce() {
        return debounce;
    }

    /** The check set with {@link #check(Check)}; null when there is none. */
    public Check check() {
        return check;
    }

    /** The listener set with {@link #listener(Consumer)}, or one that does nothing. */
    public Consumer<ReloadResult> listener() {
        return listener;
    }

    public Duration buildDeadline() {
        return buildDeadline;
    }

    public Duration diagnosisDeadline() {
        return diagnosisDeadline;
    }
}
