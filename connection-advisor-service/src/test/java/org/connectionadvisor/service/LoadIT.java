package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on the loopback address under load and faults, for a bounded time: client threads diagnose while the
 * rule directory (a copy of rules-drl/) is reloaded every half second, good and broken edits alternating, and other
 * connections send malformed, oversized, slow (headers byte by byte) and half-closed requests. Every good request
 * must succeed, each answer must come wholly from the old or wholly from the new rules, and the bad ones must get
 * their error or be cut off by the request timeout while the others keep being served.
 */
class LoadIT {
    private static final Duration RUN = Duration.ofSeconds(22);
    /** Three good and three broken edits at least: the run goes on past RUN until they are through, up to LIMIT. */
    private static final int MIN_RELOADS = 6;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int CLIENTS = 3;
    private static final int SLOW_CLIENTS = 3;
    private static final String TITLE = "@title(\"The TFSService account password expired or is wrong\")";
    private static final String EDITED_TITLE = "@title(\"The TFSService account password expired or is wrong (edited)\")";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("connection-advisor-service/src/test/resources/load");

    record Answer(long startedNanos, long endedNanos, String error) {
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    @Test
    void underLoadReloadsAndFaultsEveryGoodRequestIsServedOnOneWholeRuleSet(@TempDir Path rules, @TempDir Path secrets)
            throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Report report;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (TestServer service = TestServer.withRules(rules, secrets.resolve("token"))) {
            report = run(service, rules);
        } finally {
            System.setErr(stderr);
        }

        // The log holds only the refused reloads' warnings (each with its problem lines), nothing else.
        List<String> unexpected = log.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains("WARN org.connectionadvisor.admin.RuleReloader - the rules in " + rules
                        + " were not reloaded; the previous rules keep serving:") && !line.startsWith("  " + rules))
                .toList();
        assertThat(unexpected).isEmpty();
        System.out.println(report);
        assertThat(wrong).isEmpty();
        assertThat(report.failed).isZero();
        assertThat(report.reloads).isGreaterThanOrEqualTo(MIN_RELOADS);
        assertThat(report.sawOld).isPositive();
        assertThat(report.sawNew).isPositive();
    }

    record Report(int served, int failed, int sawOld, int sawNew, int reloads, double seconds, double p50, double p99,
            double reloadP50) {
        @Override
        public String toString() {
            return String.format("LoadIT: %d requests served in %.1f s (%.1f/s) by %d clients, %d failed; %d answers on the"
                    + " old rules, %d on the new; %d reloads (good and broken alternating, median %.0f ms each);"
                    + " latency p50 %.1f ms, p99 %.1f ms", served, seconds, served / seconds, CLIENTS, failed, sawOld, sawNew,
                    reloads, reloadP50, p50, p99);
        }
    }

    private Report run(TestServer service, Path rules) throws Exception {
        Path severalUsers = rules.resolve("server-several-users.drl");
        String original = Files.readString(severalUsers);
        assertThat(original).contains(TITLE);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI diagnose = service.base.resolve("/api/diagnose");
        URI reload = service.base.resolve("/api/admin/reload");

        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        long limit = start + LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + SLOW_CLIENTS + 3);
        List<Future<?>> workers = new ArrayList<>();
        int[] seen = new int[2];
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                while (running) {
                    long began = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(diagnose).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TestServer.FACTS)).build(), HttpResponse.BodyHandlers.ofString());
                        String error = response.statusCode() == 200 ? null : "status " + response.statusCode() + ": " + response.body();
                        if (error == null) {
                            boolean edited = wholeRuleSet(JSON.readTree(response.body()));
                            synchronized (seen) {
                                seen[edited ? 1 : 0]++;
                            }
                        }
                        answers.add(new Answer(began, System.nanoTime(), error));
                    } catch (IOException | RuntimeException e) {
                        answers.add(new Answer(began, System.nanoTime(), e.toString()));
                    }
                }
                return null;
            }));
        }
        List<Long> slowCutOff = Collections.synchronizedList(new ArrayList<>());
        long slowStart = System.nanoTime();
        for (int s = 0; s < SLOW_CLIENTS; s++) {
            workers.add(pool.submit(() -> slowloris(service, slowCutOff)));
        }
        workers.add(pool.submit(() -> badRequests(service)));
        workers.add(pool.submit(() -> halfClosed(service)));

        int reloads = 0;
        boolean edited = false;
        List<Double> reloadMillis = new ArrayList<>();
        // A reload compiles the whole directory, which can take longer than the half second on a busy 2-core machine
        // (0.5-6 s measured while other builds ran): then the next one starts at once.
        while ((System.nanoTime() < end || reloads < MIN_RELOADS) && System.nanoTime() < limit) {
            long reloadStart = System.nanoTime();
            boolean good = reloads % 2 == 0;
            if (good) {
                Files.deleteIfExists(rules.resolve("broken.drl"));
                edited = !edited;
                if (edited) {
                    Files.copy(FIXTURES.resolve("added-row.drl"), rules.resolve("added-row.drl"));
                    Files.writeString(severalUsers, original.replace(TITLE, EDITED_TITLE));
                } else {
                    Files.delete(rules.resolve("added-row.drl"));
                    Files.writeString(severalUsers, original);
                }
            } else {
                Files.copy(FIXTURES.resolve("broken.drl"), rules.resolve("broken.drl"));
            }
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(reload).header("Authorization", "Bearer " + TestServer.TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != (good ? 200 : 422)) {
                wrong.add("reload " + reloads + " (" + (good ? "good" : "broken") + "): " + answer.statusCode() + " " + answer.body());
            }
            reloads++;
            reloadMillis.add((System.nanoTime() - reloadStart) / 1e6);
            // Every half second, or at once when compiling the edit took longer than that.
            Thread.sleep(Math.max(0, 500 - (System.nanoTime() - reloadStart) / 1_000_000));
        }
        running = false;
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        // The slow clients were cut off by the request timeout, while the others were served meanwhile.
        assertThat(slowCutOff).hasSize(SLOW_CLIENTS).allSatisfy(nanos ->
                assertThat(nanos - slowStart).isBetween(TimeUnit.SECONDS.toNanos(ServerOptions.REQUEST_TIMEOUT_SECONDS - 1),
                        TimeUnit.SECONDS.toNanos(ServerOptions.REQUEST_TIMEOUT_SECONDS + 5)));
        long servedWhileSlow = answers.stream().filter(a -> a.error() == null && a.endedNanos() > slowStart
                && a.endedNanos() < slowStart + TimeUnit.SECONDS.toNanos(ServerOptions.REQUEST_TIMEOUT_SECONDS - 1)).count();
        assertThat(servedWhileSlow).isPositive();

        List<Answer> failed = answers.stream().filter(a -> a.error() != null).toList();
        failed.stream().limit(5).forEach(a -> wrong.add("a good request failed: " + a.error()));
        List<Double> millis = answers.stream().filter(a -> a.error() == null)
                .map(a -> (a.endedNanos() - a.startedNanos()) / 1e6).sorted().toList();
        return new Report(millis.size(), failed.size(), seen[0], seen[1], reloads, seconds,
                percentile(millis, 0.50), percentile(millis, 0.99), percentile(reloadMillis.stream().sorted().toList(), 0.50));
    }

    /** Whether the answer came from the edited rules; a mix of old and new is recorded as wrong. */
    private boolean wholeRuleSet(JsonNode diagnosis) {
        boolean added = false;
        String title = null;
        for (JsonNode recommendation : diagnosis.get("recommendations")) {
            String id = recommendation.get("id").asText();
            added |= id.equals("load-test-row");
            if (id.equals("service-account-password")) {
                title = recommendation.get("title").asText();
            }
        }
        boolean edited = title != null && title.endsWith("(edited)");
        if (added != edited || title == null) {
            wrong.add("a mixed rule set: the added row " + (added ? "is" : "is not") + " there, the title is " + title);
        }
        return edited;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Sends a request's headers a byte every 100 ms until the server closes the connection (or the run ends). */
    private Void slowloris(TestServer service, List<Long> cutOff) {
        byte[] request = ("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: "
                + "s".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(service.base.getHost(), service.base.getPort())) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < request.length && running; i++) {
                out.write(request[i]);
                out.flush();
                Thread.sleep(100);
            }
            wrong.add("a slow client was never cut off");
        } catch (IOException e) {
            cutOff.add(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Malformed and oversized requests, over and over: each gets its error status. */
    private Void badRequests(TestServer service) throws IOException {
        String oversized = "POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{";
        String badJson = "POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
                + "Connection: close\r\n\r\n{\"symptom";
        while (running) {
            expect(service.raw("NONSENSE\r\n\r\n"), "HTTP/1.1 400 ", "");
            expect(service.raw(oversized), "HTTP/1.1 413 ", "the request body is larger than 65536 bytes");
            expect(service.raw(badJson), "HTTP/1.1 400 ", "the input is not valid JSON");
            // A path above the root is refused by Jetty's URI check before any route sees it.
            expect(service.raw("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), "HTTP/1.1 400 ",
                    "\"error\" : \"the request is not valid HTTP/1.1");
            sleep(200);
        }
        return null;
    }

    /**
     * Clients that close their sending side: after a whole request (answered in full), and in the middle of the
     * headers (answered 400 or closed, at once rather than at the timeout).
     */
    private Void halfClosed(TestServer service) throws IOException {
        String whole = "POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + TestServer.FACTS.length() + "\r\n\r\n" + TestServer.FACTS;
        while (running) {
            expect(service.raw(whole), "HTTP/1.1 200 ", "\"id\" : \"service-account-password\"");
            long began = System.nanoTime();
            String cut = service.raw("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Ty");
            if (!(cut.isEmpty() || cut.startsWith("HTTP/1.1 400 ")) || System.nanoTime() - began > TimeUnit.SECONDS.toNanos(5)) {
                wrong.add("a request cut in its headers got '" + cut + "' after " + (System.nanoTime() - began) / 1_000_000 + " ms");
            }
            sleep(300);
        }
        return null;
    }

    private void expect(String answer, String status, String text) {
        if (!answer.startsWith(status) || !answer.contains(text)) {
            wrong.add("expected " + status.strip() + " with '" + text + "', got: " + answer.lines().findFirst().orElse("(nothing)"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
