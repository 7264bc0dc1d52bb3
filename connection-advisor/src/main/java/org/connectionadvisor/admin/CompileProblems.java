package org.connectionadvisor.admin;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.input.Vocabulary;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Confirmed;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Detail;
import org.connectionadvisor.rules.Finding;
import org.connectionadvisor.rules.Os;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Topic;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.FunctionError;
import org.drools.compiler.compiler.ImportError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.jci.CompilationProblem;

/**
 * Drools' compile errors made precise and readable: a consequence or function error at the line inside it (Drools
 * reports where the rule or function starts), an import error at its import line, no "Parser returned a null
 * Package" echo, no MVEL caret diagrams, and the rule each problem belongs to.
 */
public final class CompileProblems {
    /** The fact types rules match on, for "did you mean" on a misspelt type and field lists on a misspelt field. */
    static final List<Class<?>> VOCABULARY = List.of(Symptom.class, Context.class, Product.class, Scope.class, Client.class,
            Os.class, Release.class, Confirmed.class, Topic.class, Finding.class, Detail.class, Advice.class);

    /*
     * Drools compiles a consequence into a method of a generated class and records the line of that method in
     * RuleDescr.getConsequenceOffset(); the consequence text starts CONSEQUENCE_LINES lines further down. A function
     * body starts FUNCTION_LINES lines below FunctionDescr.getOffset(). Tests pin both for the Drools version in use.
     */
    private static final int CONSEQUENCE_LINES = 4;
    private static final int FUNCTION_LINES = 1;

    private static final String DUPLICATE_NAME = "Duplicate rule name";
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"?([^\"]*)\"?$");
    private static final Pattern MISMATCHED = Pattern.compile("^(?:mismatched input|no viable alternative at input|extraneous input) '(.*?)'.*",
            Pattern.DOTALL);
    private static final Pattern UNRESOLVED_MEMBER = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)");
    private static final Pattern ANALYSE = Pattern.compile("^Unable to Analyse Expression (.*?):\\s*\\n", Pattern.DOTALL);
    private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: ([^\\]]*)\\]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("^Unable to resolve ObjectType '([^']*)'");
    private static final Pattern GENERATED_TYPE = Pattern.compile(" for the type Rule_\\w+");
    private static final Pattern IMPORT_CASCADE = Pattern.compile("^(The import .* cannot be resolved|Only a type can be imported.*)");

    private CompileProblems() {
    }

    public static List<RuleProblem> of(Collection<KnowledgeBuilderResult> results, List<DrlFile> files) {
        Map<String, DrlFile> byPath = files.stream().collect(Collectors.toMap(DrlFile::path, Function.identity(), (a, b) -> a));
        Set<String> failedFunctions = new HashSet<>();
        for (KnowledgeBuilderResult result : results) {
            if (result instanceof FunctionError function) {
                failedFunctions.add(function.getFunctionDescr().getName());
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : results) {
            String path = path(result);
            DrlFile file = byPath.getOrDefault(path, new DrlFile(path, ""));
            if (result instanceof ParserError parser) {
                parserProblem(file, parser).ifPresent(problems::add);
            } else if (result instanceof RuleBuildError rule && rule.getDescr() instanceof RuleDescr descr) {
                problems.addAll(consequenceProblems(file, rule, descr, failedFunctions));
            } else if (result instanceof FunctionError function) {
                problems.addAll(functionProblems(file, function));
            } else if (result instanceof ImportError importError) {
                importProblem(file, importError, failedFunctions).ifPresent(problems::add);
            } else if (result instanceof DescrBuildError descr) {
                problems.add(patternProblem(file, descr));
            } else {
                int line = result.getLines().length == 0 ? 0 : Math.max(0, result.getLines()[0]);
                problems.add(new RuleProblem(path, line, file.ruleAt(line), firstLine(result.getMessage())));
            }
        }
        if (problems.isEmpty()) {
            // Only a duplicate name (the lint reports it, with both places) may leave nothing; anything else would
            // hide a failed build, so it is passed on as Drools said it.
            results.stream().filter(result -> !result.getMessage().startsWith(DUPLICATE_NAME)).forEach(result -> problems.add(
                    new RuleProblem(path(result), 0, null, firstLine(result.getMessage()))));
        }
        return withoutEchoes(problems);
    }

    /** Drools sometimes says one thing twice, once with and once without the rule: the first, with the rule, stays. */
    private static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        Map<String, RuleProblem> kept = new LinkedHashMap<>();
        for (RuleProblem problem : problems) {
            kept.merge(problem.file() + ":" + problem.line() + ":" + problem.message(), problem,
                    (first, again) -> first.rule() == null ? new RuleProblem(first.file(), first.line(), again.rule(), first.message()) : first);
        }
        return List.copyOf(kept.values());
    }

    private static String path(KnowledgeBuilderResult result) {
        return result.getResource() == null ? "?" : result.getResource().getSourcePath();
    }

    private static Optional<RuleProblem> parserProblem(DrlFile file, ParserError error) {
        String message = error.getMessage().strip();
        if (message.startsWith("Parser returned a null Package") || message.startsWith(DUPLICATE_NAME)) {
            return Optional.empty(); // an echo of the errors before it; duplicates are the lint's, with both places
        }
        int lastLine = file.lineAt(file.text().length());
        int line = Math.min(Math.max(error.getRow(), 1), lastLine);
        message = PARSER_PREFIX.matcher(message).replaceFirst("");
        Matcher inRule = IN_RULE.matcher(message);
        String rule = inRule.find() ? inRule.group(1) : file.ruleAt(line);
        message = IN_RULE.matcher(message).replaceFirst("");
        Matcher mismatched = MISMATCHED.matcher(message);
        if (mismatched.matches()) {
            String near = mismatched.group(1);
            message = near.isEmpty() || "<eof>".equals(near)
                    ? "syntax error: the file ends too early (a missing \"end\", quote or parenthesis?)"
                    : "syntax error at '" + near + "' (an unclosed parenthesis or quote, or a missing \"then\" or \"end\", just before it?)";
        } else {
            message = "syntax error: " + message;
        }
        return Optional.of(new RuleProblem(file.path(), line, rule, message));
    }

    /** Each Java error in a consequence, at the consequence line it is on. */
    private static List<RuleProblem> consequenceProblems(DrlFile file, RuleBuildError error, RuleDescr rule,
            Set<String> failedFunctions) {
        int textLine = firstCodeLine(file, file.lineStart(rule.getConsequenceLine()) + rule.getConsequencePattern() + "then".length());
        List<RuleProblem> problems = new ArrayList<>();
        for (CompilationProblem problem : compilationProblems(error.getObject())) {
            String message = GENERATED_TYPE.matcher(problem.getMessage().strip()).replaceAll("");
            boolean callsFailedFunction = failedFunctions.stream().anyMatch(name -> message.startsWith("The method " + name + "("));
            int line = textLine + problem.getStartLine() - rule.getConsequenceOffset() - CONSEQUENCE_LINES;
            boolean inConsequence = line >= textLine && line <= rule.getEndLine();
            if (callsFailedFunction || !inConsequence && IMPORT_CASCADE.matcher(message).matches()) {
                continue; // the function's or the import's own error says it at the right place
            }
            problems.add(new RuleProblem(file.path(), inConsequence ? line : rule.getLine(), rule.getName(),
                    inConsequence ? message : message + " (in the consequence)"));
        }
        if (problems.isEmpty() && compilationProblems(error.getObject()).isEmpty()) {
            problems.add(new RuleProblem(file.path(), rule.getLine(), rule.getName(), firstLine(error.getMessage())));
        }
        return problems;
    }

    private static List<RuleProblem> functionProblems(DrlFile file, FunctionError error) {
        FunctionDescr function = error.getFunctionDescr();
        int brace = file.text().indexOf('{', file.lineStart(function.getLine()));
        int textLine = firstCodeLine(file, brace + 1);
        List<RuleProblem> problems = new ArrayList<>();
        for (CompilationProblem problem : compilationProblems(error.getObject())) {
            int line = textLine + problem.getStartLine() - function.getOffset() - FUNCTION_LINES;
            problems.add(new RuleProblem(file.path(), line >= function.getLine() ? line : function.getLine(), null,
                    "in function " + function.getName() + ": " + problem.getMessage().strip()));
        }
        if (problems.isEmpty()) {
            problems.add(new RuleProblem(file.path(), function.getLine(), null,
                    "in function " + function.getName() + ": " + firstLine(error.getMessage())));
        }
        return problems;
    }

    /** Drools reports a bad import at a wrong line (or none): the import statement's own line is found here. */
    private static Optional<RuleProblem> importProblem(DrlFile file, ImportError error, Set<String> failedFunctions) {
        String target = error.getGlobal();
        if (failedFunctions.stream().anyMatch(name -> target.endsWith("." + name))) {
            return Optional.empty(); // the import Drools makes for a function that did not compile
        }
        Matcher statement = Pattern.compile("(?m)^\\s*import\\s+" + Pattern.quote(target) + "\\s*;?\\s*$").matcher(file.text());
        int line = statement.find() ? file.lineAt(statement.start()) : Math.max(0, error.getLines()[0]);
        return Optional.of(new RuleProblem(file.path(), line, null, "cannot import " + target + ": there is no such class"));
    }

    /** A pattern (when part) error: MVEL's message reduced to what is wrong, at the line of the expression. */
    private static RuleProblem patternProblem(DrlFile file, DescrBuildError error) {
        String message = error.getMessage();
        BaseDescr descr = error.getDescr();
        int line = error.getLine() > 0 ? error.getLine() : locate(file, error.getParentDescr(), expression(descr, message));
        String rule = error.getParentDescr() instanceof RuleDescr parent ? parent.getName() : file.ruleAt(line);
        return new RuleProblem(file.path(), line, rule, readable(message));
    }

    static String readable(String message) {
        Matcher unknownType = UNKNOWN_TYPE.matcher(message);
        if (unknownType.find()) {
            String type = unknownType.group(1);
            List<String> names = VOCABULARY.stream().map(Class::getSimpleName).toList();
            return "unknown fact type '" + type + "'" + Vocabulary.closest(type, names).map(near -> " (did you mean '" + near + "'?)")
                    .orElse("") + ": the facts are " + String.join(", ", names) + ", imported from org.connectionadvisor.rules";
        }
        Matcher member = UNRESOLVED_MEMBER.matcher(message);
        if (member.find()) {
            return unknownMember(member.group(1), member.group(2));
        }
        Matcher analyse = ANALYSE.matcher(message);
        Matcher mvel = MVEL_ERROR.matcher(message);
        if (analyse.find() && mvel.find()) {
            return "cannot read '" + analyse.group(1).strip() + "': " + mvel.group(1).strip();
        }
        return firstLine(message);
    }

    private static String unknownMember(String typeName, String member) {
        if (member.startsWith("$")) {
            return "'" + member + "' is not bound in this rule: bind it in an earlier pattern (" + member + " : Type( ... ))";
        }
        String simpleName = typeName.substring(typeName.lastIndexOf('.') + 1);
        Optional<Class<?>> type = VOCABULARY.stream().filter(c -> c.getName().equals(typeName)).findFirst();
        if (type.isEmpty() || !type.get().isRecord()) {
            return simpleName + " has no field '" + member + "'";
        }
        List<String> fields = Arrays.stream(type.get().getRecordComponents()).map(RecordComponent::getName).toList();
        return simpleName + " has no field '" + member + "'" + Vocabulary.closest(member, fields)
                .map(near -> " (did you mean '" + near + "'?)").orElse("") + ": its fields are " + String.join(", ", fields);
    }

    /** The text of the expression an error is about: the descr's own, else the one MVEL's message quotes. */
    private static String expression(BaseDescr descr, String message) {
        if (descr != null && descr.getText() != null && !descr.getText().isBlank()) {
            return descr.getText().strip();
        }
        Matcher analyse = ANALYSE.matcher(message);
        return analyse.find() ? analyse.group(1).strip() : null;
    }

    /** Drools gives some pattern errors no line: the expression is looked up in the rule's text instead. */
    private static int locate(DrlFile file, BaseDescr rule, String expression) {
        int from = rule == null || rule.getLine() < 1 ? 0 : file.lineStart(rule.getLine());
        int at = expression == null ? -1 : file.text().indexOf(expression, from);
        if (at >= 0) {
            return file.lineAt(at);
        }
        return rule == null ? 0 : Math.max(rule.getLine(), 0);
    }

    /** The line of the first character after {@code offset} that is not whitespace: where Drools' code text starts. */
    private static int firstCodeLine(DrlFile file, int offset) {
        int i = Math.max(offset, 0);
        while (i < file.text().length() && Character.isWhitespace(file.text().charAt(i))) {
            i++;
        }
        return file.lineAt(i);
    }

    private static List<CompilationProblem> compilationProblems(Object problems) {
        if (!(problems instanceof Object[] array)) {
            return List.of();
        }
        return Arrays.stream(array).filter(CompilationProblem.class::isInstance).map(CompilationProblem.class::cast)
                .filter(CompilationProblem::isError).toList();
    }

    private static String firstLine(String message) {
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
