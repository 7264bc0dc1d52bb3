package org.connectionadvisor.admin;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Confirmed;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Finding;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Topic;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;

/** The subset's vocabulary: the facts and fields rules may test, the annotations, the limits and the wording of refusals. */
final class SubsetGrammar {
    static final String PACKAGE = "org.connectionadvisor.drl";
    static final String FACT_PACKAGE = "org.connectionadvisor.rules";
    static final String LIST = "List";

    /**
     * The facts rules match on and the fields they may test: the README's fact table. The records have more
     * components (setting, label, inferred, inputs, ...), which belong to the advisor, not to rules.
     */
    static final Map<String, Map<String, Class<?>>> FACTS = facts(
            fields(Symptom.class, "code", "product", "scope", "client"),
            fields(Context.class, "flag", "answer", "product", "scope", "client"),
            fields(Product.class, "name"),
            fields(Scope.class, "name"),
            fields(Client.class, "name"),
            fields(Os.class, "name"),
            fields(Release.class, "of", "version"),
            fields(Confirmed.class, "row"),
            fields(Topic.class, "name", "product", "scope", "client"),
            fields(Finding.class, "name"));
    /** What a file may import by name: the facts and the two result types whose factories consequences call. */
    static final Set<String> IMPORTABLE = importable();
    /** The finding rules' annotation; the row rules' are the catalog's (RuleBase.ROW, TITLE, SOURCE, SECTION). */
    static final String LAYER = "layer";
    static final Set<String> ANNOTATIONS = Set.of(RuleBase.ROW, RuleBase.TITLE, RuleBase.SOURCE, RuleBase.SECTION, RuleBase.ACTOR, LAYER);
    static final Pattern ROW_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern BINDING = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    /** Deeper brackets than the grammar ever needs (3: an in list in a pattern in a collect); Drools' parser recurses on them. */
    static final int MAX_NESTING = 8;
    /**
     * Patterns a rule may join, outside not, exists and collect. Each one multiplies the combinations the engine builds
     * in one step of a diagnosis, where no deadline can stop it; the packaged rules join at most 2.
     */
    static final int MAX_JOINED = 3;
    static final int FINDING_SALIENCE = 1000;
    /** Subrules of one rule (or alternatives times in values, see ConditionCheck); the packaged rules have at most 20. */
    static final int MAX_SUBRULES = 64;
    /** Subrules of all the rules together: what one build compiles (a rule base grown to 5,000 rows has about 9,000). */
    static final int MAX_TOTAL_SUBRULES = 20_000;
    /** Values of one in list. */
    static final int MAX_IN_VALUES = 64;
    /** The facts the rules create, which other rules may join on (at most one of them per rule). */
    static final Set<String> CONCLUDED = Set.of("Topic", "Finding");

    static final String ALLOWED_IMPORTS = "a rule file imports org.connectionadvisor.rules.* (or its facts, Advice and Detail by"
            + " name) and java.util.List";
    static final String CONDITIONS = "a condition is Fact( ... ), $binding : Fact( ... ), not Fact( ... ), exists Fact( ... ),"
            + " ( Fact( ... ) or Fact( ... ) ) or List() from collect( Fact( ... ) )";
    static final String ANNOTATION_NAMES = "a rule's annotations are @row, @title, @source, @section and"
            + " optionally @actor(\"administrator\") (row rules) or @layer(\"finding\") (finding rules)";
    static final String ROW_BANDS = "row rules use 300-799 (tables), 200-299 (checklists) or 100-199 (fallbacks)";
    static final String KINDS = "a rule is either a row rule (@row, @title, @source, @section) or a finding rule"
            + " (@layer(\"finding\"))";

    private SubsetGrammar() {
    }

    /** What Drools' descriptors are called in the DRL manual, the first that fits: a pattern's source, a condition. */
    private static final List<Map.Entry<Class<? extends BaseDescr>, String>> MANUAL_NAMES = List.of(
            Map.entry(AccumulateDescr.class, "accumulate"),
            Map.entry(EntryPointDescr.class, "from entry-point"),
            Map.entry(WindowReferenceDescr.class, "from window"),
            Map.entry(CollectDescr.class, "collect"),
            Map.entry(EvalDescr.class, "eval"),
            Map.entry(ForallDescr.class, "forall"),
            Map.entry(AndDescr.class, "a group ( ... and ... )"),
            Map.entry(NamedConsequenceDescr.class, "do[...]"),
            Map.entry(ConditionalBranchDescr.class, "do[...]"));

    static String source(PatternDescr pattern) {
        BaseDescr source = pattern.getSource();
        if (source instanceof FromDescr from) {
            String expression = from.getDataSource() == null ? "" : from.getDataSource().toString().strip();
            return "from " + (expression.length() <= 40 ? expression : expression.substring(0, 37) + "...");
        }
        return construct(source);
    }

    /** A condition's construct as an admin knows it from the DRL manual. */
    static String construct(BaseDescr condition) {
        for (Map.Entry<Class<? extends BaseDescr>, String> named : MANUAL_NAMES) {
            if (named.getKey().isInstance(condition)) {
                return named.getValue();
            }
        }
        return condition.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT);
    }

    static String typeName(Class<?> type) {
        return type == String.class ? "text" : "a number";
    }

    @SafeVarargs
    static Map<String, Map<String, Class<?>>> facts(Map.Entry<String, Map<String, Class<?>>>... facts) {
        Map<String, Map<String, Class<?>>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Class<?>>> fact : facts) {
            byName.put(fact.getKey(), fact.getValue());
        }
        return Collections.unmodifiableMap(byName);
    }

    /** The documented fields of a fact, typed from its record: a field the record lost fails here, at class loading. */
    static Map.Entry<String, Map<String, Class<?>>> fields(Class<? extends Record> type, String... names) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (String name : names) {
            RecordComponent component = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no component " + name));
            fields.put(name, component.getType());
        }
        return Map.entry(type.getSimpleName(), Collections.unmodifiableMap(fields));
    }

    static Set<String> importable() {
        Set<String> names = new HashSet<>(FACTS.keySet());
        names.add("Advice");
        names.add("Detail");
        return Set.copyOf(names);
    }
}
