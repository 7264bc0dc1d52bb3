package org.connectionadvisor;

import org.connectionadvisor.input.FactsJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The answer to a set of facts: ranked recommendations, and the questions whose answers would change them.
 * Immutable. Questions are worked out on first use, since each costs a few what-if diagnoses that a caller
 * wanting only the ranking should not pay for.
 */
public final class Diagnosis {
    private final List<Recommendation> recommendations;
    private final Supplier<List<Question>> planner;
    private volatile List<Question> questions;

    public Diagnosis(List<Recommendation> recommendations, Supplier<List<Question>> planner) {
        this.recommendations = List.copyOf(recommendations);
        this.planner = planner;
    }

    public List<Recommendation> recommendations() {
        return recommendations;
    }

    /** The ranked row ids, best first. */
    public List<String> ids() {
        return recommendations.stream().map(Recommendation::id).toList();
    }

    public Optional<Recommendation> first() {
        return recommendations.isEmpty() ? Optional.empty() : Optional.of(recommendations.get(0));
    }

    /** Questions ordered by how much their answer would change the ranking; none that would change nothing. */
    public List<Question> questions() {
        List<Question> planned = questions;
        if (planned == null) {
            synchronized (this) {
                planned = questions;
                if (planned == null) {
                    planned = List.copyOf(planner.get());
                    questions = planned;
                }
            }
        }
        return planned;
    }

    /**
     * The most useful question whose id is not in {@code done}, the ids already asked or skipped. A chat bot or
     * form needs this rather than the first of {@link #questions()}: a "no" to a yes/no question leaves the facts
     * as they were (the rules read a missing context flag as no), so the question would come again.
     */
    public Optional<Question> nextQuestion(Set<String> done) {
        return questions().stream().filter(q -> !done.contains(q.id())).findFirst();
    }

    /** {@code {"recommendations": [...], "questions": [...]}}, pretty-printed. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recommendations", recommendations);
        json.put("questions", questions());
        try {
            return FactsJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diagnosis could not be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "Diagnosis" + ids();
    }
}
