package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectionadvisor.outcomes.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's acceptance: {@code serve --admin-token-file F} from the shaded jar, three outcomes posted, the service
 * stopped (SIGTERM) and started again, and GET /api/admin/outcomes still counts them; on the default H2 store and on
 * a real PostgreSQL.
 */
class OutcomesServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String FACTS = "{\"product\":\"tfs\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}";
    private static final String OTHER_FACTS = "{\"product\":\"services\",\"symptoms\":[\"HTTP-401\"]}";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void outcomesOutliveARestartOnTheDefaultStore(@TempDir Path temp) throws Exception {
        postThreeRestartAndCount(temp, "--data", temp.resolve("data").toString());
        assertThat(temp.resolve("data").resolve("outcomes.mv.db")).exists();
    }

    @Test
    void outcomesOutliveARestartOnPostgreSql(@TempDir Path temp) throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            postThreeRestartAndCount(temp, "--database", postgres.newDatabase());
        }
    }

    private void postThreeRestartAndCount(Path temp, String storeOption, String store) throws Exception {
        Path token = temp.resolve("token");
        Files.writeString(token, TOKEN + "\n");
        List<String> serve = List.of("serve", "--port", "0", "--admin-token-file", token.toString(), storeOption, store);
        try (Served first = Served.start(temp.resolve("first.err"), serve)) {
            assertThat(post(first.base, FACTS, "service-account-password", "fixed").statusCode()).isEqualTo(201);
            assertThat(post(first.base, FACTS, "service-account-password", "fixed").statusCode()).isEqualTo(201);
            assertThat(post(first.base, OTHER_FACTS, "wrong-server-url", "not-fixed").statusCode()).isEqualTo(201);
        }
        try (Served second = Served.start(temp.resolve("second.err"), serve)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(second.base.resolve("/api/admin/outcomes"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode summary = JSON.readTree(response.body());
            assertThat(summary.get("total").asLong()).isEqualTo(3);
            assertThat(rows(summary.get("rows"))).containsExactly("service-account-password 2 0 1.0", "wrong-server-url 0 1 0.0");
            assertThat(summary.get("versions")).hasSize(1);
            assertThat(rows(summary.get("versions").get(0).get("rows")))
                    .containsExactly("service-account-password 2 0 1.0", "wrong-server-url 0 1 0.0");
            assertThat(summary.get("unresolved")).hasSize(1);
            assertThat(summary.get("unresolved").get(0).get("facts")).isEqualTo(JSON.readTree(OTHER_FACTS));
        }
        assertThat(Files.readString(temp.resolve("first.err"))).isEmpty();
        assertThat(Files.readString(temp.resolve("second.err"))).isEmpty();
    }

    private static List<String> rows(JsonNode rows) {
        List<String> shown = new ArrayList<>();
        rows.forEach(row -> shown.add(row.get("row").asText() + " " + row.get("fixed") + " " + row.get("notFixed") + " "
                + row.get("fixRate")));
        return shown;
    }

    private HttpResponse<String> post(URI base, String facts, String row, String result) throws IOException, InterruptedException {
        String body = "{\"facts\": " + facts + ", \"row\": \"" + row + "\", \"result\": \"" + result + "\"}";
        return client.send(HttpRequest.newBuilder(base.resolve("/api/outcomes")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code java -jar target/connection-advisor.jar serve ...}, stopped by SIGTERM on close (exit 0). */
    private record Served(Process process, URI base) implements AutoCloseable {
        static Served start(Path err, List<String> arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/connection-advisor.jar"));
            command.addAll(arguments);
            // Standard error to a file: destroy() closes the process's pipes.
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null || !line.startsWith("connection-advisor serving ")) {
                process.destroyForcibly();
                throw new IllegalStateException("serve did not start: " + line + " " + Files.readString(err));
            }
            return new Served(process, URI.create(line.split(" ")[2]));
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("serve did not stop within 30 s of SIGTERM");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(process.exitValue()).isZero();
        }
    }
}
