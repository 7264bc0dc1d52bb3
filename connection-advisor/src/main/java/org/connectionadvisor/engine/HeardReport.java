package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.Heard;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Detail;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.rules.Role;
import org.connectionadvisor.rules.Symptom;

/**
 * What each fact of a diagnosis did. What a fact supports and what rests on it is read from what the rules matched;
 * what it sets aside is seen by diagnosing without it (on the same live session) and comparing: a row that appears
 * without the fact and not with it was set aside because of it, and the summary says why in the fact's own terms
 * ("not for Azure DevOps Services"). Rows are named by their titles. Every fact given or inferred is listed, so none
 * is silently dropped: a fact that did none of this is said to be set aside itself.
 */
public final class HeardReport {
    private static final int LISTED = 5;

    private HeardReport() {
    }

    public static List<Heard> of(Situation situation, List<Recommendation> current, RuleBase rules) {
        Set<String> shown = new LinkedHashSet<>();
        current.forEach(r -> shown.add(r.id()));
        Map<Input, Set<String>> supports = new HashMap<>();
        Map<Input, Set<String>> uses = new HashMap<>();
        List<Heard> heard = new ArrayList<>();
        try (Session session = rules.open()) {
            session.apply(situation.inputs());
            Session.State state = session.state();
            for (Advice advice : state.advice()) {
                if (shown.contains(advice.row())) {
                    advice.support().forEach(input -> supports.computeIfAbsent(input, k -> new LinkedHashSet<>()).add(advice.row()));
                    advice.because().forEach(input -> uses.computeIfAbsent(input, k -> new LinkedHashSet<>()).add(advice.row()));
                    for (Detail detail : state.details()) {
                        if (mentions(advice, detail.key())) {
                            detail.inputs().forEach(input -> uses.computeIfAbsent(input, k -> new LinkedHashSet<>()).add(advice.row()));
                        }
                    }
                }
            }
            for (Recommendation r : current) {
                // The role is evidence the ranking weighs, not the rules: what it supports is what it is listed under.
                situation.inputs().stream().filter(input -> input instanceof Role && r.supportedBy().contains(input.label()))
                        .forEach(input -> supports.computeIfAbsent(input, k -> new LinkedHashSet<>()).add(r.id()));
            }
            for (Input input : situation.inputs()) {
                if (input instanceof Symptom symptom && Symptom.UNSPECIFIED.equals(symptom.code())) {
                    continue;
                }
                Situation without = situation.without(input.key());
                session.apply(without.inputs());
                List<String> excludes = new ArrayList<>();
                for (Recommendation r : Ranking.rank(session.state(), rules.rows(), without.facts())) {
                    if (!shown.contains(r.id())) {
                        excludes.add(r.id());
                    }
                }
                List<String> supported = List.copyOf(supports.getOrDefault(input, Set.of()));
                List<String> used = uses.getOrDefault(input, Set.of()).stream().filter(row -> !supported.contains(row)).toList();
                heard.add(new Heard(input.key(), input.value(), input.inferred(), input.label(), supported, used, excludes,
                        summary(input, supported, used, excludes, rules.rows())));
            }
        }
        if (situation.facts().os().filter(Vocabulary.WINDOWS_11::equals).isPresent()) {
            heard.add(new Heard("os", Vocabulary.WINDOWS_11, false, "the client runs Windows 11", List.of(), List.of(), List.of(),
                    "set aside: the documents list no cache folder for Windows 11, so every folder they list is shown"));
        }
        return heard;
    }

    private static boolean mentions(Advice advice, String key) {
        String placeholder = "{" + key + "}";
        return advice.resolution().contains(placeholder) || advice.steps().stream().anyMatch(step -> step.contains(placeholder));
    }

    private static String summary(Input input, List<String> supports, List<String> uses, List<String> excludes,
            Map<String, Row> rows) {
        List<String> parts = new ArrayList<>(3);
        if (!supports.isEmpty()) {
            parts.add("makes more likely " + listed(supports, rows));
        }
        if (!uses.isEmpty()) {
            parts.add("used by " + listed(uses, rows));
        }
        if (!excludes.isEmpty()) {
            parts.add("set aside " + why(input) + ": " + listed(excludes, rows));
        }
        return parts.isEmpty() ? "set aside: no row that can apply uses it" : String.join("; ", parts);
    }

    /** Why the rows a fact leaves out do not fit it, in the fact's own terms. */
    private static String why(Input input) {
        if (input instanceof Product product) {
            return "as not for " + ("services".equals(product.name()) ? "Azure DevOps Services" : "Azure DevOps Server");
        }
        if (input instanceof Scope scope) {
            return "as they are for " + ("one-computer".equals(scope.name()) ? "several computers or users" : "one computer while others connect");
        }
        if (input instanceof Client client) {
            return "browser".equals(client.name()) ? "as they are for Visual Studio" : "as not for Visual Studio";
        }
        if (input instanceof Symptom) {
            return "as they are for other symptoms";
        }
        if (input instanceof Context) {
            return "as this answer does not fit them";
        }
        return "as they do not fit it";
    }

    /** Rows by their titles, in quotes: a title can hold commas and colons. */
    private static String listed(List<String> ids, Map<String, Row> rows) {
        List<String> titles = new ArrayList<>(Math.min(ids.size(), LISTED));
        for (String id : ids.subList(0, Math.min(ids.size(), LISTED))) {
            Row row = rows.get(id);
            titles.add('"' + (row != null ? row.title() : id) + '"');
        }
        String listed = String.join(", ", titles);
        return ids.size() <= LISTED ? listed : listed + " and " + (ids.size() - LISTED) + " more";
    }
}
