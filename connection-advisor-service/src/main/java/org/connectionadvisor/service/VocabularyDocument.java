package org.connectionadvisor.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Question;
import org.connectionadvisor.QuestionCatalogue;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.Vocabulary.Choice;

/**
 * GET /api/vocabulary: every input field with its accepted values and labels, and every question the advisor can ask
 * with its answers, so that a form or a chat bot needs no copy of the vocabulary. Built from {@link Vocabulary} and
 * the rows of the rules serving now.
 */
final class VocabularyDocument {
    private VocabularyDocument() {
    }

    static Map<String, Object> of(ConnectionAdvisor advisor) {
        List<Map<String, String>> rows = advisor.rows().stream().map(row -> value(row.id(), row.title())).toList();
        List<Object> fields = new ArrayList<>();
        fields.add(choice(Vocabulary.PRODUCTS, "one"));
        fields.add(choice(Vocabulary.SCOPES, "one"));
        fields.add(choice(Vocabulary.CLIENTS, "one"));
        fields.add(field(Vocabulary.VISUAL_STUDIO_VERSION, "version", values(Vocabulary.VISUAL_STUDIO_RELEASES), Map.of()));
        fields.add(field(Vocabulary.SERVER_VERSION, "version", values(Vocabulary.SERVER_RELEASES), Map.of()));
        fields.add(choice(Vocabulary.OPERATING_SYSTEMS, "one"));
        fields.add(choice(Vocabulary.SYMPTOM_CODES, "list"));
        List<Map<String, String>> flags = new ArrayList<>();
        Vocabulary.CONTEXT_FLAGS.labels().forEach((flag, label) -> {
            Map<String, String> value = value(flag, label);
            value.put("labelNo", Vocabulary.CONTEXT_FLAGS_NO.get(flag));
            flags.add(value);
        });
        fields.add(field(Vocabulary.CONTEXT, "flags", flags, Map.of()));
        fields.add(field(Vocabulary.ERROR_MESSAGE, "text", List.of(), Map.of()));
        fields.add(field(Vocabulary.SERVER_URL, "url", List.of(), Map.of()));
        fields.add(field(Vocabulary.CONFIRMED, "rows", rows, Map.of()));
        fields.add(field(Vocabulary.RULED_OUT, "rows", rows, Map.of()));
        fields.add(choice(Vocabulary.ROLES, "one"));
        fields.add(field(Vocabulary.DONT_KNOW, "questions",
                QuestionCatalogue.all().stream().map(q -> value(q.id(), q.text())).toList(), Map.of()));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fields", fields);
        json.put("questions", questions());
        json.put("signedInWith", Vocabulary.SIGNED_IN_WITH_ANSWERS);
        return json;
    }

    /**
     * Every question of the library's one catalogue: id, text, answers, who usually answers, and whether the planner
     * asks it ({@code asked} false: a fact people volunteer, such as "it worked yesterday", that a form may offer).
     */
    private static List<Map<String, Object>> questions() {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question question : QuestionCatalogue.all()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", question.id());
            json.put("text", question.text());
            json.put("answers", question.answers().stream().map(a -> value(a.value(), a.label())).toList());
            json.put("answeredBy", question.answeredBy().word());
            json.put("asked", QuestionCatalogue.asked(question.id()));
            questions.add(json);
        }
        return questions;
    }

    private static Map<String, Object> choice(Choice choice, String kind) {
        return field(choice.field(), kind, values(choice.labels()), choice.aliases());
    }

    private static Map<String, Object> field(String name, String kind, List<Map<String, String>> values, Map<String, String> aliases) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("kind", kind);
        json.put("values", values);
        json.put("aliases", new java.util.TreeMap<>(aliases));
        return json;
    }

    private static List<Map<String, String>> values(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> value(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> value(String value, String label) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("value", value);
        json.put("label", label);
        return json;
    }
}
