package org.connectionadvisor;

import java.util.List;
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
 * Warm latency, through the public API on the packaged rules, of one diagnosis, of a diagnosis and its questions, and
 * of a diagnosis and its report on what each fact did. The questions alone cost the difference of the first two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Warm-up measured, not guessed: questions() still got faster during measurement after 4 warm-up iterations of 2 s (nothing-known: 1758 then 1045 µs).
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiagnoseBenchmark {
    @Param({BenchFacts.SERVICES_401, BenchFacts.SERVER_SEVERAL_USERS, BenchFacts.SERVER_ONE_COMPUTER,
            BenchFacts.ERROR_MESSAGE_ONLY, BenchFacts.NOTHING_KNOWN, BenchFacts.SERVICES_URL_SWITCHING})
    public String facts;

    private ConnectionAdvisor advisor;
    private Facts given;

    @Setup
    public void setUp() {
        advisor = ConnectionAdvisor.withDefaultRules();
        given = BenchFacts.get(facts);
    }

    @Benchmark
    public Diagnosis diagnose() {
        return advisor.diagnose(given);
    }

    @Benchmark
    public List<Question> diagnoseAndQuestions() {
        return advisor.diagnose(given).questions();
    }

    @Benchmark
    public List<Heard> diagnoseAndHeard() {
        return advisor.diagnose(given).heard();
    }
}
