package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Echo;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.RecordedCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a rule edit would change before it goes live: every sample, and every recorded case of the store when one is
 * named, ranked by the old and the new rules; each case whose ranking changes with its old and new top 3.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Ranks every sample (and, with --data or --database, every recorded case) with the rules of --rules"
                + " and of --against, and prints each case whose ranking changes: old top 3, new top 3; then a summary line.",
                "Exit 0 whatever changed: it is a preview; test --update accepts the new rankings into the samples."})
final class ImpactCommand implements Callable<Integer> {
    private static final int TOP = 3;
    /** Characters shown before the first difference of two error messages. */
    private static final int CONTEXT = 40;
    private static final String ERROR = "error: ";
    /** Recorded cases replayed at most: the newest ones. */
    private static final int CASES = 10_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RulesOption rules;

    @Option(names = "--against", paramLabel = "DIR", required = true, description = "The rules in use now, to compare with.")
    private Path against;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "facts-samples",
            description = "The sample files (*.json, also below DIR). Default: ${DEFAULT-VALUE}.")
    private Path samples;

    @Mixin
    private StoreOption store;

    private PrintWriter out;
    private int changed;

    @Override
    public Integer call() {
        RulesOption.directory(spec, "--against", against, ".drl", "rule");
        RulesOption.directory(spec, "--samples", samples, ".json", "sample");
        out = spec.commandLine().getOut();
        List<Path> files = Samples.files(samples);
        int changedSamples;
        int cases = 0;
        try (ConnectionAdvisor next = rules.advisor(); ConnectionAdvisor now = ConnectionAdvisor.fromDirectory(against)) {
            for (Path file : files) {
                String facts;
                try {
                    facts = Samples.read(file).facts();
                } catch (IOException e) {
                    out.println("SKIPPED sample " + Echo.safe(samples.relativize(file).toString()) + ": " + Echo.value(e.getMessage()));
                    continue;
                }
                compare("sample " + Echo.safe(samples.relativize(file).toString()), facts, now, next);
            }
            changedSamples = changed;
            if (store.named()) {
                try (OutcomeStore opened = store.open()) {
                    for (RecordedCase recorded : opened.cases(false, CASES)) {
                        cases++;
                        compare("case " + recorded.key().substring(0, 12), recorded.facts(), now, next);
                    }
                }
            }
        }
        out.println(changedSamples + " of " + files.size() + " samples" + (store.named()
                ? " and " + (changed - changedSamples) + " of " + cases + " recorded cases" : "")
                + " rank differently with " + Echo.safe(String.valueOf(rulesName())) + " than with " + Echo.safe(against.toString()) + ".");
        return Main.OK;
    }

    private Object rulesName() {
        return rules.directory() == null ? "the packaged rules" : rules.directory();
    }

    private void compare(String name, String facts, ConnectionAdvisor now, ConnectionAdvisor next) {
        List<String> before = ranking(now, facts);
        List<String> after = ranking(next, facts);
        if (!before.equals(after)) {
            changed++;
            out.println("CHANGED " + name);
            if (error(before) && error(after)) { // a new row joins the accepted ids an error lists: show where they part
                String was = before.get(0);
                String is = after.get(0);
                int from = Math.max(0, Arrays.mismatch(was.toCharArray(), is.toCharArray()) - CONTEXT);
                out.println("  old error: ..." + Echo.value(was.substring(from)));
                out.println("  new error: ..." + Echo.value(is.substring(from)));
                return;
            }
            out.println("  old top " + TOP + ": " + top(before));
            out.println("  new top " + TOP + ": " + top(after));
            int rank = 0;
            while (rank < before.size() && rank < after.size() && before.get(rank).equals(after.get(rank))) {
                rank++;
            }
            out.println("  first change at rank " + (rank + 1) + ": " + at(before, rank) + " -> " + at(after, rank));
        }
    }

    /** The ranked ids, or the one line of the error the facts give with these rules. */
    private static List<String> ranking(ConnectionAdvisor advisor, String facts) {
        try {
            return advisor.diagnose(Facts.fromJson(facts)).ids();
        } catch (InvalidFactsException invalid) {
            return List.of(ERROR + invalid.getMessage());
        }
    }

    private static boolean error(List<String> ranking) {
        return ranking.size() == 1 && ranking.get(0).startsWith(ERROR);
    }

    private static String at(List<String> ids, int rank) {
        return rank < ids.size() ? ids.get(rank) : "(none)";
    }

    private static String top(List<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids.subList(0, Math.min(TOP, ids.size())));
    }
}
