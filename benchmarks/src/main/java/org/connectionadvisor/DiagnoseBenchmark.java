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
 * Warm latency of one diagnosis through the public API on the packaged rules, next to the hand-coded baseline on the
 * same facts in the same run; and of the questions a caller (the CLI) asks for on top, which run what-if diagnoses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
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
        BenchFacts.checkSameRanking(advisor);
        given = BenchFacts.get(facts);
    }

    @Benchmark
    public Diagnosis rules() {
        return advisor.diagnose(given);
    }

    @Benchmark
    public List<String> handCoded() {
        return HandCodedAdvisor.rank(given);
    }

    @Benchmark
    public List<Question> rulesWithQuestions() {
        return advisor.diagnose(given).questions();
    }
}
