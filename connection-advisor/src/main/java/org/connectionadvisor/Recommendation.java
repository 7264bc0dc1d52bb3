package org.connectionadvisor;

import java.util.List;

/**
 * One ranked recommendation: the row's id and title, the resolution in the project's own words (Markdown links
 * kept), ordered steps for numbered procedures, how sure it is ({@code status}) and why it ranks where it does
 * ({@code band}), the facts that made it apply ({@code because}), the facts that support it ({@code supportedBy}),
 * and its sources.
 *
 * <p>{@code band} is one of {@code confirmed} (you confirmed it), {@code supported} (a fact you gave or we inferred
 * supports it; more supporting facts rank higher), {@code first-step} (a step the documents say to take first),
 * {@code documents-order} (it fits, and ranks in the documents' own order). {@code actor} says who can act on it:
 * {@code administrator} for a step only an administrator of the server or organization can take, else {@code user}.
 */
public record Recommendation(int rank, String id, String title, String resolution, List<String> steps, Status status,
        Band band, List<String> because, List<String> supportedBy, List<Source> sources, List<String> links, Actor actor) {
    public Recommendation {
        steps = List.copyOf(steps);
        because = List.copyOf(because);
        supportedBy = List.copyOf(supportedBy);
        sources = List.copyOf(sources);
        links = List.copyOf(links);
    }
}
