package org.connectionadvisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.connectionadvisor.input.FactsJson;

/**
 * The answer to a set of facts: ranked recommendations, what each fact did, and the questions whose answers would
 * change the ranking. Immutable. The questions and the report on the facts are worked out on first use, since they
 * cost what-if diagnoses that a caller wanting only the ranking should not pay for.
 */
public final class Diagnosis {
    private final List<Recommendation> recommendations;
    private final Lazy<List<Question>> questions;
    private final Lazy<List<Heard>> heard;
    private final Handoff handoff;

    Diagnosis(List<Recommendation> recommendations, Supplier<List<Question>> planner, Supplier<List<Heard>> report,
            Optional<Handoff> handoff) {
        this.recommendations = List.copyOf(recommendations);
        this.handoff = handoff.orElse(null);
        this.questions = new Lazy<>(() -> List.copyOf(planner.get()));
        this.heard = new Lazy<>(() -> List.copyOf(report.get()));
    }

    /** A value computed once, on first use, by whichever thread asks first. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            T known = value;
            if (known == null) {
                synchronized (this) {
                    known = value;
                    if (known == null) {
                        known = supplier.get();
                        value = known;
                    }
                }
            }
            return known;
        }
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
        return questions.get();
    }

    /**
     * Every fact given or inferred, with what it did: the rows it supports, the rows that rest on it, the rows it sets
     * aside, or that it was set aside itself because no row that can apply uses it.
     */
    public List<Heard> heard() {
        return heard.get();
    }

    /**
     * For a user who is not the administrator ({@code role} user), on several computers, when rows only an
     * administrator can act on fit: the message to send the administrator, with their checks in the documents' order.
     */
    public Optional<Handoff> handoff() {
        return Optional.ofNullable(handoff);
    }

    /**
     * The most useful question whose id is not in {@code done}, the ids already asked or skipped. An answer
     * recorded in the facts is never asked again; {@code done} is for the questions the user skipped.
     */
    public Optional<Question> nextQuestion(Set<String> done) {
        return questions().stream().filter(q -> !done.contains(q.id())).findFirst();
    }

    /** {@code {"recommendations": [...], "questions": [...], "heard": [...]}} and a {@code "handoff"} when there is one, pretty-printed. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recommendations", recommendations);
        json.put("questions", questions());
        json.put("heard", heard());
        if (handoff != null) {
            json.put("handoff", handoff);
        }
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
