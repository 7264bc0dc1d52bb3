package org.connectionadvisor.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.compiled.CompiledRules;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Scope;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules mention a fact: one of the rule's patterns (positive, under "not", or inside "collect") is of the fact's
 * type, and the fact passes the pattern's tests of a field against a literal with {@code ==}. Other tests are not
 * evaluated, so a rule named here may still not match the fact, but a rule not named cannot. The question planner
 * uses it to try two answers together only where some rule mentions both.
 */
final class RuleMentions {
    /** The subset allows only "field op value" constraints; a test for equality with a literal looks like this. */
    private static final Pattern EQUALS_LITERAL =
            Pattern.compile("\\s*(\\w+)\\s*==\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?)\\s*");
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    accessors.put(component.getName(), component.getAccessor());
                }
            }
            return accessors;
        }
    };

    /** A pattern as far as this needs it: the fact type and the fields it requires to equal a literal. */
    private record Shape(Class<?> type, Map<String, String> literals) {
    }

    private static final Set<String> SETTING_FIELDS = Set.of("product", "scope", "client");

    /** Enough for every answer of every question in every setting; inputs quoting users' text past it are not kept. */
    private static final int REMEMBERED = 4096;

    private final Map<String, List<Shape>> shapes;
    /** The setting fields each rule tests anywhere, with any operator ("client != \"browser\""). */
    private final Map<String, Set<String>> settingTested;
    /** What rules mention depends only on the rules and the fact, and planning asks about the same answers each time. */
    private final Map<Input, Set<String>> remembered = new ConcurrentHashMap<>();

    private RuleMentions(Map<String, List<Shape>> shapes, Map<String, Set<String>> settingTested) {
        this.shapes = shapes;
        this.settingTested = settingTested;
    }

    static RuleMentions of(Iterable<Rule> rules) {
        Map<String, List<Shape>> shapes = new HashMap<>();
        Map<String, Set<String>> settingTested = new HashMap<>();
        for (Rule rule : rules) {
            List<Shape> ruleShapes = new ArrayList<>();
            Set<String> fields = new HashSet<>();
            for (CompiledRules.PatternShape pattern : CompiledRules.patterns(rule)) {
                if (pattern.type() != null) {
                    ruleShapes.add(new Shape(pattern.type(), literals(pattern.constraints(), fields)));
                }
            }
            String name = rule.getPackageName() + "." + rule.getName();
            shapes.put(name, List.copyOf(ruleShapes));
            settingTested.put(name, Set.copyOf(fields));
        }
        return new RuleMentions(shapes, settingTested);
    }

    /**
     * The rules (package-qualified names) that mention {@code fact}; for the product, scope or client, the rules that
     * test that field of the setting, which every symptom, context fact and topic carries.
     */
    Set<String> mentioning(Input fact) {
        Set<String> known = remembered.get(fact);
        if (known != null) {
            return known;
        }
        Set<String> rules = Set.copyOf(find(fact));
        if (remembered.size() < REMEMBERED) {
            remembered.put(fact, rules);
        }
        return rules;
    }

    private Set<String> find(Input fact) {
        Set<String> rules = new HashSet<>();
        if (fact instanceof Product || fact instanceof Scope || fact instanceof Client) {
            settingTested.forEach((rule, fields) -> {
                if (fields.contains(fact.key())) {
                    rules.add(rule);
                }
            });
        }
        shapes.forEach((rule, ruleShapes) -> {
            for (Shape shape : ruleShapes) {
                if (shape.type().isInstance(fact) && passes(fact, shape.literals())) {
                    rules.add(rule);
                    return;
                }
            }
        });
        return rules;
    }

    private static boolean passes(Object fact, Map<String, String> literals) {
        Map<String, Method> accessors = ACCESSORS.get(fact.getClass());
        for (Map.Entry<String, String> literal : literals.entrySet()) {
            Method accessor = accessors.get(literal.getKey());
            if (accessor != null && !sameValue(read(accessor, fact), literal.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Object read(Method accessor, Object fact) {
        try {
            return accessor.invoke(fact);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " of a fact", e);
        }
    }

    private static boolean sameValue(Object value, String literal) {
        if (literal.startsWith("\"")) {
            return literal.substring(1, literal.length() - 1).equals(String.valueOf(value));
        }
        return value instanceof Number number && Double.parseDouble(literal) == number.doubleValue();
    }

    /** The fields a pattern requires to equal a literal; the setting fields it tests go to {@code settingTested}. */
    private static Map<String, String> literals(List<String> constraints, Set<String> settingTested) {
        Map<String, String> literals = new HashMap<>();
        for (String constraint : constraints) {
            Matcher equals = EQUALS_LITERAL.matcher(constraint);
            if (equals.matches()) {
                literals.put(equals.group(1), equals.group(2));
            }
            String field = CompiledRules.field(constraint);
            if (SETTING_FIELDS.contains(field)) {
                settingTested.add(field);
            }
        }
        return Map.copyOf(literals);
    }
}
