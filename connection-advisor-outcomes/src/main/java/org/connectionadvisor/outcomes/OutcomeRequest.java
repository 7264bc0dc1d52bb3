package org.connectionadvisor.outcomes;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Echo;
import org.connectionadvisor.Limits;

/**
 * An outcome as a client sends it, {@code {"facts": {...}, "row": "wrong-server-url", "result": "fixed"}}, checked
 * field by field: the first fault is one line (field, value, what is accepted), and nothing is stored.
 */
public final class OutcomeRequest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("facts", "row", "result");
    private static final String ACCEPTED_RESULTS = "Accepted: \"fixed\" or \"not-fixed\".";

    private OutcomeRequest() {
    }

    /**
     * The outcome a JSON body describes, against the rules the advisor serves now.
     *
     * @throws InvalidOutcomeException for any fault; {@link InvalidOutcomeException#unknownRow()} for a row the rules lack
     */
    public static Outcome read(String body, ConnectionAdvisor advisor, Instant at) {
        if (body.length() > Limits.INPUT_BYTES) {
            throw new InvalidOutcomeException(null, "outcome: " + body.length() + " characters are too many. Accepted: at most "
                    + Limits.INPUT_BYTES + ".");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidOutcomeException(null, "outcome: not JSON (" + Echo.value(e.getOriginalMessage())
                    + "). Accepted: {\"facts\": {...}, \"row\": \"...\", \"result\": \"fixed\" | \"not-fixed\"}.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidOutcomeException(null, "outcome: " + Echo.value(String.valueOf(root))
                    + " is not a JSON object. Accepted: {\"facts\": {...}, \"row\": \"...\", \"result\": \"fixed\" | \"not-fixed\"}.");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidOutcomeException(name, "'" + Echo.value(name) + "' is not a field of an outcome."
                        + " Accepted: facts, row, result.");
            }
        });
        JsonNode facts = root.get("facts");
        if (facts == null || !facts.isObject()) {
            throw new InvalidOutcomeException("facts", "facts: " + shown(facts)
                    + ". Accepted: a JSON object of facts, as diagnose reads them.");
        }
        Result result = result(root.get("result"));
        String row = text(root.get("row"), "row", "Accepted: the id of a row of the rules (a string).");
        Facts given;
        try {
            given = Facts.fromJson(facts.toString());
        } catch (InvalidFactsException invalid) {
            throw new InvalidOutcomeException("facts", "facts: " + invalid.getMessage());
        }
        return Outcome.of(advisor, given, row, result, at);
    }

    private static Result result(JsonNode node) {
        Result result = Result.of(text(node, "result", ACCEPTED_RESULTS));
        if (result == null) {
            throw new InvalidOutcomeException("result", "result: '" + Echo.value(node.asText()) + "' is not a result. "
                    + ACCEPTED_RESULTS);
        }
        return result;
    }

    private static String text(JsonNode node, String field, String accepted) {
        if (node == null || !node.isTextual()) {
            throw new InvalidOutcomeException(field, field + ": " + shown(node) + ". " + accepted);
        }
        return node.asText();
    }

    private static String shown(JsonNode node) {
        return node == null ? "missing" : Echo.value(node.toString()) + " is a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
