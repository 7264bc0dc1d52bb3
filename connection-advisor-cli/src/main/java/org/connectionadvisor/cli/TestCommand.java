package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Echo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs every sample file against the rules: failing samples with expected and actual ranked ids,"
                + " the rows no sample made appear, then N passed, M failed.")
final class TestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RulesOption rules;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "facts-samples",
            description = "The sample files (*.json, also below DIR). Default: ${DEFAULT-VALUE}.")
    private Path samples;

    @Option(names = "--update", description = "Accept what the rules give now: rewrite the expected ids (and questions,"
            + " or error message) of each sample whose result changed, nothing else in the file, and say which files changed.")
    private boolean update;

    @Override
    public Integer call() {
        RulesOption.directory(spec, "--samples", samples, ".json", "sample");
        List<Path> files = Samples.files(samples);
        ConnectionAdvisor advisor = rules.advisor();
        PrintWriter out = spec.commandLine().getOut();
        Set<String> unseen = new TreeSet<>(advisor.rowIds());
        int failed = 0;
        int updated = 0;
        for (Path file : files) {
            String problem;
            try {
                Samples.Sample sample = Samples.read(file);
                Samples.Outcome outcome = Samples.run(advisor, sample);
                unseen.removeAll(outcome.actualIds());
                problem = outcome.problem();
                Map<String, Object> accepted = problem != null && update ? SampleUpdate.newExpectation(advisor, sample) : Map.of();
                if (!accepted.isEmpty()) {
                    SampleUpdate.rewrite(sample, accepted);
                    updated++;
                    out.println("UPDATED " + Echo.safe(samples.relativize(file).toString()));
                    accepted.forEach((field, value) -> out.println("  expected " + field + " now: " + Echo.safe(value.toString())));
                    if (accepted.containsKey(sample.onlyTop() ? "top" : "ids") && sample.expectedIds().hasBlocks()) {
                        out.println("  its blocks of ids in any order are now one exact order: review them against the documents");
                    }
                    problem = Samples.run(advisor, Samples.read(file)).problem();
                }
            } catch (IOException | RuntimeException e) { // one sample that cannot run fails alone, the rest still run
                problem = "cannot run: " + Echo.value(e.getMessage());
            }
            if (problem != null) {
                failed++;
                out.println("FAILED " + Echo.safe(samples.relativize(file).toString()));
                out.println("  " + problem.replace("\n", System.lineSeparator()));
            }
        }
        out.println(unseen.isEmpty() ? "Coverage: every row appears in some sample."
                : "Coverage: " + unseen.size() + " of " + advisor.rowIds().size() + " rows appear in no sample: "
                        + String.join(", ", unseen));
        if (update) {
            out.println("Updated the expectations of " + updated + (updated == 1 ? " file." : " files."));
        }
        out.println((files.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
