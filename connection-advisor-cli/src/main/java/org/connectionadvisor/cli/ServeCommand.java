package org.connectionadvisor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.connectionadvisor.service.AdvisorServer;
import org.connectionadvisor.service.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the HTTP service until the process is stopped (Ctrl+C, SIGTERM): then it stops accepting, lets the requests
 * under way finish (within --drain-seconds) and exits 0. The service's classes (and Jetty) are loaded only in
 * {@link #call()}, so the other commands start as fast as without it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the JSON API (POST /api/diagnose, POST /api/outcomes, GET /api/vocabulary, GET /health, GET /openapi.json), the guided troubleshooter page at / and the admin page at /admin; outcomes go to the outcome store.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--rules", paramLabel = "DIR", description = "Serve the DRL rules in DIR instead of the packaged copy of rules-drl/; POST /api/admin/reload reloads them.")
    private Path rules;

    @Option(names = "--watch", description = "Reload the rules in --rules DIR when a .drl file changes.")
    private boolean watch;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Turns on the admin routes (GET /api/admin/rules, POST /api/admin/reload, GET /api/admin/outcomes) for requests with Authorization: Bearer <the token in FILE>.")
    private Path adminTokenFile;

    @Option(names = "--drain-seconds", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM or Ctrl+C, how long requests under way may take to finish before the service exits. Default: ${DEFAULT-VALUE}.")
    private long drainSeconds;

    @Mixin
    private StoreOption store;

    @Override
    public Integer call() throws IOException, InterruptedException {
        store.check();
        AdvisorServer server;
        try {
            ServerOptions options = new ServerOptions(bind, port, rules, watch, adminTokenFile, Duration.ofSeconds(drainSeconds));
            server = AdvisorServer.start(options, store.open());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: --bind " + bind + " --port " + port + ": cannot listen there (" + e.getMessage() + ").");
            return Main.FAILED;
        }
        // A method reference, not a lambda over the server: picocli reads this class's methods, and a lambda's
        // synthetic method would name (and so load) AdvisorServer for every command.
        Runnable close = server::close;
        CountDownLatch stopped = new CountDownLatch(1);
        // A stop asked for is a success: once the requests under way are done, the process exits 0, not 143 (the
        // JVM's status after SIGTERM), so a supervisor does not count a deploy or a scale-down as a crash.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close.run();
            } finally {
                stopped.countDown();
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(Main.OK);
            }
        }, "connection-advisor-shutdown"));
        spec.commandLine().getOut().println(server.startedLine());
        stopped.await();
        return Main.OK;
    }
}
