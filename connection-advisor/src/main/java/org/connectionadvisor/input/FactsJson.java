package org.connectionadvisor.input;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;

/** Reads facts from JSON, strictly: every problem becomes one {@link InvalidFactsException} naming the field. */
public final class FactsJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A sample file wraps its facts in this field; diagnosing a sample reads the facts inside. */
    static final String SAMPLE_FACTS = "facts";

    private FactsJson() {
    }

    public static Facts read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidFactsException(null, null,
                    "the input is empty. Expected a JSON object such as {\"product\": \"tfs\", \"symptoms\": [\"TF31002\"]}.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidFactsException(null, null, "the input is not valid JSON" + position + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidFactsException(null, null, "the input is empty. Expected a JSON object.");
        }
        if (root.isObject() && root.has(SAMPLE_FACTS)) {
            root = root.get(SAMPLE_FACTS);
        }
        if (!root.isObject()) {
            throw new InvalidFactsException(null, null,
                    "the input must be a JSON object of facts, such as {\"symptoms\": [\"TF31002\"]}; got " + kind(root) + ".");
        }
        return read(root);
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
                default -> throw Vocabulary.unknownField(name);
            }
        }
        return builder.build();
    }

    /** A list of flags answered yes, or an object of flags answered yes or no ({@code true}, {@code false}, null: unknown). */
    private static void context(Facts.Builder builder, JsonNode value) {
        if (!value.isObject()) {
            builder.context(texts(Vocabulary.CONTEXT, value));
            return;
        }
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
                throw new InvalidFactsException(Vocabulary.CONTEXT + "." + flag, yes.toString(), Vocabulary.CONTEXT + "." + flag
                        + ": expected true (yes), false (no) or null (not known), got " + kind(yes) + " " + yes + ".");
            }
        }
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new InvalidFactsException(field, value.toString(),
                    field + ": expected a string, got " + kind(value) + " " + value + ".");
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
                            + ", got " + kind(value) + " " + value + ".");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidFactsException(field, element.toString(),
                        field + ": every entry must be a string, got " + kind(element) + " " + element + ".");
            }
            texts.add(element.asText());
        }
        return texts.toArray(String[]::new);
    }

    private static String example(String field) {
        return switch (field) {
            case Vocabulary.SYMPTOMS -> "TF31002";
            case Vocabulary.CONTEXT -> "remote-worker";
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
