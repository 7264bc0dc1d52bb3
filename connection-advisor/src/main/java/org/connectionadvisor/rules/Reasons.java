package org.connectionadvisor.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/** Gathers the reasons of the facts a rule matched, so every finding explains itself without hand-written text. */
final class Reasons {
    private Reasons() {
    }

    static List<String> of(RuleContext kcontext) {
        // A list, not a set: a match gives a handful of reasons, and this runs on every rule firing.
        List<String> reasons = new ArrayList<>();
        for (Object matched : kcontext.getMatch().getObjects()) {
            collect(matched, reasons);
        }
        return List.copyOf(reasons);
    }

    private static void collect(Object matched, List<String> into) {
        if (matched instanceof Explained explained) {
            for (String reason : explained.reasons()) {
                if (!into.contains(reason)) {
                    into.add(reason);
                }
            }
        } else if (matched instanceof Collection<?> collected) {
            for (Object each : collected) {
                collect(each, into);
            }
        }
    }

    static String metadata(RuleContext kcontext, String key) {
        Object value = kcontext.getRule().getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("rule '" + kcontext.getRule().getName() + "' has no @" + key + " metadata");
        }
        return value.toString();
    }
}
