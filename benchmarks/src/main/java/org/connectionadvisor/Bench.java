package org.connectionadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Runs the JMH benchmarks (JSON results in target/jmh.json), measures the README's diagnose command as a person runs
 * it, and checks every performance target against what it measured, printing the table to standard output and to
 * target/performance.md. The targets are checked here, never in unit tests. A full run (no argument) that leaves a
 * target without its measurement fails.
 *
 * <p>Argument: a regular expression over benchmark names (default all); the command-line measurement runs when it
 * is the default or "cli".
 */
public final class Bench {
    private static final Path README = Path.of("README.md");
    private static final int CLI_RUNS = 5;
    private static final String TARGET_QUESTIONS = "questions() at most 40x one diagnose of the same facts (worst fact set)";
    private static final String TARGET_THREADS = "2 threads at least 1.8x the throughput of 1, in each of 3 runs";
    private static final String TARGET_GROWTH = "latency with 5,000 rows at most 3x that with 50";
    private static final String TARGET_CLI = "the README's diagnose command at most 1.0 s (median of 5 after 1 warm-up)";
    private static final String TARGET_CLI_RULES = "the same command with --rules rules-drl at most 2.0 s";

    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        String include = args.length > 0 ? args[0] : ".*";
        Table table = new Table();
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
        String report = machine() + "\n\n" + table.markdown();
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "performance.md"), report);
        if (".*".equals(include)) {
            List<String> missing = table.unmeasured(List.of(TARGET_QUESTIONS, TARGET_THREADS, TARGET_GROWTH, TARGET_CLI, TARGET_CLI_RULES));
            if (!missing.isEmpty()) {
                System.err.println("error: no measurement for: " + String.join("; ", missing));
                System.exit(1);
            }
        }
    }

    /** The report's rows: every target with what was measured and whether it is met, then figures that are no target. */
    private static final class Table {
        private final List<String> rows = new ArrayList<>(List.of("| target | measured | met |", "| --- | --- | --- |"));
        private final List<String> measured = new ArrayList<>();

        void target(String target, String figures, boolean met) {
            rows.add("| " + target + " | " + figures + " | " + (met ? "yes" : "**no**") + " |");
            measured.add(target);
        }

        void figure(String what, String figures) {
            rows.add("| " + what + " | " + figures + " | not a target |");
        }

        List<String> unmeasured(List<String> targets) {
            return targets.stream().filter(target -> !measured.contains(target)).toList();
        }

        String markdown() {
            return String.join("\n", rows) + "\n";
        }
    }

    private record Results(Collection<RunResult> all) {
        RunResult find(String benchmark, Predicate<RunResult> params) {
            return all.stream()
                    .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark) && params.test(r))
                    .findFirst().orElse(null);
        }

        double percentile(String benchmark, String param, String value, double percentile) {
            RunResult result = find(benchmark, r -> value.equals(r.getParams().getParam(param)));
            return result == null ? Double.NaN : result.getPrimaryResult().getStatistics().getPercentile(percentile);
        }

        /** The score of each fork (each run in its own JVM), in fork order; empty when the benchmark did not run. */
        List<Double> perFork(String benchmark) {
            RunResult result = find(benchmark, r -> true);
            return result == null ? List.of()
                    : result.getBenchmarkResults().stream().map(fork -> fork.getPrimaryResult().getScore()).toList();
        }
    }

    private static void jmhTargets(Results results, Table table) {
        double worstRatio = Double.NaN;
        String worstSet = null;
        List<String> perSet = new ArrayList<>();
        for (String facts : BenchFacts.ALL.keySet()) {
            double diagnose = results.percentile("DiagnoseBenchmark.diagnose", "facts", facts, 50);
            double withQuestions = results.percentile("DiagnoseBenchmark.diagnoseAndQuestions", "facts", facts, 50);
            double withHeard = results.percentile("DiagnoseBenchmark.diagnoseAndHeard", "facts", facts, 50);
            if (Double.isNaN(diagnose) || Double.isNaN(withQuestions)) {
                continue;
            }
            double ratio = (withQuestions - diagnose) / diagnose;
            if (Double.isNaN(worstRatio) || ratio > worstRatio) {
                worstRatio = ratio;
                worstSet = facts;
            }
            perSet.add(String.format(Locale.ROOT, "%s: diagnose %.1f µs (p10-p90 %.1f-%.1f), questions %.0f µs (%.1fx), report %.0f µs",
                    facts, diagnose, results.percentile("DiagnoseBenchmark.diagnose", "facts", facts, 10),
                    results.percentile("DiagnoseBenchmark.diagnose", "facts", facts, 90), withQuestions - diagnose, ratio,
                    withHeard - diagnose));
        }
        if (!Double.isNaN(worstRatio)) {
            table.target(TARGET_QUESTIONS, String.format(Locale.ROOT, "%.1fx (%s)", worstRatio, worstSet), worstRatio <= 40);
            table.figure("warm medians per fact set (questions and report: with them minus without)", String.join("; ", perSet));
        }
        List<Double> ones = results.perFork("ThroughputBenchmark.oneThread");
        List<Double> twos = results.perFork("ThroughputBenchmark.twoThreads");
        if (!ones.isEmpty() && ones.size() == twos.size()) {
            List<String> runs = new ArrayList<>();
            double worst = Double.MAX_VALUE;
            for (int fork = 0; fork < ones.size(); fork++) {
                double ratio = twos.get(fork) / ones.get(fork);
                worst = Math.min(worst, ratio);
                runs.add(String.format(Locale.ROOT, "%.2fx (%.0f against %.0f diagnoses/s)", ratio, twos.get(fork), ones.get(fork)));
            }
            table.target(TARGET_THREADS, "run by run: " + String.join("; ", runs), worst >= 1.8);
        }
        List<Double> machineOnes = results.perFork("MachineBenchmark.oneThread");
        List<Double> machineTwos = results.perFork("MachineBenchmark.twoThreads");
        if (!machineOnes.isEmpty() && machineOnes.size() == machineTwos.size()) {
            List<String> runs = new ArrayList<>();
            for (int fork = 0; fork < machineOnes.size(); fork++) {
                runs.add(String.format(Locale.ROOT, "%.2fx", machineTwos.get(fork) / machineOnes.get(fork)));
            }
            table.figure("the machine itself: 2 threads against 1 on work that shares nothing (MachineBenchmark)",
                    "run by run: " + String.join("; ", runs));
        }
        double at50 = results.percentile("GrowthBenchmark.latency", "rows", "50", 50);
        double at5000 = results.percentile("GrowthBenchmark.latency", "rows", "5000", 50);
        if (!Double.isNaN(at50) && !Double.isNaN(at5000)) {
            table.target(TARGET_GROWTH, String.format(Locale.ROOT, "%.2fx (median %.1f µs at 50, %.1f at 500, %.1f at 5,000)",
                    at5000 / at50, at50, results.percentile("GrowthBenchmark.latency", "rows", "500", 50), at5000), at5000 / at50 <= 3);
        }
        for (String rows : List.of("50", "500")) {
            RunResult build = results.find("GrowthBenchmark.build", r -> rows.equals(r.getParams().getParam("rows")));
            if (build != null) {
                table.figure("a rule base of " + rows + " rows built from its directory in a fresh JVM", String.format(Locale.ROOT,
                        "%.1f s (mean of %d JVMs)", build.getPrimaryResult().getScore() / 1000, build.getPrimaryResult().getSampleCount()));
            }
        }
    }

    /** The README's diagnose command as printed there, run as a person runs it: one warm-up, then the median of five. */
    private static void cliTargets(Table table) throws IOException, InterruptedException {
        List<String> command = readmeCommand();
        List<String> withRules = new ArrayList<>(command);
        withRules.add(withRules.indexOf("diagnose") + 1, "--rules");
        withRules.add(withRules.indexOf("--rules") + 1, "rules-drl");
        Cli packaged = Cli.measure(command);
        Cli rules = Cli.measure(withRules);
        table.target(TARGET_CLI, "`" + String.join(" ", command) + "`: " + packaged.describe(), packaged.median() <= 1.0);
        table.target(TARGET_CLI_RULES, "`" + String.join(" ", withRules) + "`: " + rules.describe(), rules.median() <= 2.0);
    }

    /** The command after {@code &&} in the README's build-and-diagnose line. */
    static List<String> readmeCommand() throws IOException {
        for (String line : Files.readAllLines(README)) {
            int and = line.indexOf("package -DskipTests && ");
            if (line.startsWith("mvn ") && and >= 0) {
                return Arrays.asList(line.substring(and + "package -DskipTests && ".length()).strip().split("\\s+"));
            }
        }
        throw new IllegalStateException("README.md has no line 'mvn ... package -DskipTests && COMMAND'");
    }

    private record Cli(List<Double> seconds) {
        static Cli measure(List<String> command) throws IOException, InterruptedException {
            run(command);
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < CLI_RUNS; i++) {
                seconds.add(run(command));
            }
            return new Cli(seconds.stream().sorted().toList());
        }

        private static double run(List<String> command) throws IOException, InterruptedException {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(process.getErrorStream().readAllBytes()).strip();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0 || !err.isEmpty()) {
                throw new IllegalStateException(command + " exited " + exit + ": " + err);
            }
            return seconds;
        }

        double median() {
            return seconds.get(seconds.size() / 2);
        }

        String describe() {
            return String.format(Locale.ROOT, "%.2f s (%.2f-%.2f)", median(), seconds.get(0), seconds.get(seconds.size() - 1));
        }
    }

    /** When and where: the date, the processors, the memory, the JDK. */
    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown processor");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return String.format(Locale.ROOT, "Measured on %s: %d processors (%s), %.0f GiB, %s %s; load average %.2f when it ended.",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(memory) / 1048576.0,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), load);
    }
}
