package org.connectionadvisor.admin;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.engine.RuleBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.admin.DrlTokens.Kind;
import org.connectionadvisor.admin.DrlTokens.Token;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The house rules for DRL files, checked before any rule base is built. DRL consequences and functions are
 * arbitrary Java (MVEL's own policy assumes trusted authors, and the JDK's Security Manager is gone), so this scan
 * is the guard that keeps a rule to recommending: no system, process, thread, reflection, class-loading, file or
 * network access, no imports beyond the vocabulary, and consequences that only insert result facts. It also keeps
 * the catalog sound: row metadata, unique ids and names, salience in the documented bands.
 */
public final class RuleLint {
    private static final String LAYER = "layer";
    private static final String FINDING_LAYER = "finding";
    private static final int FINDING_SALIENCE = 1000;
    private static final int LOWEST_ROW_SALIENCE = 100;
    private static final int HIGHEST_ROW_SALIENCE = 799;

    private static final String VOCABULARY = "org.connectionadvisor.rules";
    private static final Set<String> ALLOWED_JAVA = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Collection", "java.util.Collections", "java.util.ArrayList", "java.util.HashMap",
            "java.util.HashSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.Arrays",
            "java.util.Objects", "java.util.Optional", "java.lang.String", "java.lang.StringBuilder",
            "java.lang.Integer", "java.lang.Math");
    private static final String ALLOWED_IMPORTS = VOCABULARY + ".* and java.util.List, Set, Map, Collection, Collections,"
            + " ArrayList, HashMap, HashSet, LinkedHashMap, LinkedHashSet, Arrays, Objects, Optional";
    /** First segments that make a dotted name a fully qualified class name, whatever case follows. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net");

    private static final String SYSTEM = "system and process access";
    private static final String THREADS = "threads";
    private static final String REFLECTION = "reflection and class loading";
    private static final String FILES = "file and network access";
    private static final Map<String, String> FORBIDDEN = forbidden();
    private static final Set<String> LOOPS = Set.of("while", "for", "do", "foreach", "until");

    /** Java only reads a backslash-u as an escape after an even number of backslashes. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u");
    private static final Pattern ROW_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+");

    private static final List<String> ROW_FACTORIES = List.of("Advice.of");
    private static final List<String> FINDING_FACTORIES = List.of("Topic.of", "Finding.of", "Pointer.to");
    /** Tokens that would make a factory argument do something besides computing a value. */
    private static final Set<String> NOT_IN_ARGUMENTS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<=", ">>=", ">>>=", "++", "--", "new", ";", "{", "}", "->", "::", "kcontext", "drools", "insert",
            "insertLogical", "modify", "update", "retract", "delete");

    /** Problems as an admin reads them: file by file, top to bottom. */
    public static final Comparator<RuleProblem> IN_FILE_ORDER = Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line);

    private RuleLint() {
    }

    /** What the lint found; {@code unsafe} when some of it is code that must not even reach the compiler. */
    public record Report(List<RuleProblem> problems, boolean unsafe) {
    }

    private enum Layer {
        ROW, FINDING, UNKNOWN
    }

    private record Site(String file, int line, String rule) {
    }

    public static Report check(List<DrlFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<DrlFile, List<Token>> tokens = new LinkedHashMap<>();
        for (DrlFile file : files) {
            tokens.put(file, DrlTokens.of(file.text()));
            scanCode(file, tokens.get(file), problems);
        }
        boolean unsafe = !problems.isEmpty();
        Map<String, Site> rowIds = new HashMap<>();
        Map<String, Site> ruleNames = new HashMap<>();
        Map<String, Site> functionNames = new HashMap<>();
        Map<String, FunctionDescr> functions = new LinkedHashMap<>();
        Map<String, DrlFile> functionFiles = new HashMap<>();
        for (DrlFile file : files) {
            PackageDescr pkg = parse(file);
            if (pkg == null) {
                continue; // the compiler reports why it does not parse
            }
            for (RuleDescr rule : pkg.getRules().stream().filter(RuleDescr::isRule).toList()) {
                Site site = new Site(file.path(), rule.getLine(), rule.getName());
                unique(ruleNames, pkg.getName() + "." + rule.getName(), site, first -> "another rule already has this name", problems);
                checkRule(file, rule, tokens.get(file), rowIds, problems);
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                String name = pkg.getName() + "." + function.getName();
                unique(functionNames, name, new Site(file.path(), function.getLine(), null),
                        first -> "another function already has the name " + function.getName(), problems);
                functions.putIfAbsent(name, function);
                functionFiles.putIfAbsent(name, file);
            }
        }
        checkRecursion(functions, functionFiles, problems);
        return new Report(problems.stream().distinct().sorted(IN_FILE_ORDER).toList(), unsafe);
    }

    private static PackageDescr parse(DrlFile file) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, file.text());
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException e) {
            return null;
        }
    }

    // ---- the code scan: every token outside comments and literals, rules, functions and imports alike ----------

    private static void scanCode(DrlFile file, List<Token> tokens, List<RuleProblem> problems) {
        Matcher escape = UNICODE_ESCAPE.matcher(file.text());
        while (escape.find()) {
            int line = file.lineAt(escape.end() - 1);
            problems.add(problem(file, line, "unicode escapes (\\uXXXX) are not allowed in a rule file: type the character itself"));
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.IDENTIFIER) {
                continue;
            }
            if (token.is("package") && i == 0) {
                i = chainEnd(tokens, i + 1) - 1;
            } else if (token.is("import")) {
                i = checkImport(file, tokens, i, problems) - 1;
            } else if (FORBIDDEN.containsKey(token.text()) || token.text().startsWith("getDeclared")) {
                String why = FORBIDDEN.getOrDefault(token.text(), REFLECTION);
                problems.add(problem(file, token.line(), "'" + token.text() + "' is not allowed in a rule file (" + why
                        + "): rules only recommend"));
            } else if (LOOPS.contains(token.text())) {
                problems.add(problem(file, token.line(), "'" + token.text() + "' loops are not allowed in a rule file:"
                        + " functions and consequences only build advice text"));
            } else if (token.is("class") && i > 0 && tokens.get(i - 1).is(".")) {
                problems.add(problem(file, token.line(), "'.class' is not allowed in a rule file (" + REFLECTION
                        + "): rules only recommend"));
            } else if (!(i > 0 && tokens.get(i - 1).is("."))) {
                String type = qualifiedType(tokens, i, chainEnd(tokens, i));
                if (type != null && !allowedType(type)) {
                    problems.add(problem(file, token.line(), "'" + type + "' is not allowed in a rule file" + category(type)
                            + ": rules use only the facts in " + VOCABULARY + " and java.util collections"));
                    i += 2 * type.split("\\.").length - 2; // its segments are reported with it; what follows is scanned on
                }
            }
        }
    }

    /** Checks one import statement; returns the index of the first token after it. */
    private static int checkImport(DrlFile file, List<Token> tokens, int at, List<RuleProblem> problems) {
        int line = tokens.get(at).line();
        int i = at + 1;
        if (i < tokens.size() && (tokens.get(i).is("static") || tokens.get(i).is("function") || tokens.get(i).is("accumulate"))) {
            problems.add(problem(file, line, "'import " + tokens.get(i).text() + "' is not allowed in a rule file: import "
                    + ALLOWED_IMPORTS));
            return chainEnd(tokens, i + 1);
        }
        int end = chainEnd(tokens, i);
        StringBuilder target = new StringBuilder();
        for (int k = i; k < end; k++) {
            target.append(tokens.get(k).text());
        }
        String name = target.toString();
        boolean vocabulary = name.startsWith(VOCABULARY + ".") && name.indexOf('.', VOCABULARY.length() + 1) < 0;
        if (!vocabulary && !ALLOWED_JAVA.contains(name)) {
            problems.add(problem(file, line, "import " + name + " is not allowed in a rule file" + category(name)
                    + ": import " + ALLOWED_IMPORTS));
        }
        return end;
    }

    /** The index just past a dotted name starting at {@code from} (a trailing ".*" included). */
    private static int chainEnd(List<Token> tokens, int from) {
        int i = from + 1;
        while (i + 1 < tokens.size() && tokens.get(i).is(".")
                && (tokens.get(i + 1).kind() == Kind.IDENTIFIER || tokens.get(i + 1).is("*"))) {
            i += 2;
        }
        return Math.min(i, tokens.size());
    }

    /**
     * The class a dotted name refers to when it is written fully qualified ("java.io.File.separator" gives
     * "java.io.File"), or null for a plain value such as {@code $os.name} or {@code folder.length}.
     */
    private static String qualifiedType(List<Token> tokens, int from, int end) {
        String first = tokens.get(from).text();
        if (!Character.isLowerCase(first.charAt(0)) || end - from < 3) {
            return null;
        }
        StringBuilder name = new StringBuilder(first);
        for (int k = from + 2; k < end; k += 2) {
            String segment = tokens.get(k).text();
            name.append('.').append(segment);
            if (Character.isUpperCase(segment.charAt(0))) {
                return name.toString();
            }
        }
        return PACKAGE_ROOTS.contains(first) ? name.toString() : null;
    }

    private static boolean allowedType(String type) {
        return ALLOWED_JAVA.contains(type)
                || type.startsWith(VOCABULARY + ".") && type.indexOf('.', VOCABULARY.length() + 1) < 0;
    }

    private static String category(String name) {
        if (name.startsWith("java.io") || name.startsWith("java.nio") || name.startsWith("java.net")) {
            return " (" + FILES + ")";
        }
        if (name.startsWith("java.lang.reflect") || name.startsWith("java.lang.invoke")) {
            return " (" + REFLECTION + ")";
        }
        return "";
    }

    private static Map<String, String> forbidden() {
        Map<String, String> words = new HashMap<>();
        for (String word : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "SecurityManager",
                "exit", "halt", "exec")) {
            words.put(word, SYSTEM);
        }
        for (String word : List.of("Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "synchronized",
                "wait", "notify", "notifyAll")) {
            words.put(word, THREADS);
        }
        for (String word : List.of("Class", "ClassLoader", "Module", "ModuleLayer", "StackWalker", "Compiler", "forName",
                "getClass", "getClassLoader", "getContextClassLoader", "getMethod", "getMethods", "getField", "getFields",
                "getConstructor", "getConstructors", "newInstance", "setAccessible", "invoke", "loadClass",
                "defineClass", "finalize")) {
            words.put(word, REFLECTION);
        }
        return Map.copyOf(words);
    }

    // ---- the conventions: layers, metadata, salience bands, consequences, unique ids -------------------------------

    private static void checkRule(DrlFile file, RuleDescr rule, List<Token> tokens, Map<String, Site> rowIds,
            List<RuleProblem> problems) {
        Site site = new Site(file.path(), rule.getLine(), rule.getName());
        String row = metadata(rule, RuleBase.ROW);
        String layerName = metadata(rule, LAYER);
        Layer layer = Layer.UNKNOWN;
        if (row != null && layerName != null) {
            problems.add(problem(site, "a rule is a row rule (@row) or a finding rule (@layer), not both"));
        } else if (row != null) {
            layer = Layer.ROW;
            checkRow(site, rule, row, rowIds, problems);
        } else if (layerName != null) {
            layer = Layer.FINDING;
            if (!FINDING_LAYER.equals(layerName)) {
                problems.add(problem(site, "@layer must be \"" + FINDING_LAYER + "\", not \"" + layerName + "\""));
            }
        } else {
            problems.add(problem(site, "a rule is either a row rule (@row, @title, @source, @section) or a finding rule"
                    + " (@layer(\"" + FINDING_LAYER + "\")); this one has neither"));
        }
        checkAttributes(site, rule, layer, problems);
        if (!rule.getNamedConsequences().isEmpty()) {
            problems.add(problem(site, "named consequences (then[...]) are not allowed: a rule has one consequence"));
        } else {
            checkConsequence(site, rule, tokens, layer, problems);
        }
    }

    private static void checkRow(Site site, RuleDescr rule, String row, Map<String, Site> rowIds, List<RuleProblem> problems) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of(RuleBase.TITLE, RuleBase.SOURCE, RuleBase.SECTION)) {
            if (metadata(rule, key) == null) {
                missing.add("@" + key);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(problem(site, "a row rule needs @title, @source and @section: missing " + String.join(", ", missing)));
        }
        if (!ROW_ID.matcher(row).matches()) {
            problems.add(problem(site, "row id \"" + row + "\" must be lowercase words joined by hyphens, such as \"wrong-server-url\""));
        }
        unique(rowIds, row, site, first -> "row id \"" + row + "\" is already used by rule \"" + first.rule() + "\"", problems);
    }

    /** Records where a name is first used; reports any later use, pointing at the first. */
    private static void unique(Map<String, Site> seen, String key, Site site, Function<Site, String> message,
            List<RuleProblem> problems) {
        Site first = seen.putIfAbsent(key, site);
        if (first != null) {
            problems.add(problem(site, message.apply(first) + " at " + first.file() + ":" + first.line()));
        }
    }

    private static void checkAttributes(Site site, RuleDescr rule, Layer layer, List<RuleProblem> problems) {
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (!"salience".equals(attribute.getName()) && !"no-loop".equals(attribute.getName())) {
                problems.add(problem(new Site(site.file(), attribute.getLine(), site.rule()), "attribute '" + attribute.getName()
                        + "' is not used in these rules: the order comes from salience alone"));
            }
        }
        if (layer == Layer.UNKNOWN) {
            return;
        }
        AttributeDescr salience = rule.getAttributes().get("salience");
        String bands = layer == Layer.FINDING ? "finding rules use " + FINDING_SALIENCE
                : "row rules use 300-799 (tables), 200-299 (checklists) or 100-199 (fallbacks)";
        if (salience == null) {
            problems.add(problem(site, "no salience: " + bands));
            return;
        }
        Site at = new Site(site.file(), salience.getLine(), site.rule());
        String value = salience.getValue().strip();
        if (!PLAIN_NUMBER.matcher(value).matches()) {
            problems.add(problem(at, "salience " + value + " must be a plain number: " + bands));
            return;
        }
        long number = Long.parseLong(value);
        boolean inBand = layer == Layer.FINDING ? number == FINDING_SALIENCE
                : number >= LOWEST_ROW_SALIENCE && number <= HIGHEST_ROW_SALIENCE;
        if (!inBand) {
            problems.add(problem(at, "salience " + value + " is outside the bands: " + bands));
        }
    }

    /** A consequence is a list of {@code insert( Factory.of( kcontext, values... ) );} and nothing else. */
    private static void checkConsequence(Site site, RuleDescr rule, List<Token> tokens, Layer layer, List<RuleProblem> problems) {
        List<String> factories = switch (layer) {
            case ROW -> ROW_FACTORIES;
            case FINDING -> FINDING_FACTORIES;
            case UNKNOWN -> concat(ROW_FACTORIES, FINDING_FACTORIES);
        };
        String expected = "the consequence may only insert( " + String.join(" / ", factories) + "( kcontext, ... ) );";
        int then = find(tokens, 0, rule.getConsequenceLine(), "then");
        int end = then < 0 ? -1 : find(tokens, then + 1, rule.getEndLine(), "end");
        if (then < 0 || end < 0) {
            return; // the parser accepted something this scan cannot place; the compiler has the last word
        }
        if (end == then + 1) {
            problems.add(problem(site, "the consequence is empty: " + expected));
            return;
        }
        Cursor cursor = new Cursor(tokens, then + 1, end);
        while (!cursor.done()) {
            Token wrong = insertStatement(cursor, factories);
            if (wrong != null) {
                problems.add(problem(new Site(site.file(), wrong.line(), site.rule()), expected + " found '" + wrong.text() + "'"));
                return;
            }
        }
    }

    /**
     * The first {@code word} on {@code line} at or after {@code from}. Tokens come in line order, so the search starts
     * at the line (a binary search) and stops after it: scanning from the file's start for every rule made the lint
     * quadratic, 4.5 s of the build of a 5,000-row file.
     */
    private static int find(List<Token> tokens, int from, int line, String word) {
        int low = from;
        int high = tokens.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tokens.get(middle).line() < line) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (int i = low; i < tokens.size() && tokens.get(i).line() == line; i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Reads one insert statement; returns the first token that does not fit, or null. */
    private static Token insertStatement(Cursor cursor, List<String> factories) {
        for (String word : List.of("insert", "(")) {
            if (!cursor.next().is(word)) {
                return cursor.last();
            }
        }
        Token type = cursor.next();
        Token dot = cursor.next();
        Token method = cursor.next();
        if (!dot.is(".") || !factories.contains(type.text() + "." + method.text()) || type.kind() != Kind.IDENTIFIER) {
            return type;
        }
        for (String word : List.of("(", "kcontext")) {
            if (!cursor.next().is(word)) {
                return cursor.last();
            }
        }
        Token after = cursor.next();
        if (after.is(",")) {
            int depth = 1;
            while (depth > 0) {
                Token value = cursor.next();
                if (value.is("(") || value.is("[")) {
                    depth++;
                } else if (value.is(")") || value.is("]")) {
                    depth--;
                } else if (NOT_IN_ARGUMENTS.contains(value.text()) && value.kind() != Kind.LITERAL || cursor.ended()) {
                    return value;
                }
            }
        } else if (!after.is(")")) {
            return after;
        }
        for (String word : List.of(")", ";")) {
            if (!cursor.next().is(word)) {
                return cursor.last();
            }
        }
        return null;
    }

    /** Walks the tokens of one consequence; past its end it keeps returning the closing "end" token. */
    private static final class Cursor {
        private final List<Token> tokens;
        private final int end;
        private int at;
        private Token last;

        Cursor(List<Token> tokens, int from, int end) {
            this.tokens = tokens;
            this.at = from;
            this.end = end;
        }

        Token next() {
            last = tokens.get(Math.min(at, end));
            at++;
            return last;
        }

        Token last() {
            return last;
        }

        boolean done() {
            return at >= end;
        }

        boolean ended() {
            return at > end;
        }
    }

    private static String metadata(RuleDescr rule, String key) {
        AnnotationDescr annotation = rule.getAnnotation(key);
        if (annotation == null || !annotation.hasValue() || annotation.getSingleValueStripped() == null) {
            return null;
        }
        String value = annotation.getSingleValueStripped().toString().strip();
        return value.isEmpty() ? null : value;
    }

    /** A function that calls itself, directly or through others, may never return: a diagnosis would hang or crash. */
    private static void checkRecursion(Map<String, FunctionDescr> functions, Map<String, DrlFile> files,
            List<RuleProblem> problems) {
        Map<String, List<String>> calls = new HashMap<>();
        for (Map.Entry<String, FunctionDescr> function : functions.entrySet()) {
            String pkg = function.getKey().substring(0, function.getKey().lastIndexOf('.') + 1);
            List<Token> body = DrlTokens.of(function.getValue().getBody());
            List<String> called = new ArrayList<>();
            for (int i = 0; i + 1 < body.size(); i++) {
                if (functions.containsKey(pkg + body.get(i).text()) && body.get(i + 1).is("(")) {
                    called.add(pkg + body.get(i).text());
                }
            }
            calls.put(function.getKey(), called);
        }
        for (Map.Entry<String, FunctionDescr> function : functions.entrySet()) {
            if (reaches(calls, function.getKey(), function.getKey(), new HashSet<>())) {
                DrlFile file = files.get(function.getKey());
                problems.add(problem(file, function.getValue().getLine(), "function " + function.getValue().getName()
                        + " calls itself (directly or through other functions): a recursion may never end"));
            }
        }
    }

    private static boolean reaches(Map<String, List<String>> calls, String from, String target, Set<String> visited) {
        for (String next : calls.getOrDefault(from, List.of())) {
            if (next.equals(target) || visited.add(next) && reaches(calls, next, target, visited)) {
                return true;
            }
        }
        return false;
    }

    private static RuleProblem problem(Site site, String message) {
        return new RuleProblem(site.file(), site.line(), site.rule(), message);
    }

    private static RuleProblem problem(DrlFile file, int line, String message) {
        return new RuleProblem(file.path(), line, file.ruleAt(line), message);
    }
}
