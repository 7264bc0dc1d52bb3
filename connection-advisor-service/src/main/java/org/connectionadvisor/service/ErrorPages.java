package org.connectionadvisor.service;

import java.nio.ByteBuffer;
import java.util.Map;

import org.connectionadvisor.Echo;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches the routes (a request line or headers too large, a
 * malformed request) or while the service stops, as the API's JSON {@code {"error": ...}}, never an HTML page.
 */
final class ErrorPages implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object given = request.getAttribute(ErrorHandler.ERROR_STATUS);
        int status = given instanceof Integer code ? code : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        byte[] body = Exchange.json(Map.of("error", message(status, reason == null ? null : reason.toString())));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Exchange.JSON_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    static String message(int status, String reason) {
        return switch (status) {
            case 414 -> "the request line is longer than " + ServerOptions.MAX_HEADER_BYTES + " bytes; the service's paths are short.";
            case 431 -> "the request's headers are larger than " + ServerOptions.MAX_HEADER_BYTES + " bytes in all.";
            case 413 -> HttpError.tooLarge().getMessage();
            case 408 -> HttpError.timedOut("headers or body").getMessage();
            case 503 -> "the service is stopping; send the request again (to another instance, or once it is back).";
            case 400 -> "the request is not valid HTTP/1.1" + (reason == null ? "." : ": " + Echo.value(reason) + ".");
            default -> status + " " + HttpStatus.getMessage(status) + (reason == null ? "" : ": " + Echo.value(reason));
        };
    }
}
