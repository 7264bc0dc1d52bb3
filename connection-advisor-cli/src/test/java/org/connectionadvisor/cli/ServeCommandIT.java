package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} from the shaded jar, as the README runs it; and the other commands never load the service. */
class ServeCommandIT {
    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void serveStartsWithOneLineAndAnswersTheDiagnoseOfTheReadme(@TempDir Path temp) throws Exception {
        // Standard error to a file: destroy() closes the process's pipes.
        Path err = temp.resolve("stderr");
        Process serve = java("-jar", "target/connection-advisor.jar", "serve", "--port", "0").redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("connection-advisor serving http://127\\.0\\.0\\.1:\\d+/ with the packaged rules; outcomes in jdbc:h2:file:.*/outcomes-data/outcomes");
            URI base = URI.create(line.split(" ")[2]);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/diagnose"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"product\":\"tfs\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\n  \"recommendations\" : [ {\n    \"rank\" : 1,\n    \"id\" : \"service-account-password\",");
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook stops the server, gracefully
        }
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero(); // a stop asked for is no failure
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void badServeOptionsAreOneLineAndExitTwo() throws Exception {
        Process watch = java("-jar", "target/connection-advisor.jar", "serve", "--watch").start();
        assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(watch.exitValue()).isEqualTo(2);
        assertThat(new String(watch.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("error: --watch needs --rules DIR: the packaged rules never change." + System.lineSeparator());

        Process token = java("-jar", "target/connection-advisor.jar", "serve", "--admin-token-file", "no-such-file").start();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isEqualTo(2);
        assertThat(new String(token.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("error: --admin-token-file: 'no-such-file' does not exist." + System.lineSeparator());
    }

    @Test
    void diagnoseLoadsNoClassOfTheService() throws Exception {
        Process diagnose = java("-Xlog:class+load=info", "-jar", "target/connection-advisor.jar", "diagnose",
                "facts-samples/row-service-account-password.json").start();
        String out = new String(diagnose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(diagnose.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(diagnose.exitValue()).isZero();
        assertThat(out).contains("org.connectionadvisor.cli.ServeCommand", "1. The TFSService account password expired or is wrong")
                .doesNotContain("org.connectionadvisor.service.", "org.eclipse.jetty.");
    }
}
