package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The result of a row rule: the row's resolution and ordered steps (for numbered procedures), the inputs the rule
 * matched to apply ({@code because}), the inputs its {@code from collect} patterns gathered ({@code support}), and
 * whether it applies through a table of the documents' first steps. The row id, title and sources come from the
 * rule's metadata.
 */
public record Advice(String row, String resolution, List<String> steps, List<Input> because, List<Input> support,
        boolean firstSteps) {
    public static Advice of(RuleContext kcontext, String resolution, String... steps) {
        Provenance.Match match = Provenance.of(kcontext);
        return new Advice(Provenance.metadata(kcontext, "row"), resolution, List.of(steps), match.because(), match.support(),
                match.firstSteps());
    }
}
