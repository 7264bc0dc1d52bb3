package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Finding: the wording of a part of a resolution that depends on the facts. A resolution or step that contains
 * {@code {key}} shows the text of the Detail with that key, for example the cache folder of the user's Windows version.
 */
public record Detail(String key, String text, List<Input> inputs) implements Derived {
    public static Detail of(RuleContext kcontext, String key, String text) {
        return new Detail(key, text, Provenance.of(kcontext).because());
    }
}
