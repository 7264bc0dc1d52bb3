package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Band;
import org.connectionadvisor.Facts;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.Status;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Confirmed;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Detail;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Role;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;

/**
 * The ranking policy (v2): rows the user confirmed first; then rows a fact supports, more distinct supporting facts
 * first; then the rows of the documents' first steps; then the rest. Within each band the documents' order, which is
 * the rule's salience. Ruled-out rows never appear; rows a fact contradicts never fired.
 *
 * <p>Who is asking (policy v3, "Audience") is evidence too. The documents address the several-users section first to
 * a user ("contact your administrator to confirm whether the server is operational") and then its table to an
 * administrator ("As an administrator, ..."). So for a user ({@code role} user) on several computers, the rows of a
 * section that also holds rows only an administrator can act on ({@code @actor("administrator")}), and that the user
 * can act on, are supported by the role and by every fact that supports a row of the administrator's in that section
 * (the user reaches those through the administrator): asking the administrator leads, and the table becomes the
 * hand-off. For an administrator, the rows only an administrator can act on are supported by the role, so the table
 * leads in the documents' order.
 */
public final class Ranking {
    private static final String CONFIRMED_REASON = "you confirmed this is the problem";
    private static final List<Class<? extends Input>> BECAUSE_ORDER = List.of(Product.class, Scope.class, Client.class,
            Os.class, Release.class, Symptom.class, Context.class, Confirmed.class, Role.class);

    private Ranking() {
    }

    /** One row's advice, merged over the ways its rule matched. */
    private static final class Candidate {
        final Row row;
        final Advice advice;
        /** The advice's own lists while the rule matched one way (most rows); merged lists once it matched more. */
        List<Input> because;
        List<Input> support;
        boolean firstSteps;
        Band band;

        Candidate(Row row, Advice advice) {
            this.row = row;
            this.advice = advice;
            this.because = advice.because();
            this.support = advice.support();
            this.firstSteps = advice.firstSteps();
        }

        void merge(Advice another) {
            because = union(because, another.because());
            support = union(support, another.support());
            firstSteps |= another.firstSteps();
        }
    }

    /** The inputs of both lists, each once, in order: lists of a handful, so a scan beats a set. */
    private static List<Input> union(List<Input> first, List<Input> then) {
        List<Input> union = new ArrayList<>(first);
        for (Input input : then) {
            if (!union.contains(input)) {
                union.add(input);
            }
        }
        return union;
    }

    /**
     * A row's place in the ranking, the wording its facts choose and how many facts support it: what the questions'
     * measure compares.
     */
    public record Placed(String id, List<String> wording, int support) {
    }

    public static List<Recommendation> rank(Session.State state, Map<String, Row> rows, Facts facts) {
        Map<String, Detail> details = details(state.details());
        List<Candidate> ordered = order(state, rows, facts);
        List<Recommendation> ranked = new ArrayList<>(ordered.size());
        for (Candidate c : ordered) {
            state.withinDeadline("wording the recommendations");
            ranked.add(recommendation(ranked.size() + 1, c, details));
        }
        return ranked;
    }

    /**
     * The ranking as the questions' measure needs it, without wording it for people: a rule's texts are literals, so
     * a row's wording changes only through the details it shows.
     */
    public static List<Placed> placement(Session.State state, Map<String, Row> rows, Facts facts) {
        Map<String, Detail> details = details(state.details());
        List<Candidate> ordered = order(state, rows, facts);
        List<Placed> placed = new ArrayList<>(ordered.size());
        for (Candidate c : ordered) {
            List<String> keys = placeholders(c.advice);
            List<String> wording = keys.isEmpty() ? List.of() : new ArrayList<>(keys.size());
            for (String key : keys) {
                Detail detail = details.get(key);
                wording.add(detail == null ? null : detail.text());
            }
            placed.add(new Placed(c.row.id(), wording, c.support.size()));
        }
        return placed;
    }

    private static List<Candidate> order(Session.State state, Map<String, Row> rows, Facts facts) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Advice advice : state.advice()) {
            if (facts.ruledOut().contains(advice.row())) {
                continue;
            }
            Candidate candidate = candidates.get(advice.row());
            if (candidate == null) {
                candidates.put(advice.row(), new Candidate(rows.get(advice.row()), advice));
            } else {
                candidate.merge(advice);
            }
        }
        List<Candidate> ordered = new ArrayList<>(candidates.values());
        facts.role().ifPresent(role -> audience(ordered, Role.of(role), facts));
        for (Candidate candidate : ordered) {
            candidate.band = facts.confirmed().contains(candidate.row.id()) ? Band.CONFIRMED
                    : !candidate.support.isEmpty() ? Band.SUPPORTED
                    : candidate.firstSteps ? Band.FIRST_STEP
                    : Band.DOCUMENTS_ORDER;
        }
        ordered.sort(IN_RANK_ORDER);
        return ordered;
    }

    /** The role as evidence: see the class comment. */
    private static void audience(List<Candidate> candidates, Role role, Facts facts) {
        Set<String> administratorSections = new java.util.HashSet<>();
        for (Candidate c : candidates) {
            if (c.row.actor() == Actor.ADMINISTRATOR) {
                administratorSections.add(section(c.row));
            }
        }
        boolean user = Role.USER.equals(role.name());
        if (administratorSections.isEmpty() || user && !facts.scope().filter("several-computers"::equals).isPresent()) {
            return;
        }
        // A user reaches the administrator's checks through the administrator: what supports one of them supports
        // asking, so the user's step stays first ("it worked yesterday" supports the TFSService password too).
        Map<String, List<Input>> administratorsEvidence = new HashMap<>();
        for (Candidate c : candidates) {
            if (user && c.row.actor() == Actor.ADMINISTRATOR) {
                administratorsEvidence.merge(section(c.row), c.support, Ranking::union);
            }
        }
        for (Candidate c : candidates) {
            boolean administrators = c.row.actor() == Actor.ADMINISTRATOR;
            if (user ? !administrators && administratorSections.contains(section(c.row)) : administrators) {
                c.support = union(union(c.support, List.of(role)), administratorsEvidence.getOrDefault(section(c.row), List.of()));
            }
        }
    }

    private static String section(Row row) {
        return row.sources().isEmpty() ? "" : row.sources().get(0).section();
    }

    private static final Comparator<Candidate> IN_RANK_ORDER = Comparator.comparingInt((Candidate c) -> c.band.ordinal())
            .thenComparingInt(c -> c.band == Band.SUPPORTED ? -c.support.size() : 0)
            .thenComparingInt(c -> -c.row.salience())
            .thenComparing(c -> c.row.id());

    /** The detail keys a row's texts name, in order. */
    private static List<String> placeholders(Advice advice) {
        if (advice.steps().isEmpty()) {
            return Placeholders.keys(advice.resolution());
        }
        List<String> keys = new ArrayList<>(Placeholders.keys(advice.resolution()));
        advice.steps().forEach(step -> keys.addAll(Placeholders.keys(step)));
        return keys;
    }

    private static Recommendation recommendation(int rank, Candidate c, Map<String, Detail> details) {
        List<Input> inputs = union(c.because, c.support);
        String resolution = worded(c.advice.resolution(), details, inputs);
        List<String> steps = c.advice.steps();
        if (!details.isEmpty() && !steps.isEmpty()) {
            List<String> worded = new ArrayList<>(steps.size());
            for (String step : steps) {
                String text = worded(step, details, inputs);
                if (!text.isBlank()) { // a step worded away for this setting (say, an IDE step for a browser user)
                    worded.add(text);
                }
            }
            steps = worded;
        }
        inputs.sort(BY_KIND);
        List<String> because = new ArrayList<>(inputs.size() + 1);
        if (c.band == Band.CONFIRMED) {
            because.add(CONFIRMED_REASON);
        }
        for (Input input : inputs) {
            because.add(input.label());
        }
        List<String> supportedBy = new ArrayList<>(c.support.size());
        for (Input input : c.support) {
            supportedBy.add(input.label());
        }
        Status status = switch (c.band) {
            case CONFIRMED -> Status.CONFIRMED;
            case SUPPORTED -> Status.LIKELY;
            default -> Status.POSSIBLE;
        };
        return new Recommendation(rank, c.row.id(), c.row.title(), resolution, steps, status, c.band, because,
                supportedBy, c.row.sources(), links(resolution, steps), c.row.actor());
    }

    /** A "because" names the setting first, then releases, symptoms, context and confirmations, whatever matched first. */
    private static final Comparator<Input> BY_KIND = Comparator.comparingInt(input -> BECAUSE_ORDER.indexOf(input.getClass()));

    /** The details by key; where rules give one key two wordings, the first in text order, so the choice is stable. */
    private static Map<String, Detail> details(List<Detail> details) {
        if (details.isEmpty()) {
            return Map.of();
        }
        Map<String, Detail> byKey = new HashMap<>();
        for (Detail detail : details) {
            byKey.merge(detail.key(), detail, (a, b) -> a.text().compareTo(b.text()) <= 0 ? a : b);
        }
        return byKey;
    }

    /**
     * The text with each {@code {key}} replaced by its detail's wording; the inputs behind the details used are added
     * to {@code used}, each once.
     */
    private static String worded(String text, Map<String, Detail> details, List<Input> used) {
        return Placeholders.fill(text, key -> {
            Detail detail = details.get(key);
            if (detail == null) {
                return null;
            }
            for (Input input : detail.inputs()) {
                if (!used.contains(input)) {
                    used.add(input);
                }
            }
            return detail.text();
        });
    }

    private static List<String> links(String resolution, List<String> steps) {
        Set<String> links = Links.markdown(resolution);
        steps.forEach(step -> links.addAll(Links.markdown(step)));
        return List.copyOf(links);
    }
}
