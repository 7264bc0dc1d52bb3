package org.connectionadvisor.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.ReloadResult;
import org.connectionadvisor.RuleRow;
import org.connectionadvisor.Echo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the API's routes answer: the diagnosis, the health, the admin's list of rules and reload. */
final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final ConnectionAdvisor advisor;
    private final Path rulesDirectory;
    private final ReloadLog reloads;

    Api(ConnectionAdvisor advisor, Path rulesDirectory, ReloadLog reloads) {
        this.advisor = advisor;
        this.rulesDirectory = rulesDirectory;
        this.reloads = reloads;
    }

    /** Refused before the body is read: a Content-Type other than JSON in UTF-8. */
    static void requireJson(Exchange exchange) {
        String type = exchange.header("Content-Type");
        if (!isJson(type)) {
            throw new HttpError(415, Map.of("error", Echo.safe("Content-Type: '" + type
                    + "' is not accepted. Accepted: application/json (UTF-8).")), Map.of("Connection", "close"));
        }
    }

    void diagnose(Exchange exchange, byte[] body) {
        try {
            Facts facts = Facts.fromJson(utf8(body));
            // With the newline the CLI's println adds: byte for byte what diagnose --format json prints.
            String json = advisor.diagnose(facts).toJson() + "\n";
            exchange.sendBytes(200, json.getBytes(StandardCharsets.UTF_8), Exchange.JSON_TYPE);
        } catch (InvalidFactsException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", Echo.safe(e.getMessage()));
            error.put("field", Echo.safe(e.field()));
            exchange.send(400, error);
        } catch (DiagnosisException e) {
            LOG.warn("a diagnosis failed: {}", e.getMessage());
            exchange.send(500, Map.of("error", Echo.safe("the rules could not finish this diagnosis: " + e.getMessage())));
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

    /** The body as UTF-8 text; anything else is bad input for the facts. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFactsException(null, null, "the body is not UTF-8 text; facts are a JSON object in UTF-8.");
        }
    }

    Map<String, Object> vocabulary() {
        return VocabularyDocument.of(advisor);
    }

    Map<String, Object> health() {
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

    Map<String, Object> rules() {
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
    void reload(Exchange exchange) {
        if (rulesDirectory == null) {
            throw new HttpError(409, "the service serves the packaged rules, which never change; start it with --rules DIR to reload.");
        }
        ReloadResult result = advisor.reload();
        Map<String, Object> json = ReloadLog.result(result);
        json.put("version", advisor.rulesVersion());
        exchange.send(result.applied() ? 200 : 422, json);
    }
}
