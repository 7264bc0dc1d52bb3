package org.connectionadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (JSON results in target/jmh.json), measures the command line as a person runs it
 * (whole process, peak RSS), and checks every target of the performance issue against what it measured, printing
 * the table to standard output and to target/performance.md. The targets are checked here, never in unit tests.
 *
 * <p>Argument: a regular expression over benchmark names (default all); the command-line measurement runs when it
 * is "all" or "cli" matches.
 */
public final class Bench {
    private static final Path JAR = Path.of("target", "connection-advisor.jar");
    private static final Path CDS_ARCHIVE = Path.of("target", "connection-advisor.jsa");
    /** The README's command line: the build's class-data-sharing archive, the client compiler only, the serial GC. */
    static final List<String> README_FLAGS = List.of("-XX:SharedArchiveFile=" + CDS_ARCHIVE, "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");
    private static final int CLI_RUNS = 7;

    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        String include = args.length > 0 ? args[0] : ".*";
        List<String> table = new ArrayList<>();
        table.add("| target | measured | met |");
        table.add("| --- | --- | --- |");
        if (!"cli".equals(include)) {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(include.equals(".*") ? "org.connectionadvisor.*Benchmark" : include)
                    .resultFormat(ResultFormatType.JSON).result("target/jmh.json")
                    .build()).run();
            jmhTargets(new Results(results), table);
        }
        if (".*".equals(include) || "cli".equals(include)) {
            cliTargets(table);
        }
        String report = String.join("\n", table) + "\n";
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "performance.md"), report);
    }

    private record Results(Collection<RunResult> all) {
        RunResult find(String benchmark, Predicate<RunResult> params) {
            return all.stream()
                    .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark) && params.test(r))
                    .findFirst().orElse(null);
        }

        double median(String benchmark, String param, String value) {
            RunResult result = find(benchmark, r -> value.equals(r.getParams().getParam(param)));
            return result == null ? Double.NaN : result.getPrimaryResult().getStatistics().getPercentile(50);
        }

        double score(String benchmark, String param, String value) {
            RunResult result = find(benchmark, r -> param == null || value.equals(r.getParams().getParam(param)));
            return result == null ? Double.NaN : result.getPrimaryResult().getScore();
        }
    }

    private static void jmhTargets(Results results, List<String> table) {
        double worstWithQuestions = Double.NaN;
        double worstMedian = Double.NaN;
        double worstRatio = Double.NaN;
        List<String> perSet = new ArrayList<>();
        for (String facts : BenchFacts.ALL.keySet()) {
            double rules = results.median("DiagnoseBenchmark.rules", "facts", facts);
            double handCoded = results.median("DiagnoseBenchmark.handCoded", "facts", facts);
            double withQuestions = results.median("DiagnoseBenchmark.rulesWithQuestions", "facts", facts);
            if (!Double.isNaN(withQuestions)) {
                worstWithQuestions = Double.isNaN(worstWithQuestions) ? withQuestions : Math.max(worstWithQuestions, withQuestions);
            }
            if (!Double.isNaN(rules)) {
                worstMedian = Double.isNaN(worstMedian) ? rules : Math.max(worstMedian, rules);
                worstRatio = Double.isNaN(worstRatio) ? rules / handCoded : Math.max(worstRatio, rules / handCoded);
                perSet.add(String.format(Locale.ROOT, "%s %.2f / %.2f", facts, rules, handCoded));
            }
        }
        if (!perSet.isEmpty()) {
            row(table, "warm diagnose median <= 5 us (worst fact set)", String.format(Locale.ROOT, "%.2f us", worstMedian),
                    worstMedian <= 5);
            row(table, "warm diagnose <= 25x hand-coded (worst fact set)", String.format(Locale.ROOT, "%.1fx", worstRatio),
                    worstRatio <= 25);
            System.out.println("median us, rules / hand-coded: " + String.join("; ", perSet));
        }
        if (!Double.isNaN(worstWithQuestions)) {
            table.add(String.format(Locale.ROOT, "| (what the CLI prints) diagnose and its questions, warm median (worst fact set) | %.1f ms |"
                    + " not a target |", worstWithQuestions / 1000));
        }
        double one = results.score("ThroughputBenchmark.oneThread", null, null);
        double two = results.score("ThroughputBenchmark.twoThreads", null, null);
        if (!Double.isNaN(one) && !Double.isNaN(two)) {
            row(table, "2 threads >= 1.8x the throughput of 1", String.format(Locale.ROOT, "%.2fx (%.0f vs %.0f diagnoses/s)",
                    two / one, two, one), two / one >= 1.8);
        }
        double at50 = results.median("GrowthBenchmark.latency", "rows", "50");
        double at5000 = results.median("GrowthBenchmark.latency", "rows", "5000");
        if (!Double.isNaN(at50) && !Double.isNaN(at5000)) {
            double at500 = results.median("GrowthBenchmark.latency", "rows", "500");
            row(table, "latency at 5,000 rows <= 3x that at 50", String.format(Locale.ROOT,
                    "%.2fx (median %.2f us at 50, %.2f at 500, %.2f at 5,000)", at5000 / at50, at50, at500, at5000),
                    at5000 / at50 <= 3);
        }
        double hashed50 = results.median("GrowthBenchmark.latencyHashed", "rows", "50");
        double hashed5000 = results.median("GrowthBenchmark.latencyHashed", "rows", "5000");
        if (!Double.isNaN(hashed50) && !Double.isNaN(hashed5000)) {
            table.add(String.format(Locale.ROOT, "| (lever) the same growth with hashed-constant rule shapes | %.2fx (median %.2f us at 50,"
                    + " %.2f at 500, %.2f at 5,000) | not a target |", hashed5000 / hashed50, hashed50,
                    results.median("GrowthBenchmark.latencyHashed", "rows", "500"), hashed5000));
        }
        double build = results.score("GrowthBenchmark.build", "rows", "5000");
        if (!Double.isNaN(build)) {
            row(table, "a 5,000-row rule base builds in <= 12 s", String.format(Locale.ROOT,
                    "%.1f s (mean of 3 fresh JVMs; 500 rows %.1f s, 50 rows %.1f s)", build / 1000,
                    results.score("GrowthBenchmark.build", "rows", "500") / 1000,
                    results.score("GrowthBenchmark.build", "rows", "50") / 1000), build <= 12_000);
        }
    }

    /** The CLI as a person runs it: median wall time of several runs, the largest peak RSS (from GNU time). */
    private static void cliTargets(List<String> table) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            table.add("| command line | not measured: build target/connection-advisor.jar first | |");
            return;
        }
        Path facts = Files.createTempFile("facts", ".json");
        Files.writeString(facts, BenchFacts.SERVER_SEVERAL_USERS_JSON);
        List<String> packagedRules = List.of("diagnose", facts.toString());
        List<String> rulesDirectory = List.of("diagnose", "--rules", "rules-drl", facts.toString());
        cliRows(table, "`java -jar`", List.of(), packagedRules, rulesDirectory);
        if (Files.exists(CDS_ARCHIVE)) {
            cliRows(table, "README command line (`java " + String.join(" ", README_FLAGS) + " -jar`)", README_FLAGS,
                    packagedRules, rulesDirectory);
        }
        Files.delete(facts);
    }

    private static void cliRows(List<String> table, String how, List<String> flags, List<String> packagedRules,
            List<String> rulesDirectory) throws IOException, InterruptedException {
        Cli packaged = Cli.measure(flags, packagedRules);
        Cli directory = Cli.measure(flags, rulesDirectory);
        row(table, how + " `diagnose FILE` (packaged rules) <= 1.0 s", packaged.describe(), packaged.medianSeconds() <= 1.0);
        row(table, how + " `diagnose --rules DIR FILE` <= 2.0 s", directory.describe(), directory.medianSeconds() <= 2.0);
        if (packaged.peakKib() > 0) {
            row(table, how + " peak RSS of `diagnose FILE` <= 150 MiB", String.format(Locale.ROOT,
                    "%.0f MiB (with --rules DIR: %.0f MiB)", packaged.peakKib() / 1024.0, directory.peakKib() / 1024.0),
                    packaged.peakKib() <= 150 * 1024);
        } else {
            table.add("| peak RSS | not measured: /usr/bin/time (Debian package time) is missing | |");
        }
    }

    private record Cli(List<Double> seconds, long peakKib) {
        static Cli measure(List<String> flags, List<String> arguments) throws IOException, InterruptedException {
            boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
            List<Double> seconds = new ArrayList<>();
            long peak = 0;
            for (int run = 0; run < CLI_RUNS; run++) {
                List<String> command = new ArrayList<>();
                if (gnuTime) {
                    command.addAll(List.of("/usr/bin/time", "-f", "%M"));
                }
                command.add("java");
                command.addAll(flags);
                command.addAll(List.of("-jar", JAR.toString()));
                command.addAll(arguments);
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String err = new String(process.getErrorStream().readAllBytes()).strip();
                int exit = process.waitFor();
                seconds.add((System.nanoTime() - start) / 1e9);
                if (exit != 0) {
                    throw new IllegalStateException(command + " exited " + exit + ": " + err);
                }
                if (gnuTime) {
                    peak = Math.max(peak, Long.parseLong(err.substring(err.lastIndexOf('\n') + 1).strip()));
                }
            }
            return new Cli(seconds.stream().sorted().toList(), peak);
        }

        double medianSeconds() {
            return seconds.get(seconds.size() / 2);
        }

        String describe() {
            return String.format(Locale.ROOT, "%.2f s (median of %d runs, %.2f-%.2f)", medianSeconds(), seconds.size(),
                    seconds.get(0), seconds.get(seconds.size() - 1));
        }
    }

    private static void row(List<String> table, String target, String measured, boolean met) {
        table.add("| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
    }
}
