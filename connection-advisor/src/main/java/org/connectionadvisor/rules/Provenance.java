package org.connectionadvisor.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.compiled.CompiledRules;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Which inputs are behind a rule's result, read from what the rule matched: the inputs it matched directly or through
 * the findings it matched, plus the product, scope or client wherever a matched pattern tests that field. Inputs
 * gathered by {@code from collect} are kept apart: they support a row rather than make it apply.
 */
public final class Provenance {
    /** Rule metadata under which {@link #prepare} keeps the setting fields a rule's patterns test. */
    private static final String TESTED_SETTING = "connection-advisor:tested-setting";
    /** The setting fields, in the order a "because" names them. */
    private static final List<String> SETTING_FIELDS = List.of("product", "scope", "client");

    private Provenance() {
    }

    /**
     * Works out once which setting fields a rule tests, so that its firings need not. The advisor calls it for every
     * rule it loads; a rule base built elsewhere (the KIE module) works without it, only slower.
     */
    public static void prepare(Rule rule) {
        CompiledRules.remember(rule, TESTED_SETTING, testedSetting(rule));
    }

    /**
     * What a rule's match says about the facts behind its result, read in one pass: Drools builds the list of matched
     * objects anew on every call, so the factories read it once.
     *
     * @param because    the setting the rule tests (product, scope, client), then the inputs it matched directly or
     *                   through the topics and findings it matched, each once
     * @param support    the inputs its {@code from collect} patterns gathered, each once
     * @param firstSteps whether it matched a table of the documents' first steps
     * @param setting    the setting of the first matched fact that carries one
     */
    record Match(List<Input> because, List<Input> support, boolean firstSteps, Setting setting) {
    }

    static Match of(RuleContext kcontext) {
        List<Input> setting = new ArrayList<>(3);
        List<Input> inputs = new ArrayList<>(4);
        List<Input> support = new ArrayList<>(2);
        boolean firstSteps = false;
        Setting first = null;
        Collection<String> tested = tested(kcontext.getRule());
        for (Object matched : kcontext.getMatch().getObjects()) {
            Setting carried = null;
            if (matched instanceof Input input) {
                add(inputs, input);
                carried = input instanceof Symptom symptom ? symptom.setting()
                        : input instanceof Context context ? context.setting() : null;
            } else if (matched instanceof Derived derived) {
                addAll(inputs, derived.inputs());
                firstSteps |= derived.firstSteps();
                carried = derived.setting();
            } else if (matched instanceof Collection<?> gathered) {
                for (Object each : gathered) {
                    if (each instanceof Input input) {
                        add(support, input);
                    } else if (each instanceof Derived derived) {
                        addAll(support, derived.inputs());
                    }
                }
            }
            if (carried != null) {
                addSetting(setting, carried, tested);
                first = first == null ? carried : first;
            }
        }
        addAll(setting, inputs);
        return new Match(List.copyOf(setting), support.isEmpty() ? List.of() : List.copyOf(support), firstSteps,
                first == null ? Setting.NOTHING_KNOWN : first);
    }

    static String metadata(RuleContext kcontext, String key) {
        Object value = kcontext.getRule().getMetaData().get(key);
        if (value == null) {
            throw new IllegalStateException("rule '" + kcontext.getRule().getName() + "' has no @" + key + " metadata");
        }
        return value.toString();
    }

    private static void addSetting(List<Input> inputs, Setting setting, Collection<String> tested) {
        for (String field : tested) {
            Input input = setting.input(field);
            if (input != null) {
                add(inputs, input);
            }
        }
    }

    private static void addAll(List<Input> inputs, List<Input> more) {
        for (Input input : more) {
            add(inputs, input);
        }
    }

    private static void add(List<Input> inputs, Input input) {
        if (!inputs.contains(input)) {
            inputs.add(input);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> tested(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        Object prepared = meta.get(TESTED_SETTING);
        return prepared != null ? (Collection<String>) prepared : testedSetting(rule);
    }

    /** The setting fields tested by the rule's positive patterns (not those under "not" or inside "collect"). */
    private static List<String> testedSetting(Rule rule) {
        Set<String> fields = new HashSet<>();
        for (CompiledRules.PatternShape pattern : CompiledRules.patterns(rule)) {
            if (pattern.matched()) {
                pattern.constraints().forEach(constraint -> fields.add(CompiledRules.field(constraint)));
            }
        }
        return SETTING_FIELDS.stream().filter(fields::contains).toList();
    }
}
