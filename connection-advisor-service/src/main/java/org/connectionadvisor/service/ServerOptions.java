package org.connectionadvisor.service;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@link AdvisorServer} runs: the address to listen on ({@code port} 0 picks a free one), the rule directory
 * (null: the packaged rules), whether to reload it when a .drl file changes, the file holding the admin token (null:
 * the admin routes are off), and how long a stop lets the requests under way finish.
 */
public record ServerOptions(String bind, int port, Path rulesDirectory, boolean watch, Path adminTokenFile, Duration drain) {
    /** The largest request body accepted; a facts object is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The longest a request's headers, and then its body, may take to arrive, in seconds; then 408 and the connection closes. */
    public static final int REQUEST_TIMEOUT_SECONDS = 10;
    /** The largest request line, and the largest header block: 414 or 431 past it. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    /** How long a stop waits by default for the requests under way. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: " + port + " is not a port. Accepted: 0 (any free port) to 65535.");
        }
        if (drain == null || drain.isNegative() || drain.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--drain-seconds: " + (drain == null ? null : drain.toSeconds())
                    + " is out of range. Accepted: 0 to 600 seconds.");
        }
    }

    /** With the default drain time. */
    public ServerOptions(String bind, int port, Path rulesDirectory, boolean watch, Path adminTokenFile) {
        this(bind, port, rulesDirectory, watch, adminTokenFile, DEFAULT_DRAIN);
    }
}
