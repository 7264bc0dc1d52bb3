package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Finding: a distinctive fact points at one row. It never makes a row appear; it lifts a row that applies
 * into the "specific match" band and marks it likely.
 */
public record Pointer(String row, List<String> reasons) implements Explained {
    public static Pointer to(RuleContext kcontext, String row) {
        return new Pointer(row, Reasons.of(kcontext));
    }
}
