package org.connectionadvisor.admin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.connectionadvisor.RuleProblem;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilderResult;

/**
 * Drools' own problems as an admin reads them: a parse error at its line with the rule it is in and without the
 * parser's jargon; anything the builder reports after the subset's checks (which should leave it nothing to say) at
 * the line it gives, in its first line of text.
 */
final class CompileProblems {
    private static final Pattern PARSER_PREFIX = Pattern.compile("^(?:\\[ERR \\d+\\] )?Line (\\d{1,9}):\\d+ ");
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"?([^\"]*)\"?$");
    private static final Pattern MISMATCHED = Pattern.compile("^(?:mismatched input|no viable alternative at input|extraneous input|unexpected exception at input) '(.*?)'.*",
            Pattern.DOTALL);

    private CompileProblems() {
    }

    static RuleProblem parserProblem(DrlFile file, ParserError error) {
        // Only the parser's first line: when the parser itself fails (a lambda in eval), it appends its stack trace.
        String message = firstLine(error.getMessage());
        int lastLine = file.lineAt(file.text().length());
        Matcher prefix = PARSER_PREFIX.matcher(message);
        int row = error.getRow() <= 0 && prefix.find() ? Integer.parseInt(prefix.group(1)) : error.getRow();
        int line = Math.min(Math.max(row, 1), lastLine);
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
        return new RuleProblem(file.path(), line, rule, message);
    }

    /** What the builder reported, each at the file and line it names. */
    static List<RuleProblem> of(Collection<KnowledgeBuilderResult> results, List<DrlFile> files) {
        Map<String, DrlFile> byPath = files.stream().collect(Collectors.toMap(DrlFile::path, Function.identity(), (a, b) -> a));
        return results.stream().map(result -> {
            String path = result.getResource() == null ? "?" : result.getResource().getSourcePath();
            int line = result.getLines().length == 0 ? 0 : Math.max(0, result.getLines()[0]);
            DrlFile file = byPath.get(path);
            return new RuleProblem(path, line, file == null ? null : file.ruleAt(line), firstLine(result.getMessage()));
        }).toList();
    }

    static String firstLine(String message) {
        String stripped = message == null ? "" : message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
