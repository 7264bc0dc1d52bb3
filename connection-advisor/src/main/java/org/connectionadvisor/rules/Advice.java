package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The result fact of a row rule: the row's resolution, its ordered steps (for numbered procedures) and the
 * reasons of the facts that made the rule fire. The row id, title and sources come from the rule's metadata.
 */
public record Advice(String row, String resolution, List<String> steps, List<String> because) {
    public static Advice of(RuleContext kcontext, String resolution, String... steps) {
        return new Advice(Reasons.metadata(kcontext, "row"), resolution, List.of(steps), Reasons.of(kcontext));
    }
}
