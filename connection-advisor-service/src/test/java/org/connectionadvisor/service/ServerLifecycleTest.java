package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping: the watch takes in edits, bad options are refused, close stops every thread it started. */
class ServerLifecycleTest {
    private static Set<String> serviceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("connection-advisor-") || name.startsWith("qtp") || name.startsWith("Scheduler-"))
                .collect(Collectors.toSet());
    }

    @Test
    void aWatchedDirectoryIsReloadedOnAnEditAndCloseStopsEveryThread(@TempDir Path rules) throws Exception {
        TestServer.copyRules(rules);
        try (TestServer service = TestServer.start(new ServerOptions("127.0.0.1", 0, rules, true, null))) {
            assertThat(serviceThreads()).contains("connection-advisor-rules-watcher", "connection-advisor-timer-1")
                    .anySatisfy(name -> assertThat(name).startsWith("connection-advisor-http-"));
            String before = version(service);
            Path file = rules.resolve("fallbacks.drl");
            Files.writeString(file, Files.readString(file) + "\n// edited while the service runs\n");

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (version(service).equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Map<String, Object> health = ApiTest.json(service.get("/health"));
            assertThat(health.get("rules")).asString().doesNotContain(before);
            assertThat(health.get("lastReload")).isEqualTo(Map.of("at", ((Map<?, ?>) health.get("lastReload")).get("at"),
                    "applied", true, "problems", 0));
        }
        // Jetty interrupts its threads in stop(); one busy when the stop began may end just after it returns.
        long stopped = System.nanoTime() + 10_000_000_000L;
        while (!serviceThreads().isEmpty() && System.nanoTime() < stopped) {
            Thread.sleep(50);
        }
        assertThat(serviceThreads()).isEmpty();
    }

    private static String version(TestServer service) throws Exception {
        return ((Map<?, ?>) ApiTest.json(service.get("/health")).get("rules")).get("version").toString();
    }

    @Test
    void badOptionsAreRefusedNamingTheOption(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("short"), "secret\n");

        assertThatThrownBy(() -> AdvisorServer.start(new ServerOptions("127.0.0.1", 0, null, true, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--watch needs --rules DIR: the packaged rules never change.");
        assertThatThrownBy(() -> AdvisorServer.start(new ServerOptions("127.0.0.1", 0, null, false, secrets.resolve("short"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--admin-token-file: '" + secrets.resolve("short")
                        + "' holds 6 characters; a token of at least 16 is accepted (for example: openssl rand -hex 32).");
        assertThatThrownBy(() -> new ServerOptions("127.0.0.1", 70000, null, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--port: 70000 is not a port. Accepted: 0 (any free port) to 65535.");
    }
}
