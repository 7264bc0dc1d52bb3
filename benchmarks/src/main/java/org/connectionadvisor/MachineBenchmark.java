package org.connectionadvisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How this machine scales from one thread to two on work that shares nothing between the threads: small maps, lists
 * and strings built and read, as a diagnosis does, without the advisor. It tells the threads target of
 * {@link ThroughputBenchmark} apart from the machine: where this does not reach 2x either, the machine did not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class MachineBenchmark {
    @State(Scope.Thread)
    public static class Seed {
        int next;
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Seed seed) {
        return work(seed.next++);
    }

    @Benchmark
    @Threads(2)
    public int twoThreads(Seed seed) {
        return work(seed.next++);
    }

    private static int work(int seed) {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int i = 0; i < 16; i++) {
            List<Integer> values = new ArrayList<>(4);
            values.add(seed + i);
            values.add(i);
            map.put("key-" + (seed + i), values);
        }
        int sum = 0;
        for (List<Integer> values : map.values()) {
            sum += values.get(0) ^ values.get(1);
        }
        return sum;
    }
}
