package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.compiled.CompiledRules;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Release;
import org.kie.api.definition.rule.Rule;

/**
 * What the rules can tell apart of releases. A rule sees a release's version only through its tests: against a number
 * ({@code version >= 2013.2}) or against another release's version ({@code version > $visualStudio.version}). Two
 * sets of inputs that differ only in release versions, where every such test comes out the same, match the same rules
 * the same ways: only the releases inside the results differ, and the ranking reads none of them (rows, their support
 * counted in facts, and the details' texts, which are literals). So the question planner tries one pair of releases
 * per class ({@link #asRulesSeeThem}) where it would otherwise try every pair of the Visual Studio and server releases.
 *
 * <p>Sound only while it knows every test of a release: where a rule tests a release otherwise (its label, a field
 * bound and used elsewhere, a constraint Drools compiled from something other than an expression), every version is
 * its own class.
 */
final class ReleaseClasses {
    private static final Pattern KIND = Pattern.compile("\\s*of\\s*(==|!=)\\s*\"([^\"\\\\]*)\"\\s*");
    private static final Pattern INFERRED = Pattern.compile("\\s*inferred\\s*(==|!=)\\s*(true|false)\\s*");
    private static final Pattern AGAINST_NUMBER =
            Pattern.compile("\\s*version\\s*(==|!=|<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern AGAINST_RELEASE =
            Pattern.compile("\\s*version\\s*(==|!=|<=|>=|<|>)\\s*(\\$\\w+)\\.version\\s*");
    private static final Pattern BINDING = Pattern.compile("\\$\\w+");
    /** Thresholds that apply to a release of any kind (a test on a pattern that names no kind). */
    private static final String ANY_KIND = "";

    /** The numbers each kind's version is tested against, sorted; null: versions cannot be classed. */
    private final Map<String, double[]> thresholds;
    private final boolean comparedWithEachOther;

    private ReleaseClasses(Map<String, double[]> thresholds, boolean comparedWithEachOther) {
        this.thresholds = thresholds;
        this.comparedWithEachOther = comparedWithEachOther;
    }

    static ReleaseClasses of(Iterable<Rule> rules) {
        Map<String, Set<Double>> numbers = new HashMap<>();
        boolean comparedWithEachOther = false;
        for (Rule rule : rules) {
            List<CompiledRules.PatternShape> patterns = CompiledRules.patterns(rule);
            Set<String> releaseBindings = new HashSet<>();
            for (CompiledRules.PatternShape pattern : patterns) {
                if (pattern.type() == Release.class && pattern.binding() != null) {
                    releaseBindings.add(pattern.binding());
                }
            }
            for (CompiledRules.PatternShape pattern : patterns) {
                if (pattern.type() == Release.class) {
                    Tests tests = releaseTests(pattern.constraints(), releaseBindings);
                    if (tests == null) {
                        return unclassed();
                    }
                    numbers.computeIfAbsent(tests.kind(), kind -> new TreeSet<>()).addAll(tests.numbers());
                    comparedWithEachOther |= tests.againstRelease();
                } else if (pattern.type() == null || pattern.type().isAssignableFrom(Release.class)
                        || namesAny(pattern.constraints(), releaseBindings)) {
                    return unclassed(); // a release seen through a wider type, or a release's field used elsewhere
                }
            }
        }
        Map<String, double[]> thresholds = new HashMap<>();
        numbers.forEach((kind, values) -> thresholds.put(kind, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return new ReleaseClasses(thresholds, comparedWithEachOther);
    }

    private static ReleaseClasses unclassed() {
        return new ReleaseClasses(null, true);
    }

    /** What one release pattern tests: the kind it names (or any), the numbers its version is compared with. */
    private record Tests(String kind, List<Double> numbers, boolean againstRelease) {
    }

    /** The pattern's tests, or null where one of them is not a test this class understands. */
    private static Tests releaseTests(List<String> constraints, Set<String> releaseBindings) {
        String kind = ANY_KIND;
        List<Double> numbers = new ArrayList<>();
        boolean againstRelease = false;
        for (String constraint : constraints) {
            Matcher kindTest = KIND.matcher(constraint);
            Matcher number = AGAINST_NUMBER.matcher(constraint);
            Matcher release = AGAINST_RELEASE.matcher(constraint);
            if (kindTest.matches()) {
                if ("==".equals(kindTest.group(1))) {
                    kind = kindTest.group(2);
                }
            } else if (number.matches()) {
                numbers.add(Double.parseDouble(number.group(2)));
            } else if (release.matches() && releaseBindings.contains(release.group(2))) {
                againstRelease = true;
            } else if (!INFERRED.matcher(constraint).matches()) {
                return null;
            }
        }
        return new Tests(kind, numbers, againstRelease);
    }

    private static boolean namesAny(List<String> constraints, Set<String> bindings) {
        for (String constraint : constraints) {
            Matcher binding = BINDING.matcher(constraint);
            while (binding.find()) {
                if (bindings.contains(binding.group())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The inputs as the rules see them: equal for two lists exactly when they differ at most in release versions that
     * every test of the rules tells apart the same way. Inputs other than releases stand for themselves.
     */
    Object asRulesSeeThem(List<Input> inputs) {
        if (thresholds == null) {
            return inputs;
        }
        List<Object> seen = new ArrayList<>(inputs.size());
        List<Release> releases = new ArrayList<>(2);
        for (Input input : inputs) {
            if (input instanceof Release release) {
                releases.add(release);
                seen.add(new Seen(release.of(), release.inferred(), place(release)));
            } else {
                seen.add(input);
            }
        }
        if (comparedWithEachOther) {
            for (int i = 0; i < releases.size(); i++) {
                for (int j = i + 1; j < releases.size(); j++) {
                    seen.add(Integer.signum(Double.compare(releases.get(i).version(), releases.get(j).version())));
                }
            }
        }
        return seen;
    }

    /** A release as the rules see it: its kind, whether inferred, and where its version falls among the thresholds. */
    private record Seen(String of, boolean inferred, List<Integer> place) {
    }

    /** For each list of thresholds that applies: how many lie below the version, doubled, plus one if it equals one. */
    private List<Integer> place(Release release) {
        return List.of(place(release.version(), thresholds.get(ANY_KIND)), place(release.version(), thresholds.get(release.of())));
    }

    private static int place(double version, double[] thresholds) {
        if (thresholds == null) {
            return 0;
        }
        int place = 0;
        for (double threshold : thresholds) {
            if (threshold < version) {
                place += 2;
            } else if (threshold == version) {
                place++;
            }
        }
        return place;
    }
}
