package org.connectionadvisor.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.connectionadvisor.Echo;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route, in one table: its method, path, kind and action. The 404's list, the 405's and OPTIONS' Allow, HEAD and
 * the admin check all come from the table, so nothing is kept in step by hand. Anything unknown is a JSON 404 and any
 * failure a JSON error without a stack trace. The API's contract is .../web/openapi.json (served at /openapi.json),
 * tested against these responses.
 */
final class Routes extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final String WEB = "/org/connectionadvisor/service/web/";
    static final String ADMIN_PREFIX = "/api/admin/";
    private static final String PAGE_POLICY =
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** LISTED routes are named in a 404; ASSETs (the page's files) and ADMIN routes are not. */
    enum Kind { LISTED, ASSET, ADMIN }

    interface Action {
        void run(Exchange exchange);
    }

    record Route(String method, String path, Kind kind, Action action) {
    }

    private final Map<String, Map<String, Route>> table = new LinkedHashMap<>();
    private final AdminGate gate;
    private final SlowClients slowClients;

    /** The path of the one route with a parameter, a case's key; {@link #lookup} maps matching paths to it. */
    static final String SAMPLE_ROUTE = OutcomesApi.CASES_PREFIX + "{key}" + OutcomesApi.SAMPLE_SUFFIX;

    Routes(Api api, OutcomesApi outcomes, AdminGate gate, SlowClients slowClients) {
        this.gate = gate;
        this.slowClients = slowClients;
        List<Route> routes = List.of(
                file("/", "index.html", "text/html; charset=utf-8", Kind.LISTED),
                new Route("POST", "/api/diagnose", Kind.LISTED, exchange -> {
                    Api.requireJson(exchange);
                    body(exchange, bytes -> api.diagnose(exchange, bytes));
                }),
                new Route("POST", "/api/outcomes", Kind.LISTED, exchange -> {
                    Api.requireJson(exchange);
                    body(exchange, bytes -> outcomes.record(exchange, bytes));
                }),
                new Route("GET", "/api/vocabulary", Kind.LISTED, exchange -> exchange.send(200, api.vocabulary())),
                new Route("GET", "/health", Kind.LISTED, exchange -> exchange.send(200, api.health())),
                file("/openapi.json", "openapi.json", Exchange.JSON_TYPE, Kind.LISTED),
                file("/dom.js", "dom.js", "text/javascript; charset=utf-8", Kind.ASSET),
                file("/app.js", "app.js", "text/javascript; charset=utf-8", Kind.ASSET),
                file("/app.css", "app.css", "text/css; charset=utf-8", Kind.ASSET),
                file("/admin", "admin.html", "text/html; charset=utf-8", Kind.ASSET), // its data needs the token
                file("/admin.js", "admin.js", "text/javascript; charset=utf-8", Kind.ASSET),
                file("/admin.css", "admin.css", "text/css; charset=utf-8", Kind.ASSET),
                new Route("GET", "/api/admin/rules", Kind.ADMIN, exchange -> exchange.send(200, api.rules())),
                new Route("POST", "/api/admin/reload", Kind.ADMIN, api::reload),
                new Route("GET", "/api/admin/outcomes", Kind.ADMIN, outcomes::summary),
                new Route("GET", SAMPLE_ROUTE, Kind.ADMIN, outcomes::sample));
        for (Route route : routes) {
            table.computeIfAbsent(route.path(), path -> new LinkedHashMap<>()).put(route.method(), route);
        }
    }

    /** A file of the page, served from the jar: no CDN, works offline. */
    private static Route file(String path, String resource, String type, Kind kind) {
        byte[] bytes = resource(resource);
        return new Route("GET", path, kind, exchange -> {
            exchange.header("Cache-Control", "no-cache");
            if (type.startsWith("text/html")) {
                exchange.header("Content-Security-Policy", PAGE_POLICY);
            }
            exchange.sendBytes(200, bytes, type);
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = Routes.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw new IllegalStateException("the service's resource " + WEB + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        SlowClients.Clock clock = slowClients.begin(request);
        if (clock == null) { // its headers ran out of time as they completed: the 408 is on its way
            callback.failed(new TimeoutException("the request's headers came too late"));
            return true;
        }
        Exchange exchange = new Exchange(request, response, Callback.from(clock::end, callback));
        guarded(exchange, () -> route(exchange, clock));
        return true;
    }

    /** Runs a step of an exchange: an {@link HttpError} is its answer, anything else a logged 500. */
    private static void guarded(Exchange exchange, Runnable step) {
        try {
            step.run();
        } catch (HttpError e) {
            exchange.send(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.method(), Echo.value(exchange.request.getHttpURI().getPath()), e);
            exchange.send(500, Map.of("error", "the request failed inside the service; its log has the details."));
        }
    }

    private void route(Exchange exchange, SlowClients.Clock clock) {
        String method = exchange.method();
        String path = exchange.path();
        Map<String, Route> byMethod = lookup(path);
        if (method.equals("OPTIONS")) {
            options(exchange, path, byMethod);
            return;
        }
        if (path != null && path.startsWith(ADMIN_PREFIX) && !gate.admits(exchange)) {
            return; // answered by the gate: 404 without a token file, else 401 (delayed after wrong tokens)
        }
        if (byMethod == null) {
            throw new HttpError(404, "no such route: " + method + " " + Echo.value(path) + ". Routes: " + listed() + ".");
        }
        Route route = byMethod.get(method.equals("HEAD") ? "GET" : method);
        if (route == null) {
            String methods = String.join(", ", byMethod.keySet());
            throw new HttpError(405, Map.of("error", Echo.value(method) + " " + path + " is not allowed; use " + methods + "."),
                    Map.of("Allow", allow(byMethod)));
        }
        String encoding = exchange.header("Content-Encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new HttpError(415, Map.of("error", "Content-Encoding: '" + Echo.value(encoding)
                    + "' is not accepted. Accepted: identity (send the body as it is)."),
                    Map.of("Accept-Encoding", "identity", "Connection", "close"));
        }
        route.action().run(exchange);
    }

    private Map<String, Route> lookup(String path) {
        if (path == null) {
            return null;
        }
        return table.get(OutcomesApi.isSamplePath(path) ? SAMPLE_ROUTE : path);
    }

    /** RFC 9110 9.3.7: 204 with the methods of the target ({@code *}: of the whole service) in Allow; no body. */
    private void options(Exchange exchange, String path, Map<String, Route> byMethod) {
        String allow;
        if (path == null || path.equals("*")) {
            allow = "GET, HEAD, POST, OPTIONS";
        } else if (byMethod == null || path.startsWith(ADMIN_PREFIX) && !gate.enabled()) {
            throw new HttpError(404, "no such route: OPTIONS " + Echo.value(path) + ". Routes: " + listed() + ".");
        } else {
            allow = allow(byMethod);
        }
        exchange.header("Allow", allow);
        exchange.sendEmpty(204);
    }

    private static String allow(Map<String, Route> byMethod) {
        List<String> methods = new ArrayList<>(byMethod.keySet());
        if (methods.contains("GET")) {
            methods.add(methods.indexOf("GET") + 1, "HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    /** The routes a 404 names: the page and the public API, never the admin routes. */
    private String listed() {
        return table.values().stream().flatMap(byMethod -> byMethod.values().stream())
                .filter(route -> route.kind() == Kind.LISTED).map(route -> route.method() + " " + route.path())
                .collect(Collectors.joining(", "));
    }

    /**
     * A declared body over the limit but at most this long is read and dropped before its 413: a client still sending
     * when the server closes gets a reset, which loses the answer it was about to read. Longer ones are refused unread.
     */
    static final long DISCARDED_BYTES = 1024 * 1024;

    /**
     * Reads the body without holding a thread while it arrives: a declared length over the limit gets 413 (at once and
     * closing past {@link #DISCARDED_BYTES}), a longer stream when it passes the limit; a body still arriving after the
     * request timeout gets 408. The action then runs on a request thread.
     */
    private void body(Exchange exchange, Consumer<byte[]> action) {
        long length = exchange.request.getLength();
        if (length > DISCARDED_BYTES) {
            throw HttpError.tooLarge();
        }
        SlowClients.Clock clock = slowClients.clockOf(exchange.request);
        clock.awaitBody(() -> exchange.send(HttpError.timedOut("body")));
        if (length > ServerOptions.MAX_BODY_BYTES) {
            Content.Source.consumeAll(exchange.request, Callback.from(() -> {
                clock.bodyDone();
                exchange.send(HttpError.tooLarge());
            }, failure -> exchange.send(HttpError.tooLarge())));
            return;
        }
        // A blocking invocation: Jetty calls it on a request thread, never on the thread that reads the network.
        Content.Source.asByteArrayAsync(exchange.request, ServerOptions.MAX_BODY_BYTES,
                Promise.Invocable.from(Invocable.InvocationType.BLOCKING, (bytes, failure) -> {
                    clock.bodyDone();
                    guarded(exchange, () -> {
                        if (failure == null) {
                            action.accept(bytes);
                        } else {
                            throw unread(failure);
                        }
                    });
                }));
    }

    private static HttpError unread(Throwable cause) {
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("Max size")) { // Jetty's limit
            return HttpError.tooLarge();
        }
        if (cause instanceof TimeoutException) {
            return HttpError.timedOut("body");
        }
        LOG.debug("a request body could not be read: {}", cause.toString());
        return new HttpError(400, Map.of("error", "the request body could not be read: " + Echo.value(cause.getMessage())),
                Map.of("Connection", "close"));
    }
}
