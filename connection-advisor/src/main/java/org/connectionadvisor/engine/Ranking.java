package org.connectionadvisor.engine;

import org.connectionadvisor.Facts;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.rules.Advice;

/**
 * The ranking policy on top of salience: confirmed rows first, then rows a specific fact points at, then the
 * rest by their rule's salience (which encodes the documents' order); ruled-out rows never appear.
 */
public final class Ranking {
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\((https?://[^)\\s]+)\\)");
    private static final int MAX_CACHED_TEXTS = 10_000;
    private static final Map<String, List<String>> LINKS = new ConcurrentHashMap<>();
    private static final List<String> CONFIRMED_REASON = List.of("you confirmed this is the problem");
    private static final int CONFIRMED_BAND = 0;
    private static final int SPECIFIC_BAND = 1;
    private static final int SALIENCE_BAND = 2;

    private Ranking() {
    }

    private record Candidate(Row row, Advice advice, List<String> because, int band, Status status) {
    }

    public static List<Recommendation> rank(RuleBase.Firing firing, Map<String, Row> rows, Facts facts) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Advice advice : firing.advice()) {
            if (facts.ruledOut().contains(advice.row())) {
                continue;
            }
            Candidate seen = candidates.get(advice.row());
            if (seen != null) {
                // A row rule that matched several ways is still one recommendation, with all of its reasons.
                candidates.put(advice.row(), new Candidate(seen.row(), seen.advice(), union(seen.because(), advice.because()),
                        seen.band(), seen.status()));
                continue;
            }
            List<String> first = List.of();
            int band = SALIENCE_BAND;
            Status status = Status.POSSIBLE;
            if (facts.confirmed().contains(advice.row())) {
                first = CONFIRMED_REASON;
                band = CONFIRMED_BAND;
                status = Status.CONFIRMED;
            }
            List<String> pointedBy = firing.pointers().get(advice.row());
            if (pointedBy != null) {
                first = union(first, pointedBy);
                if (band == SALIENCE_BAND) {
                    band = SPECIFIC_BAND;
                    status = Status.LIKELY;
                }
            }
            candidates.put(advice.row(), new Candidate(rows.get(advice.row()), advice, union(first, advice.because()),
                    band, status));
        }
        List<Candidate> ordered = new ArrayList<>(candidates.values());
        ordered.sort(Comparator.comparingInt(Candidate::band)
                .thenComparingInt(c -> -c.row().salience())
                .thenComparing(c -> c.row().id()));
        List<Recommendation> ranked = new ArrayList<>(ordered.size());
        for (Candidate c : ordered) {
            ranked.add(new Recommendation(ranked.size() + 1, c.row().id(), c.row().title(), c.advice().resolution(),
                    c.advice().steps(), c.status(), c.because(), c.row().sources(), links(c.advice())));
        }
        return ranked;
    }

    /**
     * The distinct reasons of both lists in order, as an immutable list. Most recommendations have only their advice's
     * reasons, already distinct and immutable: those are returned as they are, without a copy.
     */
    private static List<String> union(List<String> first, List<String> then) {
        if (first.isEmpty() && isSmallAndDistinct(then)) {
            return List.copyOf(then);
        }
        Set<String> union = new LinkedHashSet<>(first);
        union.addAll(then);
        return List.copyOf(union);
    }

    private static boolean isSmallAndDistinct(List<String> reasons) {
        if (reasons.size() > 16) {
            return false;
        }
        for (int i = 1; i < reasons.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (reasons.get(i).equals(reasons.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> links(Advice advice) {
        if (advice.steps().isEmpty()) {
            return linksIn(advice.resolution());
        }
        Set<String> links = new LinkedHashSet<>(linksIn(advice.resolution()));
        advice.steps().forEach(step -> links.addAll(linksIn(step)));
        return List.copyOf(links);
    }

    /**
     * Scanning the texts took half the time of a diagnosis. They are constants of the rules, so each is scanned once;
     * the bound keeps texts that a rule builds from facts from filling the memory.
     */
    private static List<String> linksIn(String text) {
        List<String> links = LINKS.get(text);
        if (links == null) {
            Set<String> found = new LinkedHashSet<>();
            Matcher link = MARKDOWN_LINK.matcher(text);
            while (link.find()) {
                found.add(link.group(1));
            }
            links = List.copyOf(found);
            if (LINKS.size() < MAX_CACHED_TEXTS) {
                LINKS.put(text, links);
            }
        }
        return links;
    }
}
