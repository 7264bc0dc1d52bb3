package org.connectionadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost grows with the rule base: warm latency over the benchmark fact sets, and the time to build the rule
 * base from its directory (as {@code --rules DIR} does, in a fresh JVM each time), at the packaged size and with the
 * rows grown by {@link GeneratedRules}. "50" is the packaged rule base as it is (41 rows). {@code latencyHashed}
 * grows it with the hashed-constant shapes instead, to measure the fact-design lever.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class GrowthBenchmark {
    static final int PACKAGED = 50;

    @State(Scope.Benchmark)
    public static class RuleDirectory {
        @Param({"50", "500", "5000"})
        public int rows;

        Path directory;

        @Setup
        public void write() throws IOException {
            directory = directory(rows, GeneratedRules.Shape.RULES_DRL);
        }
    }

    @State(Scope.Benchmark)
    public static class Grown {
        ConnectionAdvisor advisor;

        @Setup
        public void build(RuleDirectory rules) {
            advisor = checked(rules.directory);
        }
    }

    @State(Scope.Benchmark)
    public static class HashedGrown {
        @Param({"50", "500", "5000"})
        public int rows;

        ConnectionAdvisor advisor;

        @Setup
        public void build() throws IOException {
            advisor = checked(directory(rows, GeneratedRules.Shape.HASHED));
        }
    }

    private static Path directory(int rows, GeneratedRules.Shape shape) throws IOException {
        return rows == PACKAGED ? Path.of("rules-drl") : GeneratedRules.write(rows, shape, Files.createTempDirectory("rules-" + rows));
    }

    private static ConnectionAdvisor checked(Path directory) {
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(directory);
        BenchFacts.checkSameRanking(advisor);
        return advisor;
    }

    @Benchmark
    public Diagnosis latency(Grown grown, BenchFacts.Cursor cursor) {
        return grown.advisor.diagnose(cursor.next());
    }

    @Benchmark
    public Diagnosis latencyHashed(HashedGrown grown, BenchFacts.Cursor cursor) {
        return grown.advisor.diagnose(cursor.next());
    }

    /** The first build in a fresh JVM, as an administrator's command pays it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(3)
    public ConnectionAdvisor build(RuleDirectory rules) {
        return ConnectionAdvisor.fromDirectory(rules.directory);
    }
}
