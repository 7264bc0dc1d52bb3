package org.connectionadvisor;

import java.util.List;

/**
 * One ranked recommendation: the row's id and title, the resolution in the project's own words (Markdown
 * links kept), ordered steps for numbered procedures, how sure it is, the facts that made it fire, and its sources.
 */
public record Recommendation(int rank, String id, String title, String resolution, List<String> steps, Status status,
        List<String> because, List<Source> sources, List<String> links) {
    public Recommendation {
        steps = List.copyOf(steps);
        because = List.copyOf(because);
        sources = List.copyOf(sources);
        links = List.copyOf(links);
    }
}
