package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** HTTP as RFC 9110 and 9112 say, and the limits: 408, 413, 414, 431 answered as JSON and the connection closed. */
class HttpDetailsTest {
    @AutoClose
    private static final TestServer service = TestServer.packagedForClass();

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void slowHeadersAndASlowBodyGet408AndTheConnectionIsClosed() throws Exception {
        CompletableFuture<String> headers = CompletableFuture.supplyAsync(() -> trickle("GET /health HTTP/1.1\r\nHost: x\r\n", "X-Slow: y"));
        CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> trickle("POST /api/diagnose HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n", "          "));

        assertThat(headers.get()).startsWith("HTTP/1.1 408 ").contains("Connection: close");
        assertThat(body(headers.get())).isEqualTo("{\n  \"error\" : \"the request's headers did not arrive within 10 s;"
                + " the connection is closed.\"\n}\n");
        assertThat(body.get()).startsWith("HTTP/1.1 408 ").contains("Connection: close");
        assertThat(body(body.get())).isEqualTo("{\n  \"error\" : \"the request's body did not arrive within 10 s;"
                + " the connection is closed.\"\n}\n");
    }

    /** Sends the head, then a byte of the tail every half second while the server listens; its whole answer. */
    private static String trickle(String head, String tail) {
        try (Socket socket = new Socket(service.base.getHost(), service.base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 40 && in.available() == 0; i++) {
                out.write(tail.charAt(i % tail.length()));
                out.flush();
                Thread.sleep(500);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8); // to the end: the server closed
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLongRequestLineIs414AndLargeHeaders431WithoutEchoingThem() throws Exception {
        String path = "/" + "a".repeat(100_000);
        String uri = service.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        String headers = service.raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(uri).startsWith("HTTP/1.1 414 ").doesNotContain("aaaaaaaaaa");
        assertThat(body(uri)).isEqualTo("{\n  \"error\" : \"the request line is longer than 8192 bytes; the service's paths are short.\"\n}\n");
        assertThat(headers).startsWith("HTTP/1.1 431 ").doesNotContain("bbbbbbbbbb");
        assertThat(body(headers)).isEqualTo("{\n  \"error\" : \"the request's headers are larger than 8192 bytes in all.\"\n}\n");
    }

    @Test
    void anUnknownLongPathIsQuotedCutAndEscapedAndTheAdminRoutesAreNotListed() throws Exception {
        HttpResponse<String> response = service.get("/%E2%80%AE" + "p".repeat(5_000));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiTest.json(response)).isEqualTo(Map.of("error", "no such route: GET /\\u202e" + "p".repeat(193) + ".... Routes: GET /,"
                + " POST /api/diagnose, POST /api/outcomes, GET /api/vocabulary, GET /health, GET /openapi.json."));
    }

    @Test
    void a413IsAnsweredAtOnceAndTheConnectionClosedWithoutReadingTheBody() throws Exception {
        try (Socket socket = new Socket(service.base.getHost(), service.base.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"symptoms\": [").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // ends: closed

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Connection: close");
            assertThat(body(answer)).isEqualTo("{\n  \"error\" : \"the request body is larger than 65536 bytes;"
                    + " a facts object is a few hundred.\"\n}\n");
        }
    }

    @Test
    void aContentLengthWithLeadingZerosIsItsNumber() throws Exception {
        String answer = service.raw("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 0000000002\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"recommendations\"");
    }

    @Test
    void aContentEncodingOtherThanIdentityIs415() throws Exception {
        HttpResponse<String> gzip = service.post("/api/diagnose", TestServer.FACTS, "Content-Type", "application/json",
                "Content-Encoding", "gzip");

        assertThat(gzip.statusCode()).isEqualTo(415);
        assertThat(gzip.headers().firstValue("Accept-Encoding")).hasValue("identity");
        assertThat(ApiTest.json(gzip)).isEqualTo(Map.of("error", "Content-Encoding: 'gzip' is not accepted. Accepted: identity"
                + " (send the body as it is)."));
        assertThat(service.post("/api/diagnose", TestServer.FACTS, "Content-Type", "application/json",
                "Content-Encoding", "identity").statusCode()).isEqualTo(200);
    }

    @Test
    void aThousandDigitNumberIsNamedAsSuch() throws Exception {
        HttpResponse<String> response = service.diagnose("{\"serverVersion\": " + "9".repeat(1_500) + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiTest.json(response).get("error")).asString()
                .startsWith("the input has a number of more than 1000 digits").doesNotContain("nests");
    }

    @Test
    void headIsGetWithoutTheBodyAndLogsNothing() throws Exception {
        String[] answer = new String[1];
        String log = TestServer.standardErrorOf(() -> answer[0] = service.raw("HEAD /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        int length = service.get("/health").body().getBytes(StandardCharsets.UTF_8).length;

        assertThat(answer[0]).startsWith("HTTP/1.1 200 ").contains("Content-Type: application/json; charset=utf-8",
                "Content-Length: " + length).endsWith("\r\n\r\n");
        assertThat(log).isEmpty();
        assertThat(service.raw("HEAD /api/diagnose HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405 ").contains("Allow: POST, OPTIONS").endsWith("\r\n\r\n");
    }

    @Test
    void optionsAnswersTheAllowedMethods() throws Exception {
        String diagnose = service.raw("OPTIONS /api/diagnose HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String health = service.raw("OPTIONS /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String any = service.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(diagnose).startsWith("HTTP/1.1 204 ").contains("Allow: POST, OPTIONS").endsWith("\r\n\r\n");
        assertThat(health).startsWith("HTTP/1.1 204 ").contains("Allow: GET, HEAD, OPTIONS");
        assertThat(any).startsWith("HTTP/1.1 204 ").contains("Allow: GET, HEAD, POST, OPTIONS");
        assertThat(service.raw("OPTIONS /api/admin/rules HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
    }
}
