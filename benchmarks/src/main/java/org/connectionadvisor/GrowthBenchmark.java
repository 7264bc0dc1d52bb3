package org.connectionadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * How the cost grows with the rule base: warm latency over the benchmark fact sets at the packaged size and with the
 * rows grown by {@link GeneratedRules} in the packaged rules' own shapes, and the time to build a rule base from its
 * directory (as {@code --rules DIR} does, in a fresh JVM each time). "50" is the packaged rule base as it is (41 rows).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Warm-up measured, not guessed: the 50-row latency still fell during measurement after 4 warm-up iterations of 2 s (73 then 60 µs).
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GrowthBenchmark {
    static final int PACKAGED = 50;
    /** A rule base of thousands of rows takes longer to build than the default deadline allows; it says so itself. */
    private static final ReloadOptions LARGE = ReloadOptions.defaults().buildDeadline(Duration.ofMinutes(15));

    @State(Scope.Benchmark)
    public static class Grown {
        @Param({"50", "500", "5000"})
        public int rows;

        ConnectionAdvisor advisor;

        @Setup
        public void build() throws IOException {
            advisor = ConnectionAdvisor.fromDirectory(directory(rows), LARGE);
            BenchFacts.checkSameRanking(advisor);
        }
    }

    @State(Scope.Benchmark)
    public static class BuildDirectory {
        @Param({"50", "500"})
        public int rows;

        Path directory;

        @Setup
        public void write() throws IOException {
            directory = directory(rows);
        }
    }

    private static Path directory(int rows) throws IOException {
        return rows == PACKAGED ? Path.of("rules-drl") : GeneratedRules.write(rows, Files.createTempDirectory("rules-" + rows));
    }

    @Benchmark
    public Diagnosis latency(Grown grown, BenchFacts.Cursor cursor) {
        return grown.advisor.diagnose(cursor.next());
    }

    /** The first build in a fresh JVM, as an administrator's command pays it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(3)
    public ConnectionAdvisor build(BuildDirectory rules) {
        return ConnectionAdvisor.fromDirectory(rules.directory);
    }
}
