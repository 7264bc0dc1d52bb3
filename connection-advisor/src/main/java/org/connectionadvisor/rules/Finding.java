package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/** Finding: a named conclusion drawn from several facts (for example "two-identities"), for row rules to require. */
public record Finding(String name, List<String> reasons) implements Explained {
    public static Finding of(RuleContext kcontext, String name) {
        return new Finding(name, Reasons.of(kcontext));
    }
}
