package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.Handoff;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.Echo;
import org.connectionadvisor.FactsText;

/**
 * Sample fact files with their expectations, and running them against a rule base. One format serves the JUnit
 * suite and the admins' {@code test} command:
 * <pre>
 * {"description": "...", "said": "the situation in the user's words (optional)",
 *  "facts": {...} | "rawFacts": "text fed to the parser as it is",
 *  "truth": {"question id": {"answer": "value", "user": true | false, "said": "in the user's words"}, ...} (optional),
 *  "expected": {"ids": [every ranked id, in order] | "top": [the first ids, in order], "questions": [...],
 *               "handoff": [the hand-off's check ids, in order]}
 *            (where the documents give no order, an element of ids or top may be a block of ids in any order:
 *            {@link ExpectedOrder})
 *            | {"error": "the exact message"},
 *  "why": "the sentence of the documents that justifies the expected order"}
 * </pre>
 * A sample with a {@code truth} is a hidden triage case: {@code facts} is what the user says first, the truth what
 * they would answer when asked ({@code user}: whether they can; if not they say "I don't know"). Its expectations are
 * for everything the user knows: the facts with every answer the user can give.
 */
final class Samples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    record Sample(Path file, String description, String facts, ExpectedOrder expectedIds, boolean onlyTop,
            List<String> expectedQuestions, String expectedError, Map<String, Truth> truth, List<String> expectedHandoff) {
        String name() {
            return file.getFileName().toString();
        }

        /** The facts the expectations are for: the given ones, plus every answer the user can give. */
        Facts knownFacts() {
            Facts known = Facts.fromJson(facts);
            for (Map.Entry<String, Truth> answer : truth.entrySet()) {
                if (answer.getValue().user()) {
                    known = known.with(answer.getKey(), answer.getValue().answer());
                }
            }
            return known;
        }
    }

    /** What the user would answer to one question, and whether they can (else they say "I don't know"). */
    record Truth(String answer, boolean user, String said) {
    }

    /** What running one sample gave; {@code problem} is null when it passed. */
    record Outcome(Sample sample, List<String> actualIds, String problem) {
        boolean passed() {
            return problem == null;
        }
    }

    static List<Path> files(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sample read(Path file) throws IOException {
        JsonNode root = JSON.readTree(FactsText.read(file, "'" + Echo.value(file.toString()) + "'"));
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": a sample is a JSON object with description, facts and expected");
        }
        JsonNode expected = root.path("expected");
        String facts;
        if (root.has("rawFacts")) {
            facts = root.get("rawFacts").asText();
        } else if (root.has("facts")) {
            facts = root.get("facts").toString();
        } else {
            throw new IOException(file + ": a sample needs \"facts\" (an object) or \"rawFacts\" (text)");
        }
        boolean expectsError = expected.has("error");
        boolean onlyTop = expected.has("top");
        if (!expectsError && !expected.has("ids") && !onlyTop) {
            throw new IOException(file + ": \"expected\" needs \"ids\" (the exact ranked ids), \"top\" (the first ranked ids)"
                    + " or \"error\" (the exact message)");
        }
        Map<String, Truth> truth = new LinkedHashMap<>();
        root.path("truth").fields().forEachRemaining(answer -> truth.put(answer.getKey(), new Truth(
                answer.getValue().path("answer").asText(), answer.getValue().path("user").asBoolean(true),
                answer.getValue().path("said").asText(""))));
        return new Sample(file, root.path("description").asText(""), facts,
                ExpectedOrder.of(expected.get(onlyTop ? "top" : "ids"), file.toString()),
                onlyTop, expected.has("questions") ? texts(expected.get("questions")) : null,
                expectsError ? expected.get("error").asText() : null, truth,
                expected.has("handoff") ? texts(expected.get("handoff")) : null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(element -> texts.add(element.asText()));
        }
        return texts;
    }

    static Outcome run(ConnectionAdvisor advisor, Sample sample) {
        Diagnosis diagnosis;
        try {
            diagnosis = advisor.diagnose(sample.knownFacts());
        } catch (InvalidFactsException invalid) {
            if (sample.expectedError() == null) {
                return new Outcome(sample, List.of(), "expected ids " + sample.expectedIds() + "\n  actual error: " + invalid.getMessage());
            }
            return new Outcome(sample, List.of(), sample.expectedError().equals(invalid.getMessage()) ? null
                    : "expected error: " + sample.expectedError() + "\n  actual error:   " + invalid.getMessage());
        }
        List<String> ids = diagnosis.ids();
        if (sample.expectedError() != null) {
            return new Outcome(sample, ids, "expected error: " + sample.expectedError() + "\n  actual ids: " + ids);
        }
        if (!sample.expectedIds().matches(ids, sample.onlyTop())) {
            return new Outcome(sample, ids, "expected " + (sample.onlyTop() ? "top" : "ids") + ": " + sample.expectedIds()
                    + "\n  actual ids:   " + ids);
        }
        if (sample.expectedQuestions() != null) {
            List<String> questions = diagnosis.questions().stream().map(Question::id).toList();
            if (!questions.equals(sample.expectedQuestions())) {
                return new Outcome(sample, ids, "expected questions: " + sample.expectedQuestions() + "\n  actual questions:   " + questions);
            }
        }
        if (sample.expectedHandoff() != null) {
            List<String> handoff = diagnosis.handoff().map(h -> h.checks().stream().map(Handoff.Check::id).toList()).orElse(null);
            if (!sample.expectedHandoff().equals(handoff)) {
                return new Outcome(sample, ids, "expected handoff: " + sample.expectedHandoff() + "\n  actual handoff:   " + handoff);
            }
        }
        return new Outcome(sample, ids, null);
    }
}
