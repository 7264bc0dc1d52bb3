package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.ReloadOptions;
import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.input.Echo;
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
    private final ReloadOptions options;
    private final AtomicReference<RuleBase> rules;
    /** An advisor on candidate rules, for the application's check. */
    private final Function<RuleBase, ConnectionAdvisor> advisorOn;
    private final RulesWatcher watcher;

    /** Compiled rules and what the application's check found in them. */
    private record Candidate(RuleBase rules, List<RuleProblem> problems) {
    }

    /** Loads the directory once (a RulesException if that fails: there are no previous rules to keep) and starts watching. */
    public RuleReloader(Path directory, ReloadOptions options, AtomicReference<RuleBase> rules,
            Function<RuleBase, ConnectionAdvisor> advisorOn) {
        this.directory = directory;
        this.options = options;
        this.rules = rules;
        this.advisorOn = advisorOn;
        ReloadResult first = load();
        if (!first.applied()) {
            throw new RulesException(first.problems());
        }
        try {
            watcher = options.debounce() == null ? null : new RulesWatcher(directory, options.debounce(), this::reload);
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
            Candidate candidate = Deadline.run("rules build", options.buildDeadline(), () -> {
                RuleBase compiled = RuleCompiler.compile(DrlFile.fromDirectory(directory), options.diagnosisDeadline());
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
                    + " deadline of " + Deadline.shown(options.buildDeadline()) + " and was abandoned; a rule base this large needs a"
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
        if (options.check() == null) {
            return List.of();
        }
        try {
            return List.copyOf(options.check().problems(advisorOn.apply(candidate)));
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
            options.listener().accept(result);
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
