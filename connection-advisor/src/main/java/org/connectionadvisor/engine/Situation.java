package org.connectionadvisor.engine;

import org.connectionadvisor.Facts;
import org.connectionadvisor.input.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Versions;

/**
 * Facts turned into the rule engine's input: one fact per input item, each saying in words where it came from.
 * Here, not in rules, are the two inferences the inventory defines on input: the product from the server URL and
 * symptoms from a pasted error message.
 */
public final class Situation {
    private static final String UNKNOWN = "unknown";
    private static final List<Map.Entry<String, Pattern>> CODES_IN_MESSAGES = List.of(
            Map.entry("TF31002", Pattern.compile("\\bTF31002\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("TF31003", Pattern.compile("\\bTF31003\\b", Pattern.CASE_INSENSITIVE)),
            Map.entry("HTTP-401", Pattern.compile("(?<![\\w.])401(?![\\w.])")));

    private final Product product;
    private final List<Object> facts;

    private Situation(Product product, List<Object> facts) {
        this.product = product;
        this.facts = facts;
    }

    public static Situation of(Facts given) {
        Product product = product(given);
        List<Object> facts = new ArrayList<>(8 + given.context().size());
        facts.add(product);
        facts.add(new Scope(given.scope().orElse(UNKNOWN)));
        facts.add(new Client(given.client().orElse(UNKNOWN)));
        facts.add(new Os(given.os().orElse(UNKNOWN)));
        facts.add(new Versions(
                given.visualStudioVersion().map(v -> Vocabulary.releaseYear(Vocabulary.VISUAL_STUDIO_VERSION, v)).orElse(0),
                given.serverVersion().map(v -> Vocabulary.releaseYear(Vocabulary.SERVER_VERSION, v)).orElse(0)));
        facts.addAll(symptoms(given));
        for (String flag : given.context()) {
            facts.add(new Context(flag, "you said " + Vocabulary.CONTEXT_FLAGS.label(flag)));
        }
        return new Situation(product, List.copyOf(facts));
    }

    public List<Object> facts() {
        return facts;
    }

    /** The product as the rules see it: given, inferred from the URL, or "unknown". */
    public String product() {
        return product.name();
    }

    private static Product product(Facts given) {
        if (given.product().isPresent()) {
            String name = given.product().get();
            return new Product(name, "you said the product is " + productName(name));
        }
        if (given.serverUrl().isPresent()) {
            String url = given.serverUrl().get();
            String name = Facts.ServerUrls.product(url);
            String host = Facts.ServerUrls.host(url);
            return new Product(name, "services".equals(name)
                    ? "the server URL's host " + host + " is an Azure DevOps Services address"
                    : "the server URL's host " + host + " is not an Azure DevOps Services address, so it is an Azure DevOps Server");
        }
        return new Product(UNKNOWN, "the product is not known, so rows for both Azure DevOps Services and Server apply");
    }

    private static String productName(String product) {
        return "services".equals(product) ? "Azure DevOps Services" : "Azure DevOps Server";
    }

    private static List<Symptom> symptoms(Facts given) {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (String code : given.symptoms()) {
            evidence.put(code, "you reported " + Vocabulary.SYMPTOM_CODES.label(code));
        }
        given.errorMessage().ifPresent(message -> {
            for (Map.Entry<String, Pattern> code : CODES_IN_MESSAGES) {
                if (code.getValue().matcher(message).find()) {
                    evidence.putIfAbsent(code.getKey(), "the error message contains "
                            + ("HTTP-401".equals(code.getKey()) ? "401" : code.getKey()));
                }
            }
        });
        if (evidence.isEmpty()) {
            return List.of(new Symptom(Symptom.UNSPECIFIED, "no symptom given, so every table that fits the product and scope applies"));
        }
        List<Symptom> symptoms = new ArrayList<>(evidence.size());
        evidence.forEach((code, why) -> symptoms.add(new Symptom(code, why)));
        return symptoms;
    }
}
