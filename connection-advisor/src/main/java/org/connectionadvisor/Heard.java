package org.connectionadvisor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one fact did in a diagnosis: a fact the user gave, or one inferred from what the user gave ({@code inferred}).
 * {@code fact} names it ("product", "symptoms:TF31002", "context:remote-worker"), {@code value} is its value
 * ("server", "TF31002", "yes" or "no"). {@code supports}: the rows it makes likely; {@code uses}: the other rows that
 * rest on it (it made them apply, or chose their wording); {@code excludes}: the rows it set aside (they would appear
 * without it). A fact with none of the three was set aside itself: no row that can apply uses it. {@code summary} says
 * all that in words, naming rows by their titles and saying why the fact set rows aside ("as not for Azure DevOps
 * Server").
 */
public record Heard(String fact, String value, boolean inferred, String label, List<String> supports, List<String> uses,
        List<String> excludes, String summary) {
    public Heard {
        supports = List.copyOf(supports);
        uses = List.copyOf(uses);
        excludes = List.copyOf(excludes);
    }

    /** Whether no row that can apply uses this fact. */
    @JsonProperty("setAside")
    public boolean setAside() {
        return supports.isEmpty() && uses.isEmpty() && excludes.isEmpty();
    }
}
