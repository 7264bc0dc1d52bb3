package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.junit.jupiter.api.Test;

/**
 * Drools' compile errors as an admin gets them: at the line that is wrong (Drools reports a consequence or function
 * error where the rule or function starts), without echoes, with the rule's name.
 */
class CompileProblemsTest {
    private static List<String> problems(String drl) {
        RulesException refused = catchThrowableOfType(() -> RuleCompiler.compile(List.of(new DrlFile("c.drl", drl))),
                RulesException.class);
        assertThat(refused).as("the rules compiled").isNotNull();
        return refused.problems().stream().map(RuleProblem::format).toList();
    }

    @Test
    void aConsequenceErrorIsReportedAtItsOwnLineWhateverTheLayout() {
        assertThat(problems("""
                package compile;
                import org.connectionadvisor.rules.*;
                rule "same-line"
                    @row("same-line") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic()
                then insert( Advice.of( kcontext, missingOne ) );
                end
                rule "after-comments"
                    @row("after-comments") @title("t") @source("s") @section("s")
                    salience 400
                when
                    $topic : Topic()
                then

                    // a comment first
                    /* and a block
                       comment */ insert( Advice.of( kcontext, "fine" ) );
                    insert( Advice.of( kcontext, missingTwo ) );
                end
                rule "after-an-eval"
                    @row("after-an-eval") @title("t") @source("s") @section("s")
                    salience 300
                when
                    $topic : Topic()
                    eval( $topic.name().length() > 1 )
                then
                    insert( Advice.of( kcontext, "fine",
                        $topic.nme() ) );
                end
                rule "one-line" @row("one-line") @title("t") @source("s") @section("s") salience 200 when $topic : Topic() then insert( Advice.of( kcontext, "x", missingThree ) ); end
                """)).containsExactly(
                "c.drl:8: missingOne cannot be resolved to a variable (rule \"same-line\")",
                "c.drl:20: missingTwo cannot be resolved to a variable (rule \"after-comments\")",
                "c.drl:30: The method nme() is undefined for the type Topic (rule \"after-an-eval\")",
                "c.drl:32: missingThree cannot be resolved to a variable (rule \"one-line\")");
    }

    @Test
    void aFunctionErrorIsReportedAtItsLineAndCallsToTheFunctionAddNoEcho() {
        assertThat(problems("""
                package compile;
                import org.connectionadvisor.rules.*;

                function String label(String s) {
                    String t = s;

                    return t.nope()
                        + zz;
                }
                function String other(String s) { return s.bad(); }
                rule "uses-label"
                    @row("uses-label") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic()
                then
                    insert( Advice.of( kcontext, label( $topic.name() ), other( "x" ) ) );
                end
                """)).containsExactly(
                "c.drl:7: in function label: The method nope() is undefined for the type String",
                "c.drl:8: in function label: zz cannot be resolved to a variable",
                "c.drl:10: in function other: The method bad() is undefined for the type String");
    }

    @Test
    void aSyntaxErrorIsReportedOnceWithoutTheNullPackageEcho() {
        assertThat(problems("""
                package compile;
                import org.connectionadvisor.rules.*;
                rule "unclosed"
                    @row("unclosed") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic( name == "any"
                then
                    insert( Advice.of( kcontext, "x" ) );
                end
                """)).containsExactly("c.drl:8: syntax error at 'then' (an unclosed parenthesis or quote, or a missing \"then\""
                + " or \"end\", just before it?) (rule \"unclosed\")");
        assertThat(problems("""
                package compile;
                import org.connectionadvisor.rules.*;
                rule "no-end"
                    @row("no-end") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic()
                then
                    insert( Advice.of( kcontext, "x" ) );
                """)).containsExactly("c.drl:10: syntax error: the file ends too early (a missing \"end\", quote or parenthesis?)"
                + " (rule \"no-end\")");
    }

    @Test
    void aMissingClassIsReportedAtItsImportLine() {
        assertThat(problems("""
                package compile;

                import org.connectionadvisor.rules.Advice;
                import org.connectionadvisor.rules.Nope;
                import org.connectionadvisor.rules.Topic;
                rule "fine"
                    @row("fine") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic()
                then
                    insert( Advice.of( kcontext, "x" ) );
                end
                """)).containsExactly("c.drl:4: cannot import org.connectionadvisor.rules.Nope: there is no such class");
    }

    @Test
    void patternErrorsNameTheFactFieldOrBindingWithoutMvelsDiagrams() {
        assertThat(problems("""
                package compile;
                import org.connectionadvisor.rules.*;
                rule "unknown-type"
                    @row("unknown-type") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topik( name == "any" )
                then
                    insert( Advice.of( kcontext, "x" ) );
                end
                rule "unbound"
                    @row("unbound") @title("t") @source("s") @section("s")
                    salience 400
                when
                    $topic : Topic()
                    $other : Topic( name == $nowhere )
                then
                    insert( Advice.of( kcontext, "x" ) );
                end
                rule "misspelt-field"
                    @row("misspelt-field") @title("t") @source("s") @section("s")
                    salience 300
                when
                    $versions : Versions( serverYaer > 2010 )
                then
                    insert( Advice.of( kcontext, "x" ) );
                end
                """)).containsExactly(
                "c.drl:7: unknown fact type 'Topik' (did you mean 'Topic'?): the facts are Product, Scope, Client, Os,"
                        + " Versions, Symptom, Context, Topic, Finding, Pointer, Advice, imported from org.connectionadvisor.rules"
                        + " (rule \"unknown-type\")",
                "c.drl:16: '$nowhere' is not bound in this rule: bind it in an earlier pattern ($nowhere : Type( ... ))"
                        + " (rule \"unbound\")",
                "c.drl:24: Versions has no field 'serverYaer' (did you mean 'serverYear'?): its fields are visualStudioYear,"
                        + " serverYear (rule \"misspelt-field\")");
    }
}
