package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.junit.jupiter.api.Test;

/**
 * Files Drools cannot parse: each parse error at its line with its rule, once; such a file is never compiled from its
 * text; and every file is checked, so a problem in one hides none in another.
 */
class CompileProblemsTest {
    static List<String> problems(DrlFile... files) {
        RulesException refused = catchThrowableOfType(() -> RuleCompiler.compile(List.of(files)), RulesException.class);
        assertThat(refused).as("the rules compiled").isNotNull();
        return refused.problems().stream().map(RuleProblem::format).toList();
    }

    @Test
    void aSyntaxErrorIsReportedOnceAtItsLineWithItsRule() {
        assertThat(problems(new DrlFile("c.drl", """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "unclosed"
                    @row("unclosed") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any"
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """))).containsExactly("c.drl:8: syntax error at 'then' (an unclosed parenthesis or quote, or a missing \"then\""
                + " or \"end\", just before it?) (rule \"unclosed\")");
        assertThat(problems(new DrlFile("c.drl", """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "no-end"
                    @row("no-end") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                """))).containsExactly("c.drl:10: syntax error: the file ends too early (a missing \"end\", quote or parenthesis?)"
                + " (rule \"no-end\")");
    }

    /** Compiling the text would report the function's and the consequence's Java errors too: only the parse error comes. */
    @Test
    void aFileThatDoesNotParseIsNeverCompiledFromItsText() {
        assertThat(problems(new DrlFile("c.drl", """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                function void quit() { System.exit( "not a number" ); }
                rule "unclosed"
                    @row("unclosed") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any"
                then
                    quit( undefinedVariable );
                end
                """))).containsExactly("c.drl:9: syntax error at 'then' (an unclosed parenthesis or quote, or a missing \"then\""
                + " or \"end\", just before it?) (rule \"unclosed\")");
    }

    @Test
    void everyFileIsCheckedAndAProblemInOneHidesNoneInAnother() {
        String rule = """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "%s"
                    @row("%s") @title("t") @source("s") @section("s")
                    salience 500
                when
                    %s
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """;
        assertThat(problems(
                new DrlFile("a.drl", rule.formatted("a", "a", "Topic( name == \"any\"")),
                new DrlFile("b.drl", rule.formatted("b", "b", "Topic( name matches \"any\" )")),
                new DrlFile("c.drl", rule.formatted("c", "c", "Topic( name == ((((((((((\"any\")))))))))) )")),
                new DrlFile("d.drl", rule.formatted("d", "b", "Topic( name == \"any\" )")))).containsExactly(
                "a.drl:8: syntax error at 'then' (an unclosed parenthesis or quote, or a missing \"then\" or \"end\", just before"
                        + " it?) (rule \"a\")",
                "b.drl:7: the operator 'matches' is not in the subset: ==, !=, <, <=, >, >=, in and not in are (no matches,"
                        + " contains, memberOf, soundslike or str) (rule \"b\")",
                "c.drl:7: brackets nest more than 8 deep here; the subset needs at most 3 (an in list, in a pattern, in a collect"
                        + " or an or) (rule \"c\")",
                "d.drl:4: row id \"b\" is already used by rule \"b\" at b.drl:4 (rule \"d\")");
    }

    /** A file of errors on every line: the lines are found in one pass, and only the first errors are listed. */
    @Test
    void aFileOfErrorsIsReportedInBoundedTimeAndLines() {
        String text = "package org.connectionadvisor.drl;\n" + "import ;\n".repeat(10_000);
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> problems(new DrlFile("c.drl", text)));
        assertThat(problems).hasSize(RuleSubset.MAX_PARSE_PROBLEMS + 1);
        assertThat(problems.get(problems.size() - 1)).isEqualTo("c.drl:10002: 4950 more syntax errors in this file are not listed;"
                + " mend the first ones and validate again");
    }
}
