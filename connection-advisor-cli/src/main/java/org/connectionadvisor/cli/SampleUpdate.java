package org.connectionadvisor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Question;
import org.connectionadvisor.outcomes.SampleFormat;

/**
 * {@code test --update}: accepts what the rules give now into a sample whose expectation no longer matches. Only the
 * expected values that changed are replaced: {@code ids} (or {@code top}, kept at its length), {@code questions}, and
 * the message of a sample that expects an error (a new row changes the list of accepted ids in it). The file is
 * written back in the samples' layout ({@link SampleFormat}), so every other line stays as it was. A sample that
 * expected ids and now gets an error, or the other way round, is left for a person. New ids are one exact order: blocks
 * of ids in any order ({@link ExpectedOrder}) in a changed expectation are not kept, and the command says so.
 */
final class SampleUpdate {
    private SampleUpdate() {
    }

    /** The expected fields to replace and their new values (a list of ids or a message); empty when none may change. */
    static Map<String, Object> newExpectation(ConnectionAdvisor advisor, Samples.Sample sample) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Diagnosis diagnosis;
        try {
            diagnosis = advisor.diagnose(sample.knownFacts()); // as the sample is checked: with what its user knows
        } catch (InvalidFactsException invalid) {
            if (sample.expectedError() != null && !sample.expectedError().equals(invalid.getMessage())) {
                changes.put("error", invalid.getMessage());
            }
            return changes;
        }
        if (sample.expectedError() != null) {
            return changes;
        }
        List<String> ids = diagnosis.ids();
        if (!sample.expectedIds().matches(ids, sample.onlyTop())) {
            changes.put(sample.onlyTop() ? "top" : "ids",
                    sample.onlyTop() ? ids.subList(0, Math.min(ids.size(), sample.expectedIds().size())) : ids);
        }
        List<String> questions = diagnosis.questions().stream().map(Question::id).toList();
        if (sample.expectedQuestions() != null && !questions.equals(sample.expectedQuestions())) {
            changes.put("questions", questions);
        }
        return changes;
    }

    /** Replaces those expected fields in the sample's file, each in its place. */
    static void rewrite(Samples.Sample sample, Map<String, Object> changes) throws IOException {
        ObjectNode root = (ObjectNode) SampleFormat.read(Files.readString(sample.file()));
        ObjectNode expected = (ObjectNode) root.get("expected");
        changes.forEach((field, value) -> {
            if (value instanceof List<?> values) {
                ArrayNode array = expected.putArray(field); // a replaced field keeps its place
                values.forEach(id -> array.add((String) id));
            } else {
                expected.put(field, (String) value);
            }
        });
        Files.writeString(sample.file(), SampleFormat.write(root));
    }
}
