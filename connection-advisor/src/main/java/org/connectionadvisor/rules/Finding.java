package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/** Finding: a named conclusion drawn from several inputs (for example "server-newer-than-visual-studio"). */
public record Finding(String name, List<Input> inputs) implements Derived {
    public static Finding of(RuleContext kcontext, String name) {
        return new Finding(name, Provenance.of(kcontext).because());
    }
}
