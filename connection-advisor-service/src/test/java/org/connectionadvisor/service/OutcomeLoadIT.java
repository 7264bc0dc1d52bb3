package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No outcome lost: 8 clients post outcomes on the loopback address for 30 s while the rule directory is edited and
 * reloaded every half second; every post is a 201 and the store then holds exactly as many outcomes as 201s were sent.
 */
class OutcomeLoadIT {
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final int CLIENTS = 8;
    private static final String TITLE = "@title(\"The TFSService account password expired or is wrong\")";
    private static final String EDITED_TITLE = "@title(\"The TFSService account password expired or is wrong (edited)\")";
    private static final List<String> ROWS = List.of("service-account-password", "wrong-server-url", "clear-client-cache");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A server release per client, so that each client's outcomes are a case of its own. */
    private static final List<String> RELEASES = List.of("2010", "2012", "2013", "2015", "2017", "2018", "2019", "2020");

    @Test
    void eightClientsForThirtySecondsWhileReloadingLoseNoOutcome(@TempDir Path temp) throws Exception {
        Path rules = Files.createDirectory(temp.resolve("rules"));
        try (TestServer service = TestServer.withRulesAndStore(rules, temp.resolve("token"), temp.resolve("data"))) {
            AtomicLong created = new AtomicLong();
            Queue<String> wrong = new ConcurrentLinkedQueue<>();
            long end = System.nanoTime() + RUN.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String body = "{\"facts\": {\"product\": \"tfs\", \"symptoms\": [\"TF31002\"], \"serverVersion\": \"" + RELEASES.get(client)
                                + "\"}, \"row\": \"" + ROWS.get(i % ROWS.size()) + "\", \"result\": \"" + (i % 2 == 0 ? "fixed" : "not-fixed") + "\"}";
                        HttpResponse<String> answer = service.outcome(body);
                        if (answer.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            wrong.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            int reloads = reload(service, rules, end, wrong);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(wrong).isEmpty();
            assertThat(reloads).isGreaterThanOrEqualTo(2); // 20 on a shared 2-core machine; a reload compiles every file
            assertThat(created.get()).isPositive();
            long stored = JSON.readTree(service.admin("/api/admin/outcomes").body()).get("total").asLong();
            assertThat(stored).isEqualTo(created.get());
            System.out.println("OutcomeLoadIT: " + created.get() + " outcomes recorded by " + CLIENTS + " clients in "
                    + RUN.toSeconds() + " s, " + reloads + " reloads, " + stored + " in the store");
        }
    }

    /** Edits a rule's title back and forth and reloads, every half second until {@code end}; returns how many reloads. */
    private static int reload(TestServer service, Path rules, long end, Queue<String> wrong) throws Exception {
        Path severalUsers = rules.resolve("server-several-users.drl");
        String original = Files.readString(severalUsers);
        assertThat(original).contains(TITLE);
        int reloads = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            Files.writeString(severalUsers, reloads % 2 == 0 ? original.replace(TITLE, EDITED_TITLE) : original);
            HttpResponse<String> answer = service.post("/api/admin/reload", "", "Authorization", "Bearer " + TestServer.TOKEN);
            if (answer.statusCode() != 200) {
                wrong.add("reload " + reloads + ": " + answer.statusCode() + " " + answer.body());
            }
            reloads++;
            Thread.sleep(Math.max(0, 500 - (System.nanoTime() - start) / 1_000_000));
        }
        return reloads;
    }
}
