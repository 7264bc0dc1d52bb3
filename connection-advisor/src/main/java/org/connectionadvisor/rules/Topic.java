package org.connectionadvisor.rules;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * Finding: one of the documents' tables applies, in the setting of the facts that made it apply. Row rules start
 * with their table ({@code Topic( name == "server-one-computer" )}). A table of the documents' first steps
 * ({@link #firstSteps}) ranks its rows before every row that no fact supports.
 */
public record Topic(String name, boolean firstSteps, String product, String scope, String client, Setting setting,
        List<Input> inputs) implements Derived {
    public static Topic of(RuleContext kcontext, String name) {
        return create(kcontext, name, false);
    }

    /** The table holds steps the documents say to take first ("a first step in resolving connectivity issues"). */
    public static Topic firstSteps(RuleContext kcontext, String name) {
        return create(kcontext, name, true);
    }

    private static Topic create(RuleContext kcontext, String name, boolean firstSteps) {
        Provenance.Match match = Provenance.of(kcontext);
        Setting setting = match.setting();
        return new Topic(name, firstSteps, setting.productName(), setting.scopeName(), setting.clientName(), setting,
                match.because());
    }
}
