package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An application's JVM after using the library: the rules loaded both ways (packaged, and compiled from rules-drl/),
 * diagnosed on, closed. As {@code mvn exec:java} runs an application (in a thread group of its own, whose threads it
 * waits for, daemon ones too, before it gives up after 15 s), the fresh JVM runs the calls in a thread group and
 * reports the threads left in it: none may be non-daemon, and all must have ended within 3 s.
 */
class NoThreadLeftTest {
    private static final long LIMIT_MILLIS = 3_000;

    public static void main(String[] args) throws Exception {
        ThreadGroup application = new ThreadGroup("application");
        Thread main = new Thread(application, NoThreadLeftTest::useTheLibrary, "application-main");
        main.start();
        main.join();
        List<Thread> nonDaemon = live(application).stream().filter(thread -> !thread.isDaemon()).toList();
        System.out.println("non-daemon: " + nonDaemon.stream().map(Thread::getName).toList());
        long began = System.nanoTime();
        long deadline = began + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
        while (!live(application).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("left after " + TimeUnit.MILLISECONDS.toSeconds(LIMIT_MILLIS) + " s: "
                + live(application).stream().map(Thread::getName).toList());
    }

    private static void useTheLibrary() {
        Facts facts = Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build();
        try (ConnectionAdvisor packaged = ConnectionAdvisor.withDefaultRules();
                ConnectionAdvisor compiled = ConnectionAdvisor.fromDirectory(Path.of("rules-drl"))) {
            System.out.println("first: " + packaged.diagnose(facts).first().orElseThrow().id()
                    + ", " + compiled.diagnose(facts).first().orElseThrow().id());
        }
    }

    private static List<Thread> live(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        return Arrays.stream(threads, 0, count).filter(Thread::isAlive).toList();
    }

    @Test
    void theLibraryLeavesNoThreadBehindInAFreshJvm() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoThreadLeftTest.class.getName())
                .redirectErrorStream(true).start();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(out).containsExactly("first: service-account-password, service-account-password", "non-daemon: []",
                "left after 3 s: []");
    }
}
