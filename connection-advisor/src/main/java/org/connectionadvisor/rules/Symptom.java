package org.connectionadvisor.rules;

import java.util.List;

/**
 * One reported symptom. When the caller reports none, a single {@code Symptom("unspecified")} stands in,
 * so topic rules can say "these symptoms, or none given" with one constraint.
 */
public record Symptom(String code, String evidence) implements Explained {
    public static final String UNSPECIFIED = "unspecified";

    @Override
    public List<String> reasons() {
        return List.of(evidence);
    }
}
