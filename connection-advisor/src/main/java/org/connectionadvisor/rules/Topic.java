package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/** Finding: one of the documents' tables or checklists fits the facts; row rules match on its name. */
public record Topic(String name, List<String> reasons) implements Explained {
    public static Topic of(RuleContext kcontext, String name) {
        return new Topic(name, Reasons.of(kcontext));
    }
}
