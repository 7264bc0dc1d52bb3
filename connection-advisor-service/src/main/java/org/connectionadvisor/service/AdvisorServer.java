package org.connectionadvisor.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.ReloadOptions;
import org.connectionadvisor.outcomes.Databases;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.Retention;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP service: the JSON API, the OpenAPI document and the guided troubleshooter page, on Jetty 12's core API
 * (see docs/service.md for why). Connections waiting for a request, or sending one slowly, cost no thread; a request
 * takes a thread only to compute its answer. Stateless: every request carries its facts, so instances behind a load
 * balancer need nothing shared but the rules. Owns its threads (Jetty's, the rule watcher) and stops them all in
 * {@link #close()}, after letting the requests under way finish.
 */
public final class AdvisorServer implements AutoCloseable {
    /** Threads that compute answers (and Jetty's selector and acceptor): diagnoses are CPU work of a few ms. */
    static final int THREADS = 32;
    /** How long a kept-alive connection may stay silent between requests. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final SlowClients slowClients;
    private final ConnectionAdvisor advisor;
    private final OutcomeStore outcomes;
    private final String rulesDescription;

    private AdvisorServer(Server server, ServerConnector connector, SlowClients slowClients, ConnectionAdvisor advisor,
            OutcomeStore outcomes, String rulesDescription) {
        this.server = server;
        this.connector = connector;
        this.slowClients = slowClients;
        this.advisor = advisor;
        this.outcomes = outcomes;
        this.rulesDescription = rulesDescription;
    }

    /**
     * As {@link #start(ServerOptions, OutcomeStore)}, with the default outcome store: {@code $CONNECTION_ADVISOR_DATABASE},
     * else the H2 file in {@code $CONNECTION_ADVISOR_DATA}, else in {@code ~/.connection-advisor} (docs/outcomes.md).
     */
    public static AdvisorServer start(ServerOptions options) throws IOException {
        Map<String, String> environment = System.getenv();
        String url = Databases.url(null, environment, Databases.dataFolder(null, environment));
        return start(options, OutcomeStore.open(url, Retention.NONE));
    }

    /**
     * Loads the rules, then listens. Bad options throw {@link IllegalArgumentException} naming the option; rules that
     * do not load throw {@link org.connectionadvisor.RulesException}; an address in use throws a BindException. The
     * server records outcomes in {@code outcomes}, and closes it when it stops (or fails to start).
     */
    public static AdvisorServer start(ServerOptions options, OutcomeStore outcomes) throws IOException {
        try {
            return launch(options, outcomes);
        } catch (IOException | RuntimeException | Error e) {
            outcomes.close();
            throw e;
        }
    }

    private static AdvisorServer launch(ServerOptions options, OutcomeStore outcomes) throws IOException {
        if (options.watch() && options.rulesDirectory() == null) {
            throw new IllegalArgumentException("--watch needs --rules DIR: the packaged rules never change.");
        }
        AdminToken token = options.adminTokenFile() == null ? null : AdminToken.read(options.adminTokenFile());
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

        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4);
        threads.setName("connection-advisor-http");
        threads.setDaemon(true);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("connection-advisor-timer", true);
        Server server = new Server(threads, scheduler, null);
        server.setStopAtShutdown(false);
        server.setStopTimeout(options.drain().toMillis());
        server.setErrorHandler(new ErrorPages());

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(ServerOptions.MAX_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(options.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(128);
        SlowClients slowClients = new SlowClients(scheduler, ServerOptions.REQUEST_TIMEOUT_SECONDS);
        connector.addBean(slowClients);
        server.addConnector(connector);

        Api api = new Api(advisor, options.rulesDirectory(), reloads);
        OutcomesApi outcomesApi = new OutcomesApi(advisor, outcomes);
        server.setHandler(new GracefulHandler(new Routes(api, outcomesApi, new AdminGate(token, scheduler), slowClients)));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            advisor.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
        slowClients.start();
        String rules = options.rulesDirectory() == null ? "the packaged rules"
                : "the rules in " + options.rulesDirectory() + (options.watch() ? " (reloaded when a .drl file changes)" : "");
        return new AdvisorServer(server, connector, slowClients, advisor, outcomes, rules);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start: nothing to stop
        }
    }

    /** How many requests are under way (their headers in, their answer not yet sent). */
    long requestsUnderWay() {
        return ((GracefulHandler) server.getHandler()).getCurrentRequestCount();
    }

    /** Where the service listens, such as {@code http://127.0.0.1:8080/}. */
    public URI address() {
        String host = connector.getHost();
        try {
            host = InetAddress.getByName(host).getHostAddress();
        } catch (IOException e) {
            // keep the name as given
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort() + "/");
    }

    /** The one line a start-up prints. */
    public String startedLine() {
        return "connection-advisor serving " + address() + " with " + rulesDescription + "; outcomes in " + outcomes.location();
    }

    /**
     * Stops gracefully: stops accepting at once, answers requests that arrive on open connections with 503 and
     * Connection: close, lets those under way finish within the drain time, then stops every thread and the watcher.
     */
    @Override
    public void close() {
        slowClients.stop();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            try {
                advisor.close();
            } finally {
                outcomes.close();
            }
        }
    }
}
