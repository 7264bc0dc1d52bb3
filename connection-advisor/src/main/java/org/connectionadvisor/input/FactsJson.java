package org.connectionadvisor.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;

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
    public static Facts read(String json) {
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
            return sample(root);
        }
        if (!root.isObject()) {
            throw new InvalidFactsException(null, null,
                    "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got " + kind(root) + ".");
        }
        return read(root);
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
    private static Facts sample(JsonNode root) {
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
            return read(raw.asText());
        }
        JsonNode facts = root.get(SAMPLE_FACTS);
        if (!facts.isObject()) {
            throw new InvalidFactsException(null, null,
                    "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got " + kind(facts) + ".");
        }
        return read(facts);
    }

    private static Facts read(JsonNode object) {
        Facts.Builder builder = Facts.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (!Vocabulary.FIELDS.contains(name)) {
                    throw Vocabulary.unknownField(name);
                }
                continue;
            }
            switch (name) {
                case Vocabulary.PRODUCT -> builder.product(text(name, value));
                case Vocabulary.SCOPE -> builder.scope(text(name, value));
                case Vocabulary.CLIENT -> builder.client(text(name, value));
                case Vocabulary.OS -> builder.os(text(name, value));
                case Vocabulary.VISUAL_STUDIO_VERSION -> builder.visualStudioVersion(version(name, value));
                case Vocabulary.SERVER_VERSION -> builder.serverVersion(version(name, value));
                case Vocabulary.ERROR_MESSAGE -> builder.errorMessage(text(name, value));
                case Vocabulary.SERVER_URL -> builder.serverUrl(text(name, value));
                case Vocabulary.SYMPTOMS -> builder.symptoms(texts(name, value));
                case Vocabulary.CONTEXT -> context(builder, value);
                case Vocabulary.CONFIRMED -> builder.confirmed(texts(name, value));
                case Vocabulary.RULED_OUT -> builder.ruledOut(texts(name, value));
                case Vocabulary.ROLE -> builder.role(text(name, value));
                case Vocabulary.DONT_KNOW -> builder.dontKnow(texts(name, value));
                default -> throw Vocabulary.unknownField(name);
            }
        }
        return builder.build();
    }

    /** A list of flags answered yes, or an object of flags answered yes or no ({@code true}, {@code false}, null: unknown). */
    /**
     * The facts as the JSON object {@link #read} takes, with only the fields that are set; {@code context} is a list
     * while every answer is yes, and an object of yes (true) and no (false) answers otherwise.
     */
    public static Map<String, Object> toMap(Facts facts) {
        Map<String, Object> map = new LinkedHashMap<>();
        facts.product().ifPresent(value -> map.put(Vocabulary.PRODUCT, value));
        facts.scope().ifPresent(value -> map.put(Vocabulary.SCOPE, value));
        facts.client().ifPresent(value -> map.put(Vocabulary.CLIENT, value));
        facts.visualStudioVersion().ifPresent(value -> map.put(Vocabulary.VISUAL_STUDIO_VERSION, value));
        facts.serverVersion().ifPresent(value -> map.put(Vocabulary.SERVER_VERSION, value));
        facts.os().ifPresent(value -> map.put(Vocabulary.OS, value));
        putList(map, Vocabulary.SYMPTOMS, facts.symptoms());
        Map<String, Boolean> context = facts.contextAnswers();
        if (!context.isEmpty()) {
            map.put(Vocabulary.CONTEXT, context.containsValue(false) ? context : List.copyOf(context.keySet()));
        }
        facts.errorMessage().ifPresent(value -> map.put(Vocabulary.ERROR_MESSAGE, value));
        facts.serverUrl().ifPresent(value -> map.put(Vocabulary.SERVER_URL, value));
        putList(map, Vocabulary.CONFIRMED, facts.confirmed());
        putList(map, Vocabulary.RULED_OUT, facts.ruledOut());
        facts.role().ifPresent(value -> map.put(Vocabulary.ROLE, value));
        putList(map, Vocabulary.DONT_KNOW, facts.dontKnow());
        return Collections.unmodifiableMap(map);
    }

    private static void putList(Map<String, Object> map, String key, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            map.put(key, List.copyOf(values));
        }
    }

    private static void context(Facts.Builder builder, JsonNode value) {
        if (!value.isObject()) {
            builder.context(texts(Vocabulary.CONTEXT, value));
            return;
        }
        Limits.entries(Vocabulary.CONTEXT, value.size());
        Iterator<Map.Entry<String, JsonNode>> answers = value.fields();
        while (answers.hasNext()) {
            Map.Entry<String, JsonNode> answer = answers.next();
            String flag = answer.getKey();
            JsonNode yes = answer.getValue();
            if (yes.isBoolean()) {
                builder.answer(flag, yes.booleanValue());
            } else if (yes.isTextual() && List.of("yes", "no").contains(yes.asText().trim().toLowerCase(java.util.Locale.ROOT))) {
                builder.answer(flag, "yes".equalsIgnoreCase(yes.asText().trim()));
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
