package org.connectionadvisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How an advisor built from a rule directory takes in edits. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(Path.of("rules-drl"), ReloadOptions.defaults()
 *         .watch(Duration.ofMillis(500))
 *         .check(candidate -> mySampleSuite.failures(candidate))
 *         .listener(result -> { if (!result.applied()) alertAdmins(result.problems()); }));
 * }</pre>
 */
public final class ReloadOptions {
    /** Tries candidate rules before they go live: the problems found, none when they may replace the serving ones. */
    @FunctionalInterface
    public interface Check {
        List<RuleProblem> problems(ConnectionAdvisor candidate);
    }

    private static final ReloadOptions DEFAULTS = new ReloadOptions(null, null, result -> { });

    private final Duration debounce;
    private final Check check;
    private final Consumer<ReloadResult> listener;

    private ReloadOptions(Duration debounce, Check check, Consumer<ReloadResult> listener) {
        this.debounce = debounce;
        this.check = check;
        this.listener = listener;
    }

    /** Reload on demand only, no check beyond compiling and linting, results to the log only. */
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
        return new ReloadOptions(debounce, check, listener);
    }

    /** Also run this check on new rules, for example the sample files, before they replace the serving ones. */
    public ReloadOptions check(Check check) {
        return new ReloadOptions(debounce, Objects.requireNonNull(check, "check"), listener);
    }

    /** Told the result of every reload, applied or refused, on the thread that reloaded. */
    public ReloadOptions listener(Consumer<ReloadResult> listener) {
        return new ReloadOptions(debounce, check, Objects.requireNonNull(listener, "listener"));
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
}
