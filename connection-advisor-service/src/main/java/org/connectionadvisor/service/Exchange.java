package org.connectionadvisor.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its answer: the answer is sent once (a late second one, such as a timeout racing the end of a body,
 * is dropped). Every answer is JSON {@code {"error": ...}} or the route's own body, never a stack trace.
 */
final class Exchange {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    final Request request;
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean answered = new AtomicBoolean();

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return request.getHttpURI().getDecodedPath();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    String client() {
        return Request.getRemoteAddr(request);
    }

    void send(HttpError error) {
        answer(error.status, json(error.body), JSON_TYPE, error.headers);
    }

    void send(int status, Map<String, Object> body) {
        answer(status, json(body), JSON_TYPE, Map.of());
    }

    /** The body as the API writes it: pretty-printed, with a final newline. */
    static byte[] json(Map<String, Object> body) {
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }

    void sendBytes(int status, byte[] body, String type) {
        answer(status, body, type, Map.of());
    }

    /** A header of the answer, set by a route on its request thread before it answers. */
    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** An answer without a body (204). */
    void sendEmpty(int status) {
        answer(status, new byte[0], null, Map.of());
    }

    /**
     * The answer, once: an answer racing another (a timeout and the end of a body) touches nothing, not even a header.
     * For HEAD, Jetty sends the headers (Content-Length included) and drops the body.
     */
    private void answer(int status, byte[] body, String type, Map<String, String> headers) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        HttpFields.Mutable fields = response.getHeaders();
        if (type != null) {
            fields.put(HttpHeader.CONTENT_TYPE, type);
        }
        headers.forEach(fields::put);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
