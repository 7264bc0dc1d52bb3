package org.connectionadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.junit.jupiter.api.Test;

/** A stop stops accepting at once and lets a request under way finish, answered whole. */
class GracefulStopTest {
    @Test
    void aRequestUnderWayWhenTheStopBeginsIsAnsweredWholeAndNewConnectionsAreRefused() throws Exception {
        TestServer service = TestServer.start(new ServerOptions("127.0.0.1", 0, null, false, null, Duration.ofSeconds(10)));
        byte[] facts = TestServer.FACTS.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(service.base.getHost(), service.base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + facts.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(facts, 0, 10);
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (service.server.requestsUnderWay() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // until the request is under way: its headers in, its body coming
            }
            assertThat(service.server.requestsUnderWay()).isEqualTo(1);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(service::close);
            Thread.sleep(500);
            assertThat(stopped).isNotDone();
            assertThatThrownBy(() -> new Socket(service.base.getHost(), service.base.getPort()).close())
                    .isInstanceOf(ConnectException.class);

            out.write(facts, 10, facts.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Connection: close")
                    .endsWith("\r\n\r\n" + ConnectionAdvisor.withDefaultRules().diagnose(Facts.fromJson(TestServer.FACTS)).toJson() + "\n");
            stopped.get(10, TimeUnit.SECONDS);
        }
    }
}
