package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every thread the library starts, itself or through Drools, ends with the call that started it or with close():
 * a thread left behind keeps a JVM (or mvn exec:java, which waits 15 s for them) from ending.
 */
class ThreadsTest {
    /** Both products' rows apply and the most questions are planned: the most what-if diagnoses. */
    private static final Facts PRODUCT_UNKNOWN = Facts.builder().symptoms("TF31002").build();

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /**
     * The threads started since {@code before} still alive after waiting up to 5 s for them: the JDK ends the
     * poller thread of a closed watch service on that thread (seen ended when close() returns), which a busy CI
     * machine may run late.
     */
    private static List<String> stillAlive(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Thread thread : startedSince(before)) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return startedSince(before).stream().map(Thread::getName).toList();
    }

    private static List<Thread> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive()).toList();
    }

    @Test
    void rulesCompiledFromADirectoryWatchedDiagnosedAndAskedLeaveNoThreadAfterClose() throws InterruptedException {
        Set<Thread> before = liveThreads();
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(Path.of("rules-drl"),
                ReloadOptions.defaults().watch(Duration.ofMillis(100)));
        assertThat(startedSince(before)).extracting(Thread::getName).contains("connection-advisor-rules-watcher");

        // Hundreds of what-if diagnoses: each constraint is evaluated far more often than Drools' JIT threshold.
        assertThat(advisor.diagnose(PRODUCT_UNKNOWN).questions()).isNotEmpty();
        assertThat(startedSince(before)).extracting(Thread::getName).contains("connection-advisor-firing");
        advisor.close();

        // The workers the rules settle on end within close(), not a second later when idle ones would.
        assertThat(startedSince(before)).extracting(Thread::getName).doesNotContain("connection-advisor-firing");
        assertThat(stillAlive(before)).isEmpty();
        // Diagnosing goes on working after close, on the caller's thread.
        assertThat(advisor.diagnose(PRODUCT_UNKNOWN).recommendations()).isNotEmpty();
        assertThat(startedSince(before)).isEmpty();
    }

    @Test
    void questionsStartNoThreadThatOutlivesTheCall() {
        Diagnosis diagnosis = ConnectionAdvisor.withDefaultRules().diagnose(PRODUCT_UNKNOWN);
        Set<Thread> before = liveThreads();

        assertThat(diagnosis.questions()).isNotEmpty();

        assertThat(startedSince(before)).extracting(Thread::getName).isEmpty();
    }
}
