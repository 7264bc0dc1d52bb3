package org.connectionadvisor;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's figures, measured against {@code java -jar target/connection-advisor.jar serve} in a process of its
 * own, over raw keep-alive HTTP/1.1 connections (so a truncated answer is told from a refused or closed connection):
 * <ul>
 * <li>{@code slow}: the p90 of GET /health and POST /api/diagnose from one client, idle and then with 200 slow-header
 * and 200 slow-body connections open (a byte a second), and how many of its requests failed;</li>
 * <li>{@code sigterm}: 8 clients diagnosing, SIGTERM, and how their requests ended: answered whole, truncated,
 * closed before an answer, refused; the exit code and how long the stop took;</li>
 * <li>{@code throughput}: requests per second of 8 keep-alive clients for 10 s, each route.</li>
 * </ul>
 * Run from the repository root after {@code mvn -B -q package -DskipTests}: {@code java -cp benchmarks/target/classes
 * org.connectionadvisor.ServiceBench slow|sigterm|throughput [JAR]} (JAR: another build to compare, by default
 * target/connection-advisor.jar).
 */
public final class ServiceBench {
    private static final String FACTS = "{\"product\":\"tfs\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}";

    private ServiceBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "slow";
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", args.length > 1 ? args[1] : "target/connection-advisor.jar", "serve", "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        URI base = URI.create(out.readLine().split(" ")[2]);
        try {
            switch (mode) {
                case "slow" -> slow(base);
                case "sigterm" -> sigterm(base, serve);
                case "throughput" -> throughput(base);
                default -> throw new IllegalArgumentException("mode: slow, sigterm or throughput");
            }
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // --- slow clients -------------------------------------------------------------------------------------------

    private static void slow(URI base) throws Exception {
        warmUp(base);
        double[] idle = {p90(base, health(), PROBES), p90(base, diagnose(), PROBES)};
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            slow.add(open(base, "GET /health HTTP/1.1\r\nHost: x\r\n"));
            slow.add(open(base, "POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"));
        }
        AtomicBoolean trickling = new AtomicBoolean(true);
        Thread trickle = new Thread(() -> {
            while (trickling.get()) {
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write('a');
                    } catch (IOException closed) {
                        // the server closed it (408 after its timeout)
                    }
                }
                sleep(1000);
            }
        });
        trickle.start();
        sleep(2000); // all connected and trickling: the probes run within their 10 s
        FAILED.set(0);
        double[] loaded = {p90(base, health(), PROBES), p90(base, diagnose(), PROBES)};
        trickling.set(false);
        trickle.join();
        long open = slow.stream().filter(ServiceBench::stillOpen).count();
        System.out.printf(Locale.ROOT, "slow: /health p90 idle %.2f ms, with 200 slow-header + 200 slow-body connections %.2f ms (%.1fx)%n",
                idle[0], loaded[0], loaded[0] / idle[0]);
        System.out.printf(Locale.ROOT, "slow: POST /api/diagnose p90 idle %.2f ms, with them %.2f ms (%.1fx)%n", idle[1], loaded[1], loaded[1] / idle[1]);
        System.out.printf(Locale.ROOT, "slow: probe requests failed or reset: %d; slow connections still open after the probes: %d of 400%n",
                FAILED.get(), open);
        for (Socket socket : slow) {
            socket.close();
        }
    }

    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final int PROBES = 600;

    private static boolean stillOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0 ? false : true;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Socket open(URI base, String head) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static void warmUp(URI base) throws IOException {
        p90(base, health(), 2000);
        p90(base, diagnose(), 2000);
    }

    /**
     * The p90 in ms of {@code count} requests one after another on one keep-alive connection (reopened if closed), or
     * of those sent within 6 s (the slow connections' own 10 s must not run out first); one over 10 s has failed.
     */
    private static double p90(URI base, byte[] request, int count) throws IOException {
        double[] millis = new double[count];
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        int i = 0;
        for (; i < count && System.nanoTime() < end; i++) {
            long began = System.nanoTime();
            try {
                exchange(socket, request);
            } catch (IOException e) {
                FAILED.incrementAndGet();
                socket.close();
                socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(10_000);
            }
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        socket.close();
        double[] sent = Arrays.copyOf(millis, i);
        Arrays.sort(sent);
        return sent[(int) Math.ceil(i * 0.9) - 1];
    }

    // --- SIGTERM under load ---------------------------------------------------------------------------------------

    private static void sigterm(URI base, Process serve) throws Exception {
        warmUp(base);
        AtomicInteger whole = new AtomicInteger();
        AtomicInteger truncated = new AtomicInteger();
        AtomicInteger closedBefore = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            running.add(clients.submit(() -> {
                Socket socket = null;
                while (true) {
                    try {
                        if (socket == null) {
                            socket = new Socket(base.getHost(), base.getPort());
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                        return null; // the listener is closed: this client is done
                    }
                    try {
                        int status = exchange(socket, diagnose());
                        (status == 200 ? whole : unavailable).incrementAndGet();
                    } catch (Truncated e) {
                        truncated.incrementAndGet();
                        socket = null;
                    } catch (IOException e) {
                        closedBefore.incrementAndGet(); // closed between answers: nothing was lost
                        socket = null;
                    }
                }
            }));
        }
        sleep(3000);
        long stop = System.nanoTime();
        serve.destroy(); // SIGTERM
        boolean exited = serve.waitFor(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - stop) / 1e9;
        for (Future<?> client : running) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        System.out.printf(Locale.ROOT, "sigterm: 8 clients: %d answered whole, %d 503, %d truncated, %d closed between answers,"
                + " %d refused after the stop; exit code %s after %.2f s%n", whole.get(), unavailable.get(), truncated.get(),
                closedBefore.get(), refused.get(), exited ? serve.exitValue() : "none (still running)", seconds);
    }

    // --- throughput -----------------------------------------------------------------------------------------------

    private static void throughput(URI base) throws Exception {
        warmUp(base);
        for (String route : List.of("GET /health", "POST /api/diagnose")) {
            byte[] request = route.startsWith("GET") ? health() : diagnose();
            AtomicInteger done = new AtomicInteger();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                        while (System.nanoTime() < end) {
                            exchange(socket, request);
                            done.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "throughput: %s, 8 keep-alive clients, 10 s: %.0f requests/s%n", route, done.get() / 10.0);
        }
    }

    // --- HTTP/1.1 over a socket -----------------------------------------------------------------------------------

    private static byte[] health() {
        return "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] diagnose() {
        return ("POST /api/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + FACTS.length() + "\r\n\r\n" + FACTS).getBytes(StandardCharsets.US_ASCII);
    }

    /** An answer that began and did not end: its head or body cut off. */
    private static final class Truncated extends IOException {
        private static final long serialVersionUID = 1L;

        Truncated(String message) {
            super(message);
        }
    }

    /** Sends a request and reads its whole answer; the status. EOF before any byte: IOException; after: Truncated. */
    private static int exchange(Socket socket, byte[] request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new EOFException("closed before an answer");
                }
                throw new Truncated("head cut off");
            }
            head.write(b);
            int n = head.size();
            byte[] bytes = head.toByteArray();
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        if (in.readNBytes(length).length < length) {
            throw new Truncated("body cut off");
        }
        if (text.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
            socket.close();
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
