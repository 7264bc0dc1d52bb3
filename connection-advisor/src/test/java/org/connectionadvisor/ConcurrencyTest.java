package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One advisor shared by threads: every diagnosis equals the one a single thread gets. */
class ConcurrencyTest {
    @Test
    void concurrentDiagnosesAgreeWithSequentialOnes() throws Exception {
        ConnectionAdvisor advisor = ConnectionAdvisor.withDefaultRules();
        List<Facts> cases = List.of(
                Facts.fromJson("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"]}"),
                Facts.fromJson("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"b2b-guest\"]}"),
                Facts.fromJson("{\"symptoms\": [\"TF31002\"]}"),
                Facts.fromJson("{\"product\": \"server\", \"symptoms\": [\"vs-hangs-on-query\"], \"context\": [\"remote-worker\"]}"));
        List<List<String>> expected = cases.stream().map(facts -> advisor.diagnose(facts).ids()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    for (int round = 0; round < 200; round++) {
                        int which = round % cases.size();
                        if (!advisor.diagnose(cases.get(which)).ids().equals(expected.get(which))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
