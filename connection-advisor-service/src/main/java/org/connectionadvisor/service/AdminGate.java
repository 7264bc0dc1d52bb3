package org.connectionadvisor.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.connectionadvisor.Echo;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin routes' door. Without a token file they do not exist (404); without the token, 401. A wrong token is
 * logged (the client's address and the route, never what it sent) and its 401 is delayed, doubling per wrong token
 * in a row from that address up to {@link #MAX_DELAY_MILLIS}: guessing is slowed per client, and the delay is a timer,
 * not a sleeping thread, so other clients are served meanwhile. The right token clears the address's count.
 */
final class AdminGate {
    private static final Logger LOG = LoggerFactory.getLogger(AdminGate.class);
    static final long FIRST_DELAY_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 5_000;
    /** Addresses remembered at most; past it the map is cleared (an attacker with many addresses gains a reset). */
    private static final int MAX_CLIENTS = 10_000;

    private final AdminToken token;
    private final Scheduler scheduler;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    AdminGate(AdminToken token, Scheduler scheduler) {
        this.token = token;
        this.scheduler = scheduler;
    }

    boolean enabled() {
        return token != null;
    }

    /** Whether the exchange may go on; when not, it has been (or will be, after the delay) answered. */
    boolean admits(Exchange exchange) {
        if (token == null) {
            throw new HttpError(404, "no such route: " + exchange.method() + " " + Echo.value(exchange.path())
                    + ". The admin routes are off: start the service with --admin-token-file FILE.");
        }
        String authorization = exchange.header("Authorization");
        String client = exchange.client();
        if (token.admits(authorization)) {
            failures.remove(client);
            return true;
        }
        HttpError refused = new HttpError(401, Map.of("error", "the admin routes need the header Authorization: Bearer <the token in"
                + " the service's --admin-token-file>."), Map.of("WWW-Authenticate", "Bearer"));
        if (authorization == null) {
            throw refused; // no attempt at a token: nothing to slow down
        }
        if (failures.size() >= MAX_CLIENTS) {
            failures.clear();
        }
        int count = failures.merge(client, 1, Integer::sum);
        long delay = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(count - 1, 16));
        LOG.warn("a wrong admin token from {} for {} {} ({} in a row from that address); answering 401 in {} ms",
                client, exchange.method(), Echo.value(exchange.path()), count, delay);
        scheduler.schedule(() -> exchange.send(refused), delay, TimeUnit.MILLISECONDS);
        return false;
    }
}
