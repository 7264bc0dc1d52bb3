package org.connectionadvisor.service;

import java.nio.file.Path;

/**
 * How {@link AdvisorServer} runs: the address to listen on ({@code port} 0 picks a free one), the rule directory
 * (null: the packaged rules), whether to reload it when a .drl file changes, and the file holding the admin token
 * (null: the admin routes are off).
 */
public record ServerOptions(String bind, int port, Path rulesDirectory, boolean watch, Path adminTokenFile) {
    /** The largest request body accepted; a facts object is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The longest a request may take to arrive (headers and body) and its response to be taken, in seconds. */
    public static final int REQUEST_TIMEOUT_SECONDS = 10;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: " + port + " is not a port. Accepted: 0 (any free port) to 65535.");
        }
    }
}
