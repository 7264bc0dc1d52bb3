package org.connectionadvisor.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleRow;
import org.connectionadvisor.input.Echo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route, in one handler so that anything unknown is a JSON 404 and any failure a JSON error without a stack
 * trace. The API's contract is src/main/resources/.../openapi.json (served at /openapi.json), tested against these
 * responses.
 */
final class Routes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String WEB = "/org/connectionadvisor/service/web/";
    /** Static files: path, resource, content type. All the page needs is served from the jar: no CDN, works offline. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"app.css", "text/css; charset=utf-8"},
            "/openapi.json", new String[] {"openapi.json", JSON_TYPE});
    private static final Map<String, String> API = Map.of(
            "/api/diagnose", "POST", "/api/vocabulary", "GET", "/health", "GET",
            "/api/admin/rules", "GET", "/api/admin/reload", "POST");

    private final ConnectionAdvisor advisor;
    private final Path rulesDirectory;
    private final AdminToken token;
    private final ReloadLog reloads;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    Routes(ConnectionAdvisor advisor, Path rulesDirectory, AdminToken token, ReloadLog reloads) {
        this.advisor = advisor;
        this.rulesDirectory = rulesDirectory;
        this.token = token;
        this.reloads = reloads;
        FILES.forEach((path, file) -> files.put(path, resource(file[0])));
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
    public void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (HttpError e) {
                e.headers.forEach(exchange.getResponseHeaders()::set);
                send(exchange, e.status, e.body);
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), Echo.safe(exchange.getRequestURI().getRawPath()), e);
                send(exchange, 500, Map.of("error", "the request failed inside the service; its log has the details."));
            }
        } catch (IOException e) {
            // The client went away or timed out mid-response: nothing left to tell it.
            LOG.debug("{} {}: {}", exchange.getRequestMethod(), Echo.safe(exchange.getRequestURI().getRawPath()), e.toString());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/admin/")) {
            admit(exchange); // without a token file the admin routes do not exist: 404 before anything else
        }
        String[] file = FILES.get(path);
        String allowed = file != null ? "GET" : API.get(path);
        if (allowed == null) {
            throw new HttpError(404, "no such route: " + method + " " + path + ". Routes: GET /, POST /api/diagnose,"
                    + " GET /api/vocabulary, GET /health, GET /openapi.json" + (token == null ? "" : ", GET /api/admin/rules, POST /api/admin/reload") + ".");
        }
        if (!allowed.equals(method)) {
            throw new HttpError(405, Map.of("error", Echo.safe(method + " " + path + " is not allowed; use " + allowed + ".")),
                    Map.of("Allow", allowed));
        }
        if (file != null) {
            exchange.getResponseHeaders().set("Content-Type", file[1]);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (path.equals("/")) {
                exchange.getResponseHeaders().set("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            }
            sendBytes(exchange, 200, files.get(path));
            return;
        }
        switch (path) {
            case "/api/diagnose" -> diagnose(exchange);
            case "/api/vocabulary" -> send(exchange, 200, VocabularyDocument.of(advisor));
            case "/health" -> send(exchange, 200, health());
            case "/api/admin/rules" -> send(exchange, 200, rules());
            case "/api/admin/reload" -> reload(exchange);
            default -> throw new IllegalStateException("a route without a handler: " + path);
        }
    }

    private void diagnose(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!isJson(type)) {
            throw new HttpError(415, Map.of("error", Echo.safe("Content-Type: '" + type
                    + "' is not accepted. Accepted: application/json (UTF-8).")), Map.of("Connection", "close"));
        }
        Facts facts;
        try {
            facts = Facts.fromJson(utf8(body(exchange)));
            // With the newline the CLI's println adds: byte for byte what diagnose --format json prints.
            String json = advisor.diagnose(facts).toJson() + "\n";
            sendBytes(exchange, 200, json.getBytes(StandardCharsets.UTF_8), JSON_TYPE);
        } catch (InvalidFactsException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", Echo.safe(e.getMessage()));
            error.put("field", Echo.safe(e.field()));
            send(exchange, 400, error);
        } catch (DiagnosisException e) {
            LOG.warn("a diagnosis failed: {}", e.getMessage());
            send(exchange, 500, Map.of("error", Echo.safe("the rules could not finish this diagnosis: " + e.getMessage())));
        }
    }

    /** application/json, with no charset or UTF-8: the facts are read as UTF-8 whatever a client says. */
    private static boolean isJson(String type) {
        if (type == null) {
            return false;
        }
        String[] parts = type.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].equals("charset") && (parameter.length < 2 || !parameter[1].replace("\"", "").strip().equals("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /** At most {@link ServerOptions#MAX_BODY_BYTES}: a larger declared length is refused unread, a longer stream when it passes the limit. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && (length.strip().length() > 9 || Long.parseLong(length.strip()) > ServerOptions.MAX_BODY_BYTES)) {
            throw tooLarge(); // the server itself refuses a Content-Length that is not a number
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            body.write(buffer, 0, read);
            if (body.size() > ServerOptions.MAX_BODY_BYTES) {
                throw tooLarge();
            }
        }
        return body.toByteArray();
    }

    /** Sent with Connection: close, since the rest of the body is not read. */
    private static HttpError tooLarge() {
        return new HttpError(413, Map.of("error", "the request body is larger than " + ServerOptions.MAX_BODY_BYTES
                + " bytes; a facts object is a few hundred."), Map.of("Connection", "close"));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFactsException(null, null, "the body is not UTF-8 text; facts are a JSON object in UTF-8.");
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("source", rulesDirectory == null ? "packaged" : "directory");
        rules.put("version", advisor.rulesVersion());
        rules.put("rows", advisor.rowIds().size());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "ok");
        json.put("rules", rules);
        json.put("lastReload", reloads.summary());
        return json;
    }

    private void admit(HttpExchange exchange) {
        if (token == null) {
            throw new HttpError(404, "no such route: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + ". The admin routes are off: start the service with --admin-token-file FILE.");
        }
        if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new HttpError(401, Map.of("error", "the admin routes need the header Authorization: Bearer <the token in"
                    + " the service's --admin-token-file>."), Map.of("WWW-Authenticate", "Bearer"));
        }
    }

    private Map<String, Object> rules() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", rulesDirectory == null ? "packaged" : "directory");
        json.put("directory", rulesDirectory == null ? null : rulesDirectory.toString());
        json.put("version", advisor.rulesVersion());
        json.put("rows", advisor.rows().stream().map(this::row).toList());
        json.put("lastReload", reloads.detail());
        return json;
    }

    private Map<String, Object> row(RuleRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("title", row.title());
        json.put("file", relative(row.file()));
        return json;
    }

    /** A rule's file as the admin knows it: relative to the rule directory. */
    private String relative(String file) {
        if (file == null || rulesDirectory == null) {
            return file;
        }
        Path path = Path.of(file);
        return path.startsWith(rulesDirectory) ? rulesDirectory.relativize(path).toString().replace('\\', '/') : file;
    }

    /** Reloads from the rule directory; rule text never comes over HTTP. 200 when applied, 422 when refused. */
    private void reload(HttpExchange exchange) throws IOException {
        if (rulesDirectory == null) {
            throw new HttpError(409, "the service serves the packaged rules, which never change; start it with --rules DIR to reload.");
        }
        exchange.getRequestBody().close();
        ReloadResult result = advisor.reload();
        Map<String, Object> json = ReloadLog.result(result);
        json.put("version", advisor.rulesVersion());
        send(exchange, result.applied() ? 200 : 422, json);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes;
        try {
            bytes = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
        sendBytes(exchange, status, bytes, JSON_TYPE);
    }

    private static void sendBytes(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        sendBytes(exchange, status, body);
    }

    private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
