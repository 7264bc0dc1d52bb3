package org.connectionadvisor.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.connectionadvisor.outcomes.Databases;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.Retention;

/** A service on a free loopback port, and the requests the tests send it. */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final String FACTS = "{\"product\":\"tfs\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}";

    final AdvisorServer server;
    final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(AdvisorServer server) {
        this.server = server;
        this.base = server.address();
    }

    static TestServer packaged() throws IOException {
        return start(new ServerOptions("127.0.0.1", 0, null, false, null));
    }

    /** The packaged rules' service for a test class's static field, closed by JUnit's {@code @AutoClose}. */
    static TestServer packagedForClass() {
        try {
            return packaged();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestServer start(ServerOptions options) throws IOException {
        return new TestServer(AdvisorServer.start(options));
    }

    /** A copy of rules-drl/ in {@code rules}, served with the admin routes on. */
    static TestServer withRules(Path rules, Path tokenFile) throws IOException {
        copyRules(rules);
        Files.writeString(tokenFile, TOKEN + "\n");
        return new TestServer(AdvisorServer.start(new ServerOptions("127.0.0.1", 0, rules, false, tokenFile)));
    }

    /** A copy of rules-drl/ in {@code rules}, the admin routes on, and the outcome store an H2 file in {@code data}. */
    static TestServer withRulesAndStore(Path rules, Path tokenFile, Path data) throws IOException {
        copyRules(rules);
        Files.writeString(tokenFile, TOKEN + "\n");
        return new TestServer(AdvisorServer.start(new ServerOptions("127.0.0.1", 0, rules, false, tokenFile), store(data)));
    }

    /** The packaged rules, the admin routes on, and the outcome store an H2 file in {@code data}. */
    static TestServer withStore(Path data, Path tokenFile) throws IOException {
        Files.writeString(tokenFile, TOKEN + "\n");
        return new TestServer(AdvisorServer.start(new ServerOptions("127.0.0.1", 0, null, false, tokenFile), store(data)));
    }

    /** The default store (an H2 file) of a data folder. */
    static OutcomeStore store(Path data) {
        return OutcomeStore.open(Databases.url(null, Map.of(), data), Retention.NONE);
    }

    HttpResponse<String> outcome(String body) throws IOException, InterruptedException {
        return post("/api/outcomes", body, "Content-Type", "application/json");
    }

    HttpResponse<String> admin(String path) throws IOException, InterruptedException {
        return get(path, "Authorization", "Bearer " + TOKEN);
    }

    static void copyRules(Path into) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    HttpResponse<String> put(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> diagnose(String facts) throws IOException, InterruptedException {
        return post("/api/diagnose", facts, "Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws IOException, InterruptedException {
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request written as raw bytes (what HttpClient will not send: a lying length, no content type), its whole answer. */
    String raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** Standard error while an action runs, where slf4j-simple writes (it looks System.err up on every line). */
    static String standardErrorOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
