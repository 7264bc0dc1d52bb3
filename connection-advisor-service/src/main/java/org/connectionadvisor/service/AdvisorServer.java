package org.connectionadvisor.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.ReloadOptions;

/**
 * The HTTP service: the JSON API, the OpenAPI document and the guided troubleshooter page, on the JDK's built-in
 * server (see the README for why that one). Stateless: every request carries its facts, so instances behind a load
 * balancer need nothing shared but the rules. Owns its threads (the server's, the request pool, the rule watcher)
 * and stops them all in {@link #close()}.
 */
public final class AdvisorServer implements AutoCloseable {
    /** Requests run on this many threads; a slow client holds one for at most the request timeout. */
    static final int THREADS = 32;

    private final HttpServer server;
    private final ExecutorService requests;
    private final ConnectionAdvisor advisor;
    private final String rulesDescription;

    private AdvisorServer(HttpServer server, ExecutorService requests, ConnectionAdvisor advisor, String rulesDescription) {
        this.server = server;
        this.requests = requests;
        this.advisor = advisor;
        this.rulesDescription = rulesDescription;
    }

    /**
     * Loads the rules, then listens. Bad options throw {@link IllegalArgumentException} naming the option; rules that
     * do not load throw {@link org.connectionadvisor.RulesException}; an address in use throws a BindException.
     */
    public static AdvisorServer start(ServerOptions options) throws IOException {
        if (options.watch() && options.rulesDirectory() == null) {
            throw new IllegalArgumentException("--watch needs --rules DIR: the packaged rules never change.");
        }
        AdminToken token = options.adminTokenFile() == null ? null : AdminToken.read(options.adminTokenFile());
        configureJdkServer();
        ReloadLog reloads = new ReloadLog();
        ConnectionAdvisor advisor;
        if (options.rulesDirectory() == null) {
            advisor = ConnectionAdvisor.withDefaultRules();
        } else {
            ReloadOptions reload = ReloadOptions.defaults().listener(reloads::record);
            advisor = ConnectionAdvisor.fromDirectory(options.rulesDirectory(),
                    options.watch() ? reload.watch(Duration.ofMillis(500)) : reload);
        }
        // The rules load, and the engine and planner warm up, before listening: not in a user's first request (which
        // took 3-4 s more than the next ones), and a load balancer's first health check means ready.
        advisor.diagnose(Facts.empty()).toJson();
        Routes routes = new Routes(advisor, options.rulesDirectory(), token, reloads);
        ExecutorService requests = Executors.newFixedThreadPool(THREADS, named("connection-advisor-http-"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 128);
        } catch (IOException | RuntimeException e) {
            requests.shutdown();
            advisor.close();
            throw e;
        }
        server.setExecutor(requests);
        server.createContext("/", routes);
        server.start();
        String rules = options.rulesDirectory() == null ? "the packaged rules"
                : "the rules in " + options.rulesDirectory() + (options.watch() ? " (reloaded when a .drl file changes)" : "");
        return new AdvisorServer(server, requests, advisor, rules);
    }

    /**
     * The JDK server's own settings, system properties read once, when its first instance is made (a -D on the command
     * line wins). A request must arrive, headers and body, within the timeout, and its response be taken within it, or
     * the connection is closed: that cuts off slow senders (slowloris) and readers that would hold a thread. No Nagle
     * delay: the server writes headers and body separately, and with it a keep-alive client waited for the 40 ms
     * delayed ACK on every small response (measured: 160 against 12,500 requests/s on /health).
     */
    private static void configureJdkServer() {
        String seconds = String.valueOf(ServerOptions.REQUEST_TIMEOUT_SECONDS);
        setUnlessGiven("sun.net.httpserver.maxReqTime", seconds);
        setUnlessGiven("sun.net.httpserver.maxRspTime", seconds);
        setUnlessGiven("sun.net.httpserver.nodelay", "true");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where the service listens, such as {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** The one line a start-up prints. */
    public String startedLine() {
        return "connection-advisor serving " + address() + " with " + rulesDescription;
    }

    /** Stops listening, lets requests under way finish (a second at most), stops the request threads and the watcher. */
    @Override
    public void close() {
        server.stop(1);
        requests.shutdown();
        try {
            if (!requests.awaitTermination(ServerOptions.REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                requests.shutdownNow();
            }
        } catch (InterruptedException e) {
            requests.shutdownNow();
            Thread.currentThread().interrupt();
        }
        advisor.close();
    }
}
