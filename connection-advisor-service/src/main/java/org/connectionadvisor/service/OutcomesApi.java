package org.connectionadvisor.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.RuleRow;
import org.connectionadvisor.Echo;
import org.connectionadvisor.outcomes.CaseSample;
import org.connectionadvisor.outcomes.InvalidOutcomeException;
import org.connectionadvisor.outcomes.Outcome;
import org.connectionadvisor.outcomes.OutcomeRequest;
import org.connectionadvisor.outcomes.OutcomeStore;
import org.connectionadvisor.outcomes.OutcomeStoreException;
import org.connectionadvisor.outcomes.RecordedCase;
import org.connectionadvisor.outcomes.RowSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome routes (docs/outcomes.md): POST /api/outcomes records what a user tried and whether it fixed the
 * problem; the admin's GET /api/admin/outcomes summarises the store, and .../cases/{key}/sample exports a case as a
 * facts sample. The store is the one {@code serve} opened; a store that fails is a 503, never a stack trace.
 */
final class OutcomesApi {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomesApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The unresolved cases the summary lists at most, newest first. */
    static final int UNRESOLVED_LISTED = 100;
    static final String CASES_PREFIX = "/api/admin/outcomes/cases/";
    static final String SAMPLE_SUFFIX = "/sample";
    /** A case's key: the SHA-256 of its facts, in hex. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final ConnectionAdvisor advisor;
    private final OutcomeStore store;

    OutcomesApi(ConnectionAdvisor advisor, OutcomeStore store) {
        this.advisor = advisor;
        this.store = store;
    }

    /** 201 with the case's key; 400 (404 for a row the rules lack) with one line and the field; nothing stored then. */
    void record(Exchange exchange, byte[] body) {
        Outcome outcome;
        try {
            outcome = OutcomeRequest.read(Api.utf8(body), advisor, Instant.now());
        } catch (InvalidOutcomeException e) {
            exchange.send(e.unknownRow() ? 404 : 400, error(e.getMessage(), e.field()));
            return;
        } catch (InvalidFactsException e) { // the body is not UTF-8
            exchange.send(400, error(e.getMessage(), null));
            return;
        }
        String key = stored(() -> store.record(outcome));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", key);
        json.put("row", outcome.row());
        json.put("result", outcome.result().word());
        json.put("rulesVersion", outcome.rulesVersion());
        exchange.send(201, json);
    }

    private static Map<String, Object> error(String message, String field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", Echo.safe(message));
        json.put("field", field == null ? null : Echo.safe(field));
        return json;
    }

    /** Per row (with its title in the rules serving now), per rules version, and the newest unresolved cases. */
    void summary(Exchange exchange) {
        Map<String, String> titles = advisor.rows().stream()
                .collect(Collectors.toMap(RuleRow::id, RuleRow::title, (a, b) -> a));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", stored(store::count));
        json.put("rows", stored(store::summary).stream().map(row -> row(row, titles)).toList());
        json.put("versions", stored(store::summaryByVersion).stream().map(version -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rulesVersion", version.rulesVersion());
            entry.put("rows", version.rows().stream().map(row -> row(row, titles)).toList());
            return entry;
        }).toList());
        json.put("unresolved", stored(() -> store.cases(true, UNRESOLVED_LISTED)).stream().map(this::unresolved).toList());
        exchange.send(200, json);
    }

    private static Map<String, Object> row(RowSummary row, Map<String, String> titles) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", row.row());
        json.put("title", titles.get(row.row())); // null: a row the rules serving now no longer have
        json.put("fixed", row.fixed());
        json.put("notFixed", row.notFixed());
        json.put("fixRate", row.fixRate());
        return json;
    }

    private Map<String, Object> unresolved(RecordedCase recorded) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", recorded.key());
        json.put("facts", facts(recorded.facts()));
        json.put("notFixedBy", recorded.notFixedBy());
        json.put("last", recorded.last().toString());
        return json;
    }

    private static JsonNode facts(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds facts that are not JSON", e);
        }
    }

    /** GET .../cases/{key}/sample: the case as a facts-samples/ file, to download; 404 for an unknown key. */
    void sample(Exchange exchange) {
        String path = exchange.path();
        String key = path.substring(CASES_PREFIX.length(), path.length() - SAMPLE_SUFFIX.length());
        RecordedCase recorded = KEY.matcher(key).matches() ? stored(() -> store.find(key)).orElse(null) : null;
        if (recorded == null) {
            throw new HttpError(404, "case: '" + Echo.value(key) + "' is not a recorded case. Accepted: a key that"
                    + " GET /api/admin/outcomes lists (64 hexadecimal digits).");
        }
        exchange.header("Content-Disposition", "attachment; filename=\"recorded-" + key.substring(0, 12) + ".json\"");
        exchange.sendBytes(200, CaseSample.of(recorded, advisor).getBytes(StandardCharsets.UTF_8), Exchange.JSON_TYPE);
    }

    /** Whether a path is a case's sample route, {@code /api/admin/outcomes/cases/{key}/sample}. */
    static boolean isSamplePath(String path) {
        return path.startsWith(CASES_PREFIX) && path.endsWith(SAMPLE_SUFFIX)
                && path.length() > CASES_PREFIX.length() + SAMPLE_SUFFIX.length()
                && path.indexOf('/', CASES_PREFIX.length()) == path.length() - SAMPLE_SUFFIX.length();
    }

    private interface StoreCall<T> {
        T run();
    }

    /** A store call: its failure (the database down) is a 503 with the store's one line, logged at WARN. */
    private static <T> T stored(StoreCall<T> call) {
        try {
            return call.run();
        } catch (OutcomeStoreException e) {
            LOG.warn("{}", e.getMessage());
            throw new HttpError(503, Map.of("error", Echo.safe(e.getMessage())), Map.of("Retry-After", "5"));
        }
    }
}
