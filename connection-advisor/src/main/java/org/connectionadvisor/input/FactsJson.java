package org.connectionadvisor.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.connectionadvisor.Echo;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Limits;
import org.connectionadvisor.Vocabulary;

/** Reads facts from JSON, strictly: every problem becomes one {@link InvalidFactsException} naming the field. */
public final class FactsJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.JSON_DEPTH).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A sample file wraps its facts in one of these fields; diagnosing a sample reads the facts inside. */
    static final String SAMPLE_FACTS = "facts";
    static final String SAMPLE_RAW_FACTS = "rawFacts";
    /** A sample's fields (see the CLI's Samples): the facts, as an object or as text, and what the sample expects of them. */
    static final List<String> SAMPLE_FIELDS = List.of("description", "said", SAMPLE_FACTS, SAMPLE_RAW_FACTS, "truth", "expected", "why");

    private FactsJson() {
    }

    /**
     * Facts from JSON text: a facts object, or a sample file (its {@code facts} object, or its {@code rawFacts} text read
     * as facts). A byte order mark at the start is skipped; anything after the JSON value is refused.
     */
    public static void read(String json, FactsFields into) {
        if (json != null && json.length() > Limits.INPUT_BYTES) {
            throw new InvalidFactsException(null, null, "the input is larger than 1 MiB (" + Limits.INPUT_BYTES
                    + " characters); facts are one small JSON object.");
        }
        String text = json != null && json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text == null || text.isBlank()) {
            throw new InvalidFactsException(null, null,
                    "the input is empty. Expected a JSON object such as {\"product\": \"tfs\", \"symptoms\": [\"TF31002\"]}.");
        }
        JsonNode root = tree(text);
        if (root.isObject() && (root.has(SAMPLE_FACTS) || root.has(SAMPLE_RAW_FACTS))) {
            sample(root, into);
            return;
        }
        if (!root.isObject()) {
            throw new InvalidFactsException(null, null,
                    "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got " + kind(root) + ".");
        }
        read(root, into);
    }

    /** The one JSON value of the text; an error for invalid JSON, too deep a nesting, or anything after the value. */
    private static JsonNode tree(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw beyondLimits(e);
            } catch (JsonProcessingException e) {
                throw new InvalidFactsException(null, null, "the input is not valid JSON" + position(e.getLocation()) + ": "
                        + Echo.value(e.getOriginalMessage()));
            }
            if (root == null || root.isMissingNode()) {
                throw new InvalidFactsException(null, null, "the input is empty. Expected a JSON object.");
            }
            JsonLocation end = parser.currentLocation(); // just after the value's last character
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) { // not JSON either, but still more
                more = true;
            }
            if (more) {
                throw new InvalidFactsException(null, null, "the input goes on after its JSON " + (root.isObject() ? "object" : "value")
                        + ", which ends at line " + end.getLineNr() + ", column " + (end.getColumnNr() - 1) + "; give one JSON object.");
            }
            return root;
        } catch (IOException e) { // a String source has no I/O; only close() declares it
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's limits: the nesting depth set here, and its own on the length of a number (and of a string or name). */
    private static InvalidFactsException beyondLimits(StreamConstraintsException e) {
        String limit = String.valueOf(e.getOriginalMessage());
        if (limit.startsWith("Number value length")) {
            return new InvalidFactsException(null, null, "the input has a number of more than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits" + position(e.getLocation())
                    + "; facts hold no numbers (a version is text, such as \"17.14\").");
        }
        if (limit.startsWith("Document nesting depth")) {
            return new InvalidFactsException(null, null, "the input nests lists and objects more than " + Limits.JSON_DEPTH
                    + " deep; facts are one flat JSON object.");
        }
        return new InvalidFactsException(null, null, "the input has a value beyond the reader's limits" + position(e.getLocation())
                + ": " + Echo.value(limit));
    }

    private static String position(JsonLocation where) {
        return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** A sample file: its own fields are fine, its facts come from "facts" (an object) or "rawFacts" (text). */
    private static void sample(JsonNode root, FactsFields into) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!SAMPLE_FIELDS.contains(name)) {
                StringBuilder message = new StringBuilder("'").append(Echo.value(name))
                        .append("' is not a field of a sample file. Accepted fields: ").append(String.join(", ", SAMPLE_FIELDS)).append('.');
                Vocabulary.closest(name, SAMPLE_FIELDS).ifPresent(near -> message.append(" Did you mean '").append(near).append("'?"));
                throw new InvalidFactsException(name, null, message.toString());
            }
        }
        if (root.has(SAMPLE_FACTS) && root.has(SAMPLE_RAW_FACTS)) {
            throw new InvalidFactsException(SAMPLE_RAW_FACTS, null,
                    "a sample file has its facts in \"facts\" (an object) or in \"rawFacts\" (text), not in both.");
        }
        if (root.has(SAMPLE_RAW_FACTS)) {
            JsonNode raw = root.get(SAMPLE_RAW_FACTS);
            if (!raw.isTextual()) {
                throw new InvalidFactsException(SAMPLE_RAW_FACTS, null, SAMPLE_RAW_FACTS + ": expected a string (the text read as"
                        + " facts), got " + kind(raw) + " " + Echo.value(raw.toString()) + ".");
            }
            read(raw.asText(), into);
            return;
        }
        JsonNode facts = root.get(SAMPLE_FACTS);
        if (!facts.isObject()) {
            throw new InvalidFactsException(null, null,
                    "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got " + kind(facts) + ".");
        }
        read(facts, into);
    }

    private static void read(JsonNode object, FactsFields into) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!Vocabulary.FIELDS.contains(name)) {
                throw Vocabulary.unknownField(name);
            }
            if (value.isNull()) {
                continue;
            }
            switch (name) {
                case Vocabulary.VISUAL_STUDIO_VERSION, Vocabulary.SERVER_VERSION -> into.set(name, version(name, value));
                case Vocabulary.SYMPTOMS, Vocabulary.CONFIRMED, Vocabulary.RULED_OUT, Vocabulary.DONT_KNOW ->
                        into.set(name, texts(name, value));
                case Vocabulary.CONTEXT -> context(into, value);
                default -> into.set(name, text(name, value));
            }
        }
    }

    /** A list of flags answered yes, or an object of flags answered yes or no ({@code true}, {@code false}, null: unknown). */
    private static void context(FactsFields into, JsonNode value) {
        if (!value.isObject()) {
            into.set(Vocabulary.CONTEXT, texts(Vocabulary.CONTEXT, value));
            return;
        }
        Limits.entries(Vocabulary.CONTEXT, value.size());
        Iterator<Map.Entry<String, JsonNode>> answers = value.fields();
        while (answers.hasNext()) {
            Map.Entry<String, JsonNode> answer = answers.next();
            String flag = answer.getKey();
            JsonNode yes = answer.getValue();
            if (yes.isBoolean()) {
                into.answer(flag, yes.booleanValue());
            } else if (yes.isTextual() && List.of("yes", "no").contains(yes.asText().trim().toLowerCase(java.util.Locale.ROOT))) {
                into.answer(flag, "yes".equalsIgnoreCase(yes.asText().trim()));
            } else if (yes.isNull()) {
                Vocabulary.CONTEXT_FLAGS.canonical(flag); // unknown, but still a known flag
            } else {
                throw new InvalidFactsException(Vocabulary.CONTEXT + "." + flag, yes.toString(), Vocabulary.CONTEXT + "."
                        + Echo.value(flag) + ": expected true (yes), false (no) or null (not known), got " + kind(yes) + " "
                        + Echo.value(yes.toString()) + ".");
            }
        }
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new InvalidFactsException(field, value.toString(),
                    field + ": expected a string, got " + kind(value) + " " + Echo.value(value.toString()) + ".");
        }
        return value.asText();
    }

    /** Versions are often typed as numbers ("visualStudioVersion": 2019); accept those as their text. */
    private static String version(String field, JsonNode value) {
        return value.isNumber() ? value.asText() : text(field, value);
    }

    private static String[] texts(String field, JsonNode value) {
        if (!value.isArray()) {
            throw new InvalidFactsException(field, value.toString(),
                    field + ": expected a list of strings such as [\"" + example(field) + "\"]"
                            + (Vocabulary.CONTEXT.equals(field) ? " or an object such as {\"remote-worker\": false}" : "")
                            + ", got " + kind(value) + " " + Echo.value(value.toString()) + ".");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidFactsException(field, element.toString(),
                        field + ": every entry must be a string, got " + kind(element) + " " + Echo.value(element.toString()) + ".");
            }
            texts.add(element.asText());
        }
        return texts.toArray(String[]::new);
    }

    private static String example(String field) {
        return switch (field) {
            case Vocabulary.SYMPTOMS -> "TF31002";
            case Vocabulary.CONTEXT -> "remote-worker";
            case Vocabulary.DONT_KNOW -> "serverVersion";
            default -> "wrong-server-url";
        };
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
