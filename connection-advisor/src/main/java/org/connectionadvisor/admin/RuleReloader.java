package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.Echo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an advisor's rules in step with its directory. A new rule base is read, checked, compiled and tried off to
 * the side (on a worker, within the build deadline) while the old one serves, then swapped in with one reference
 * write, so a diagnosis (which reads the reference once) runs entirely on the old rules or entirely on the new. The
 * old rule base is simply dropped: nothing else refers to it, so it is collected once the diagnoses that took it
 * finish. A refused edit changes nothing and is reported to the listener and the log, whatever went wrong: a load
 * that throws anything at all, or overruns its deadline, is a refused edit with one problem that says so.
 */
public final class RuleReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final Path directory;
    private final Settings settings;
    private final AtomicReference<RuleBase> rules;
    private final RulesWatcher watcher;

    /**
     * How to reload, in the library's own terms (the API's ReloadOptions, translated by its facade): the quiet time
     * before a watched edit is taken in (null: no watch), the two deadlines, the application's check of candidate
     * rules (null: none) and the listener of every result.
     */
    public record Settings(Duration debounce, Duration buildDeadline, Duration diagnosisDeadline,
            Function<RuleBase, List<RuleProblem>> check, Consumer<ReloadResult> listener) {
    }

    /** Compiled rules and what the application's check found in them. */
    private record Candidate(RuleBase rules, List<RuleProblem> problems) {
    }

    /** Loads the directory once (a RulesException if that fails: there are no previous rules to keep) and starts watching. */
    public RuleReloader(Path directory, Settings settings, AtomicReference<RuleBase> rules) {
        this.directory = directory;
        this.settings = settings;
        this.rules = rules;
        ReloadResult first = load();
        if (!first.applied()) {
            throw new RulesException(first.problems());
        }
        try {
            watcher = settings.debounce() == null ? null : new RulesWatcher(directory, settings.debounce(), this::reload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory + " for rule edits", e);
        }
    }

    /** One reload at a time: a watcher's and an on-demand reload never interleave their swaps. */
    public synchronized ReloadResult reload() {
        ReloadResult result = load();
        report(result);
        return result;
    }

    /** Reads, checks, compiles and tries the directory's rules, and swaps them in when they pass. Never throws. */
    private ReloadResult load() {
        List<RuleProblem> problems;
        try {
            Candidate candidate = Deadline.run("rules build", settings.buildDeadline(), () -> {
                RuleBase compiled = RuleCompiler.compile(DrlFile.fromDirectory(directory), settings.diagnosisDeadline());
                return new Candidate(compiled, check(compiled));
            });
            if (candidate.problems().isEmpty()) {
                rules.set(candidate.rules());
            }
            problems = candidate.problems();
        } catch (RulesException e) {
            problems = e.problems();
        } catch (UncheckedIOException e) {
            problems = problem("cannot read the rules: " + e.getCause().getMessage());
        } catch (Deadline.Exceeded e) {
            problems = problem("loading the rules (reading, checking, building and the check of new rules) took longer than the build"
                    + " deadline of " + Deadline.shown(settings.buildDeadline()) + " and was abandoned; a rule base this large needs a"
                    + " longer ReloadOptions.buildDeadline");
        } catch (Throwable e) { // a pathological file may exhaust the stack or the heap: still a refused edit, never a lost one
            problems = problem("the rules could not be loaded: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return new ReloadResult(problems.isEmpty(), problems);
    }

    private List<RuleProblem> problem(String message) {
        return List.of(new RuleProblem(directory.toString(), 0, null, message));
    }

    private List<RuleProblem> check(RuleBase candidate) {
        if (settings.check() == null) {
            return List.of();
        }
        try {
            return List.copyOf(settings.check().apply(candidate));
        } catch (RuntimeException e) {
            // A runaway rule stops a diagnosis with a DiagnosisException naming it: exactly what a check is for.
            return problem("the check of the new rules failed: " + e.getMessage());
        }
    }

    private void report(ReloadResult result) {
        if (result.applied()) {
            LOG.info("reloaded the rules in {}", Echo.safe(directory.toString()));
        } else {
            StringBuilder lines = new StringBuilder();
            result.problems().forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem.format()));
            LOG.warn("the rules in {} were not reloaded; the previous rules keep serving:{}", Echo.safe(directory.toString()), lines);
        }
        try {
            settings.listener().accept(result);
        } catch (RuntimeException e) {
            LOG.warn("a reload listener failed", e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
