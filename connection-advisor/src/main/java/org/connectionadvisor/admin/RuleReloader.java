package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.ReloadOptions;
import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.engine.RuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an advisor's rules in step with its directory. A new rule base is compiled, linted and checked off to the
 * side while the old one serves, then swapped in with one reference write, so a diagnosis (which reads the
 * reference once) runs entirely on the old rules or entirely on the new. The old rule base is simply dropped:
 * nothing else refers to it, so it is collected once the diagnoses that took it finish. A refused edit changes
 * nothing and is reported to the listener and the log.
 */
public final class RuleReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final Path directory;
    private final ReloadOptions options;
    private final AtomicReference<RuleBase> rules;
    /** An advisor on candidate rules, for the application's check. */
    private final Function<RuleBase, ConnectionAdvisor> advisorOn;
    private final RulesWatcher watcher;

    /** Loads the directory once (a RulesException if that fails: there are no previous rules to keep) and starts watching. */
    public RuleReloader(Path directory, ReloadOptions options, AtomicReference<RuleBase> rules,
            Function<RuleBase, ConnectionAdvisor> advisorOn) {
        this.directory = directory;
        this.options = options;
        this.rules = rules;
        this.advisorOn = advisorOn;
        RuleBase first = RuleCompiler.compile(DrlFile.fromDirectory(directory));
        List<RuleProblem> problems = check(first);
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        rules.set(first);
        try {
            watcher = options.debounce() == null ? null : new RulesWatcher(directory, options.debounce(), this::reload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory + " for rule edits", e);
        }
    }

    /** One reload at a time: a watcher's and an on-demand reload never interleave their swaps. */
    public synchronized ReloadResult reload() {
        ReloadResult result;
        try {
            RuleBase candidate = RuleCompiler.compile(DrlFile.fromDirectory(directory));
            List<RuleProblem> problems = check(candidate);
            if (problems.isEmpty()) {
                rules.set(candidate);
            }
            result = new ReloadResult(problems.isEmpty(), problems);
        } catch (RulesException e) {
            result = new ReloadResult(false, e.problems());
        } catch (UncheckedIOException e) {
            result = new ReloadResult(false, List.of(new RuleProblem(directory.toString(), 0, null,
                    "cannot read the rules: " + e.getCause().getMessage())));
        }
        report(result);
        return result;
    }

    private List<RuleProblem> check(RuleBase candidate) {
        if (options.check() == null) {
            return List.of();
        }
        try {
            return List.copyOf(options.check().problems(advisorOn.apply(candidate)));
        } catch (RuntimeException e) {
            // A runaway rule stops a diagnosis with a DiagnosisException naming it: exactly what a check is for.
            return List.of(new RuleProblem(directory.toString(), 0, null, "the check of the new rules failed: " + e.getMessage()));
        }
    }

    private void report(ReloadResult result) {
        if (result.applied()) {
            LOG.info("reloaded the rules in {}", directory);
        } else {
            StringBuilder lines = new StringBuilder();
            result.problems().forEach(problem -> lines.append(System.lineSeparator()).append("  ").append(problem.format()));
            LOG.warn("the rules in {} were not reloaded; the previous rules keep serving:{}", directory, lines);
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
