package org.connectionadvisor.outcomes;

import java.util.List;

/** The row summaries of the outcomes recorded under one rules version ({@code sha256:...}). */
public record VersionSummary(String rulesVersion, List<RowSummary> rows) {
    public VersionSummary {
        rows = List.copyOf(rows);
    }
}
