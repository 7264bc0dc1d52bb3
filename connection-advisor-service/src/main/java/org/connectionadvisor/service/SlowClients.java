package org.connectionadvisor.service;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The request timeout on every connection, for clients that send a byte now and then and so never go idle: Jetty
 * parses headers and reads bodies without a thread, so such a client costs memory, not a thread, but it would hold its
 * connection forever. Once per {@link #TICK_MILLIS} every connection is looked at: headers begun (bytes came in since
 * the last answer) and not complete after the timeout get a 408 and the connection is closed; a body still arriving
 * after the timeout gets the route's 408. A connection that sent nothing is left to the idle timeout.
 */
final class SlowClients implements Connection.Listener {
    static final long TICK_MILLIS = 250;

    private final long limitNanos;
    private final Map<Connection, Clock> clocks = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private volatile boolean running = true;

    SlowClients(Scheduler scheduler, long limitSeconds) {
        this.scheduler = scheduler;
        this.limitNanos = TimeUnit.SECONDS.toNanos(limitSeconds);
    }

    void start() {
        scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
    }

    private void tick() {
        long now = System.nanoTime();
        clocks.values().forEach(clock -> clock.check(now));
        if (running) {
            scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        clocks.put(connection, new Clock(connection));
    }

    @Override
    public void onClosed(Connection connection) {
        clocks.remove(connection);
    }

    /** A request's headers are complete: its clock, or null when they took too long and the 408 is on its way. */
    Clock begin(Request request) {
        Clock clock = clockOf(request);
        return clock.begin() ? clock : null;
    }

    Clock clockOf(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        return clocks.computeIfAbsent(connection, Clock::new);
    }

    /** One connection's state: waiting for headers, or serving a request (and maybe waiting for its body). */
    final class Clock {
        private final Connection connection;
        private long bytesWhenIdle;
        private long headersSince;
        private boolean busy;
        private boolean timedOut;
        private long bodySince;
        private Runnable onBodyTimeout;

        Clock(Connection connection) {
            this.connection = connection;
        }

        synchronized boolean begin() {
            busy = true;
            headersSince = 0;
            return !timedOut;
        }

        synchronized void awaitBody(Runnable onTimeout) {
            bodySince = System.nanoTime();
            onBodyTimeout = onTimeout;
        }

        synchronized void bodyDone() {
            onBodyTimeout = null;
        }

        synchronized void end() {
            busy = false;
            onBodyTimeout = null;
            bytesWhenIdle = connection.getBytesIn();
        }

        private void check(long now) {
            Runnable bodyTimeout = null;
            boolean headersTimedOut = false;
            synchronized (this) {
                if (busy) {
                    if (onBodyTimeout != null && now - bodySince > limitNanos) {
                        bodyTimeout = onBodyTimeout;
                        onBodyTimeout = null;
                    }
                } else if (!timedOut && connection.getBytesIn() > bytesWhenIdle) {
                    if (headersSince == 0) {
                        headersSince = now;
                    } else if (now - headersSince > limitNanos) {
                        timedOut = true;
                        headersTimedOut = true;
                    }
                }
            }
            if (bodyTimeout != null) {
                bodyTimeout.run();
            } else if (headersTimedOut) {
                EndPoint endPoint = connection.getEndPoint();
                byte[] body = Exchange.json(HttpError.timedOut("headers").body);
                String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Exchange.JSON_TYPE
                        + "\r\nX-Content-Type-Options: nosniff\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
                endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()),
                        ByteBuffer.wrap(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), ByteBuffer.wrap(body));
            }
        }
    }
}
