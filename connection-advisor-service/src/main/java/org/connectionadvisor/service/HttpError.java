package org.connectionadvisor.service;

import java.util.Map;

import org.connectionadvisor.Echo;

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

    /** Sent with Connection: close, since the rest of the body is not read. */
    static HttpError tooLarge() {
        return new HttpError(413, Map.of("error", "the request body is larger than " + ServerOptions.MAX_BODY_BYTES
                + " bytes; a facts object is a few hundred."), Map.of("Connection", "close"));
    }

    /** A request whose headers or body did not arrive in time; the connection is closed. */
    static HttpError timedOut(String what) {
        return new HttpError(408, Map.of("error", "the request's " + what + " did not arrive within "
                + ServerOptions.REQUEST_TIMEOUT_SECONDS + " s; the connection is closed."), Map.of("Connection", "close"));
    }
}
