package org.connectionadvisor.service;

import java.util.Map;

import org.connectionadvisor.input.Echo;

/** A request answered with an error status and a JSON body {@code {"error": "...", ...}}; never a stack trace. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final transient Map<String, Object> body;
    final transient Map<String, String> headers;

    HttpError(int status, Map<String, Object> body, Map<String, String> headers) {
        super(String.valueOf(body.get("error")), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    HttpError(int status, String error) {
        this(status, Map.of("error", Echo.safe(error)), Map.of());
    }
}
