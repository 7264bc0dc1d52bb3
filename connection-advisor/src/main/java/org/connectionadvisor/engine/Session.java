package org.connectionadvisor.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.compiled.CompiledRules;
import org.connectionadvisor.Echo;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Detail;
import org.connectionadvisor.rules.Finding;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Topic;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A rule session kept alive across changes of its inputs. The rules insert their results logically, so when an input
 * goes, whatever was concluded from it goes too: a what-if is "apply these inputs, read the results", and applying
 * the original inputs again takes it back, each step costing only what the change touches.
 */
public final class Session implements AutoCloseable {
    /**
     * Firings between two looks at the clock. The deadline is checked between steps rather than enforced by a timer
     * that halts the session: a timer needs a thread the library would have to own and stop, and a step this short
     * (each firing only inserts a result built from literals) costs far less than a diagnosis may take. Rules loaded
     * from files can make one step long (rules that evaluate without firing), so they settle on a worker that the
     * caller leaves at the deadline ({@link FiringWorkers}).
     */
    static final int STEP = 64;

    private final KieSession kie;
    private final int fireLimit;
    private final Duration deadline;
    /** Where rules loaded from files settle (see {@link FiringWorkers}); null: on the caller's thread. */
    private final FiringWorkers workers;
    /** Left at the deadline while a worker still settles it: the worker resets it when done, not {@link #close}. */
    private boolean abandoned;
    private final Map<Input, FactHandle> handles = new HashMap<>();
    /** The inputs of the last {@link #apply}, in their order. */
    private List<Input> applied = List.of();
    private final Set<Advice> advice = new LinkedHashSet<>();
    private final Set<Detail> details = new LinkedHashSet<>();
    private final Results results = new Results();
    /** Counts the results inserted and retracted, so a caller can tell a change that touched no result. */
    private long changes;
    /** How many topics and findings of each name the rules concluded: what other rules can build on. */
    private final Map<String, Integer> conclusions = new HashMap<>();

    Session(KieSession kie, int fireLimit, Duration deadline, FiringWorkers workers) {
        this.kie = kie;
        this.fireLimit = fireLimit;
        this.deadline = deadline;
        this.workers = workers;
        kie.addEventListener(results);
    }

    /** What the rules concluded: the advice of the row rules and the wording details of the finding rules. */
    public record State(List<Advice> advice, List<Detail> details, long deadlineAt, Duration deadline) {
        /**
         * The ranking and its wording have a deadline of their own, as long as the diagnosis deadline, from when the
         * state is read: work after the rules settled (each text bounded by the rule checks) looks at the clock
         * between rows. (Not the rest of the firing's deadline: a first diagnosis in a cold JVM may use most of it.)
         */
        public void withinDeadline(String doing) {
            if (System.nanoTime() - deadlineAt > 0) {
                throw new DiagnosisException("the diagnosis did not finish within its deadline of " + deadline.toMillis()
                        + " ms while " + doing + "; the rules give too much text for these facts");
            }
        }
    }

    /**
     * Makes the session hold exactly these inputs, then lets the rules settle: in steps, within the fire limit and the
     * deadline, or a {@link DiagnosisException} says which was exceeded. True when a result came or went (a what-if
     * that changed no result ranks exactly as before).
     */
    public boolean apply(List<Input> inputs) {
        if (workers == null) {
            return settle(inputs);
        }
        return workers.settle(deadline, () -> settle(inputs), this::abandon, this::dispose);
    }

    private boolean settle(List<Input> inputs) {
        long start = System.nanoTime();
        long before = changes;
        if (inputs.size() == applied.size()) {
            changePlaceByPlace(inputs);
        } else {
            Set<Input> wanted = new HashSet<>(inputs);
            handles.entrySet().removeIf(held -> {
                if (wanted.contains(held.getKey())) {
                    return false;
                }
                kie.delete(held.getValue());
                return true;
            });
            for (Input input : inputs) {
                if (!handles.containsKey(input)) {
                    handles.put(input, kie.insert(input));
                }
            }
        }
        applied = inputs;
        int fired = 0;
        while (true) {
            int step = Math.min(STEP, fireLimit - fired);
            int firedNow = kie.fireAllRules(step);
            fired += firedNow;
            if (firedNow < step) {
                return changes != before;
            }
            if (fired >= fireLimit) {
                throw runaway(fired);
            }
            if (System.nanoTime() - start > deadline.toNanos()) {
                throw new DiagnosisException("the rules did not settle within the diagnosis deadline of " + deadline.toMillis()
                        + " ms (stopped after " + fired + " rule firings); they do too much work for these facts");
            }
        }
    }

    /**
     * A what-if changes one or two inputs of a list in a stable order ({@link Situation#inputs()}, whose inputs are
     * distinct): comparing place by place finds them without hashing every input. An input that only moved is taken
     * out and put back, which is correct, only slower.
     */
    private void changePlaceByPlace(List<Input> inputs) {
        List<Input> gone = new ArrayList<>(2);
        List<Input> come = new ArrayList<>(2);
        for (int i = 0; i < inputs.size(); i++) {
            if (!applied.get(i).equals(inputs.get(i))) {
                gone.add(applied.get(i));
                come.add(inputs.get(i));
            }
        }
        for (Input input : gone) {
            FactHandle handle = handles.remove(input);
            if (handle != null) {
                kie.delete(handle);
            }
        }
        for (Input input : come) {
            handles.computeIfAbsent(input, kie::insert);
        }
    }

    /** The names of the topics and findings concluded now; equal sets before and after a change mean it concluded nothing new. */
    Set<String> conclusions() {
        return Set.copyOf(conclusions.keySet());
    }

    private static String conclusionName(Object fact) {
        if (fact instanceof Topic topic) {
            return "Topic:" + topic.name();
        }
        return fact instanceof Finding finding ? "Finding:" + finding.name() : null;
    }

    public State state() {
        return new State(List.copyOf(advice), List.copyOf(details), System.nanoTime() + deadline.toNanos(), deadline);
    }

    /** Returns the session to its pool, reset; a pooled session keeps its listeners, so this one is taken off. */
    @Override
    public void close() {
        if (!abandoned) {
            dispose();
        }
    }

    /**
     * Left at the deadline: the worker ends the rule it is evaluating (Drools looks at a halt between rules, not inside
     * one), then the next look at the clock between steps ends the settling; the worker resets the session.
     */
    private void abandon() {
        abandoned = true;
        kie.halt();
    }

    private void dispose() {
        kie.removeEventListener(results);
        kie.dispose();
    }

    /** Keeps the results as the rules insert and retract them, so reading them needs no scan of the session. */
    private final class Results implements RuleRuntimeEventListener {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            track(event.getObject(), true);
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            track(event.getOldObject(), false);
        }

        private void track(Object fact, boolean inserted) {
            String name = conclusionName(fact);
            if (name != null) {
                conclusions.merge(name, inserted ? 1 : -1, (count, delta) -> count + delta == 0 ? null : count + delta);
            }
            if (fact instanceof Advice a) {
                changes++;
                if (inserted) {
                    advice.add(a);
                } else {
                    advice.remove(a);
                }
            } else if (fact instanceof Detail d) {
                changes++;
                if (inserted) {
                    details.add(d);
                } else {
                    details.remove(d);
                }
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // the rules only insert and retract
        }
    }

    /** Names the rule that keeps firing by watching a further stretch of firings, then stops. */
    private DiagnosisException runaway(int fired) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        kie.fireAllRules(match -> {
            Rule rule = match.getRule();
            counts.merge(rule.getName(), 1, Integer::sum);
            files.putIfAbsent(rule.getName(), Objects.requireNonNullElse(CompiledRules.sourcePath(rule), "?"));
            return true;
        }, 200);
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        String rule = byCount.isEmpty() ? "?" : byCount.get(0).getKey();
        return new DiagnosisException("rule \"" + Echo.safe(rule) + "\" in " + Echo.safe(files.getOrDefault(rule, "?"))
                + " keeps firing: stopped after " + fired + " rule firings. Its results make new matches for itself;"
                + " a rule should rest on the inputs and on the results of other rules.");
    }
}
