package org.connectionadvisor.admin;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.rules.Finding;
import org.connectionadvisor.rules.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The house rules for DRL files, checked before every load: each one refuses what it should and passes what it should. */
class RuleLintTest {
    private static final String NOT_ALLOWED = " is not allowed in a rule file";
    private static final String SYSTEM = " (system and process access): rules only recommend";
    private static final String REFLECTION = " (reflection and class loading): rules only recommend";
    private static final String QUALIFIED = ": rules use only the facts in org.connectionadvisor.rules and java.util collections";
    private static final String IMPORTS = ": import org.connectionadvisor.rules.* and java.util.List, Set, Map, Collection,"
            + " Collections, ArrayList, HashMap, HashSet, LinkedHashMap, LinkedHashSet, Arrays, Objects, Optional";
    private static final String ROW_BANDS = "row rules use 300-799 (tables), 200-299 (checklists) or 100-199 (fallbacks)";

    private static List<String> lint(String... texts) {
        List<DrlFile> files = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            files.add(new DrlFile("f" + (i + 1) + ".drl", texts[i]));
        }
        return RuleLint.check(files).problems().stream().map(RuleProblem::format).toList();
    }

    /** A well-formed row rule whose consequence (line 12 and on) is the given text. */
    private static String rowRule(String consequence) {
        return """
                package lint;
                import org.connectionadvisor.rules.*;
                rule "a-row"
                    @row("a-row")
                    @title("A row")
                    @source("CONNECT")
                    @section("test")
                    salience 500
                when
                    $topic : Topic( name == "any" )
                then
                """ + consequence + "\nend\n";
    }

    @Test
    void thePackagedRulesPass() {
        RuleLint.Report report = RuleLint.check(DrlFile.packaged());

        assertThat(report.problems()).isEmpty();
        assertThat(report.unsafe()).isFalse();
    }

    @Test
    void aRuleWrittenTheHouseWayPasses() {
        assertThat(lint("""
                package lint;
                import java.util.List;
                import java.util.Map;
                import org.connectionadvisor.rules.*;
                import org.connectionadvisor.rules.Advice;
                function String folder(String os) {
                    if ("windows-10".equals(os)) {
                        return "6.0";
                    }
                    return List.of("2.0", "4.0").get(0) + Map.of().size();
                }
                rule "Topic: a symptom"
                    @layer("finding")
                    salience 1000
                when
                    $symptoms : List( size > 0 ) from collect( Symptom() )
                then
                    insert( Topic.of( kcontext, "any" ) );
                    insert( Pointer.to( kcontext, "a-row" ) );
                end
                rule "a-row"
                    @row("a-row") @title("A row") @source("CONNECT | SIGNIN") @section("one | two")
                    salience 100
                    no-loop
                when
                    $topic : Topic( name == "any" )
                    $os : Os()
                then
                    insert( Advice.of( kcontext,
                        "The folder " + folder( $os.name() ) + ".",   // a comment with System.exit( 0 ) in it
                        $os.name().isEmpty() ? "no os" : "os " + $os.name(),
                        "/* not a comment */ System.exit( 0 )" ) );
                end
                query "topics"
                    $topic : Topic()
                end
                """)).isEmpty();
    }

    static Stream<Arguments> forbiddenCode() {
        return Stream.of(
                Arguments.of("Runtime.getRuntime()", List.of("'Runtime'" + NOT_ALLOWED + SYSTEM)),
                Arguments.of("new ProcessBuilder( s ).start()", List.of("'ProcessBuilder'" + NOT_ALLOWED + SYSTEM)),
                Arguments.of("System.getenv( s )", List.of("'System'" + NOT_ALLOWED + SYSTEM)),
                Arguments.of("java.lang.System.exit( 1 )", List.of("'java.lang.System'" + NOT_ALLOWED + QUALIFIED,
                        "'exit'" + NOT_ALLOWED + SYSTEM)),
                Arguments.of("Thread.currentThread().getContextClassLoader()", List.of(
                        "'Thread'" + NOT_ALLOWED + " (threads): rules only recommend",
                        "'getContextClassLoader'" + NOT_ALLOWED + REFLECTION)),
                Arguments.of("Class.forName( s )", List.of("'Class'" + NOT_ALLOWED + REFLECTION, "'forName'" + NOT_ALLOWED + REFLECTION)),
                Arguments.of("s.getClass().getDeclaredFields()", List.of("'getClass'" + NOT_ALLOWED + REFLECTION,
                        "'getDeclaredFields'" + NOT_ALLOWED + REFLECTION)),
                Arguments.of("String.class.getMethod( s )", List.of("'.class'" + NOT_ALLOWED + REFLECTION,
                        "'getMethod'" + NOT_ALLOWED + REFLECTION)),
                Arguments.of("java.lang.reflect.Array.getLength( s )", List.of(
                        "'java.lang.reflect.Array'" + NOT_ALLOWED + " (reflection and class loading)" + QUALIFIED)),
                Arguments.of("java.nio.file.Files.readString( null )", List.of(
                        "'java.nio.file.Files'" + NOT_ALLOWED + " (file and network access)" + QUALIFIED)),
                Arguments.of("new java.net.Socket( s, 80 )", List.of(
                        "'java.net.Socket'" + NOT_ALLOWED + " (file and network access)" + QUALIFIED)),
                Arguments.of("new java.io.File( s ).delete()", List.of(
                        "'java.io.File'" + NOT_ALLOWED + " (file and network access)" + QUALIFIED)),
                Arguments.of("org.connectionadvisor.cli.Main.run( null, null, null )", List.of(
                        "'org.connectionadvisor.cli.Main'" + NOT_ALLOWED + QUALIFIED)),
                Arguments.of("picocli.CommandLine.usage( s, null )", List.of("'picocli.CommandLine'" + NOT_ALLOWED + QUALIFIED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenCode")
    void forbiddenCodeInAFunctionIsRefusedAtItsLine(String code, List<String> messages) {
        RuleLint.Report report = RuleLint.check(List.of(new DrlFile("f1.drl", """
                package lint;
                function String f(String s) {
                    return "" + %s;
                }
                """.formatted(code))));

        assertThat(report.problems()).extracting(RuleProblem::format)
                .containsExactlyElementsOf(messages.stream().map(message -> "f1.drl:3: " + message).toList());
        assertThat(report.unsafe()).isTrue();
    }

    @Test
    void forbiddenCodeInAPatternIsRefusedWithTheRule() {
        assertThat(lint("""
                package lint;
                import org.connectionadvisor.rules.*;
                rule "Topic: sneaky"
                    @layer("finding")
                    salience 1000
                when
                    $topic : Topic( name == "any" )
                    eval( Runtime.getRuntime().availableProcessors() > 0 )
                then
                    insert( Topic.of( kcontext, "x" ) );
                end
                """)).containsExactly("f1.drl:8: 'Runtime'" + NOT_ALLOWED + SYSTEM + " (rule \"Topic: sneaky\")");
    }

    @Test
    void importsOutsideTheAllowlistAreRefusedAtTheirLines() {
        assertThat(lint("""
                package lint;
                import java.util.List;
                import java.io.File;
                import java.lang.reflect.Method;
                import java.util.*;
                import java.util.concurrent.Executors;
                import static java.lang.Math.max;
                import function java.lang.System.exit;
                import org.connectionadvisor.ConnectionAdvisor;
                import org.connectionadvisor.rules.Topic;
                import org.connectionadvisor.rules.more.Thing;
                """)).containsExactly(
                "f1.drl:3: import java.io.File" + NOT_ALLOWED + " (file and network access)" + IMPORTS,
                "f1.drl:4: import java.lang.reflect.Method" + NOT_ALLOWED + " (reflection and class loading)" + IMPORTS,
                "f1.drl:5: import java.util.*" + NOT_ALLOWED + IMPORTS,
                "f1.drl:6: import java.util.concurrent.Executors" + NOT_ALLOWED + IMPORTS,
                "f1.drl:7: 'import static'" + NOT_ALLOWED + IMPORTS,
                "f1.drl:8: 'import function'" + NOT_ALLOWED + IMPORTS,
                "f1.drl:9: import org.connectionadvisor.ConnectionAdvisor" + NOT_ALLOWED + IMPORTS,
                "f1.drl:11: import org.connectionadvisor.rules.more.Thing" + NOT_ALLOWED + IMPORTS);
    }

    static Stream<Arguments> consequencesThatDoMore() {
        String row = "the consequence may only insert( Advice.of( kcontext, ... ) ); found ";
        return Stream.of(
                Arguments.of("    modify( $topic ) { }", "f1.drl:12: " + row + "'modify'"),
                Arguments.of("    retract( $topic );", "f1.drl:12: " + row + "'retract'"),
                Arguments.of("    drools.delete( $topic );", "f1.drl:12: " + row + "'drools'"),
                Arguments.of("    insert( new Topic( \"any\", java.util.List.of() ) );", "f1.drl:12: " + row + "'new'"),
                Arguments.of("    insert( Topic.of( kcontext, \"any\" ) );", "f1.drl:12: " + row + "'Topic'"),
                Arguments.of("    insert( Advice.of( kcontext, \"a\" ) );\n    $topic.reasons().clear();", "f1.drl:13: " + row + "'$topic'"),
                Arguments.of("    insert( Advice.of( kcontext, kcontext.getRule().getName() ) );", "f1.drl:12: " + row + "'kcontext'"),
                Arguments.of("    insert( Advice.of( kcontext,\n        text = \"a\" ) );", "f1.drl:13: " + row + "'='"),
                Arguments.of("    insert( Advice.of( kcontext, \"a\", insert( $topic ) ) );", "f1.drl:12: " + row + "'insert'"),
                Arguments.of("    insert( Advice.of( kcontext, \"a\" ) )", "f1.drl:13: " + row + "'end'"),
                Arguments.of("    // nothing", "f1.drl:3: the consequence is empty: the consequence may only insert( Advice.of( kcontext, ... ) );"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consequencesThatDoMore")
    void aConsequenceDoesNothingButInsertAResultFact(String consequence, String problem) {
        assertThat(lint(rowRule(consequence))).containsExactly(problem + " (rule \"a-row\")");
    }

    @Test
    void loopsRecursionUnicodeEscapesAndNamedConsequencesAreRefused() {
        assertThat(lint("""
                package lint;
                import org.connectionadvisor.rules.*;
                function int spin(int n) {
                    while (n > 0) { n--; }
                    for (;;) { }
                }
                function int ping(int n) { return pong(n); }
                function int pong(int n) { return ping(n); }
                function String sneaky() { return "\\u0022 + nothing + \\u0022"; }
                rule "a-row"
                    @row("a-row") @title("A row") @source("CONNECT") @section("test")
                    salience 500
                when
                    $topic : Topic( name == "any" )
                    do[more]
                then
                    insert( Advice.of( kcontext, "a" ) );
                then[more]
                    insert( Advice.of( kcontext, "b" ) );
                end
                """)).containsExactly(
                "f1.drl:4: 'while' loops are not allowed in a rule file: functions and consequences only build advice text",
                "f1.drl:5: 'for' loops are not allowed in a rule file: functions and consequences only build advice text",
                "f1.drl:7: function ping calls itself (directly or through other functions): a recursion may never end",
                "f1.drl:8: function pong calls itself (directly or through other functions): a recursion may never end",
                "f1.drl:9: unicode escapes (\\uXXXX) are not allowed in a rule file: type the character itself",
                "f1.drl:10: named consequences (then[...]) are not allowed: a rule has one consequence (rule \"a-row\")",
                "f1.drl:15: 'do' loops are not allowed in a rule file: functions and consequences only build advice text (rule \"a-row\")");
    }

    @Test
    void layersMetadataAndSalienceFollowTheHouseRules() {
        assertThat(lint("""
                package lint;
                import org.connectionadvisor.rules.*;
                rule "both"
                    @row("both") @title("t") @source("s") @section("s") @layer("finding")
                    salience 500
                when $topic : Topic() then insert( Advice.of( kcontext, "a" ) ); end
                rule "wrong layer"
                    @layer("findings")
                    salience 1000
                when $topic : Topic() then insert( Topic.of( kcontext, "a" ) ); end
                rule "Bad Id"
                    @row("Bad Id") @title("") @source("CONNECT")
                    salience 50
                    agenda-group "late"
                when $topic : Topic() then insert( Advice.of( kcontext, "a" ) ); end
                rule "no-salience"
                    @row("no-salience") @title("t") @source("s") @section("s")
                when $topic : Topic() then insert( Advice.of( kcontext, "a" ) ); end
                rule "dynamic"
                    @row("dynamic") @title("t") @source("s") @section("s")
                    salience $topic.hashCode()
                when $topic : Topic() then insert( Advice.of( kcontext, "a" ) ); end
                rule "Finding: at a row's salience"
                    @layer("finding")
                    salience 300
                when $topic : Topic() then insert( Finding.of( kcontext, "a" ) ); end
                """)).containsExactly(
                "f1.drl:3: a rule is a row rule (@row) or a finding rule (@layer), not both (rule \"both\")",
                "f1.drl:7: @layer must be \"finding\", not \"findings\" (rule \"wrong layer\")",
                "f1.drl:11: a row rule needs @title, @source and @section: missing @title, @section (rule \"Bad Id\")",
                "f1.drl:11: row id \"Bad Id\" must be lowercase words joined by hyphens, such as \"wrong-server-url\" (rule \"Bad Id\")",
                "f1.drl:13: salience 50 is outside the bands: " + ROW_BANDS + " (rule \"Bad Id\")",
                "f1.drl:14: attribute 'agenda-group' is not used in these rules: the order comes from salience alone (rule \"Bad Id\")",
                "f1.drl:16: no salience: " + ROW_BANDS + " (rule \"no-salience\")",
                "f1.drl:21: salience $topic.hashCode() must be a plain number: " + ROW_BANDS + " (rule \"dynamic\")",
                "f1.drl:25: salience 300 is outside the bands: finding rules use 1000 (rule \"Finding: at a row's salience\")");
    }

    @Test
    void rowIdsAreUniqueAcrossFilesAndNamesWithinAPackage() {
        String first = """
                package lint;
                import org.connectionadvisor.rules.*;
                function String text() { return "a"; }
                rule "a-row"
                    @row("a-row") @title("t") @source("s") @section("s")
                    salience 500
                when $topic : Topic() then insert( Advice.of( kcontext, text() ) ); end
                """;
        String second = """
                package other;
                import org.connectionadvisor.rules.*;
                rule "a-row"
                    @row("a-row") @title("t") @source("s") @section("s")
                    salience 400
                when $topic : Topic() then insert( Advice.of( kcontext, "b" ) ); end
                """;

        assertThat(lint(first, second, first.replace("a-row", "b-row"))).containsExactly(
                "f2.drl:3: row id \"a-row\" is already used by rule \"a-row\" at f1.drl:4 (rule \"a-row\")",
                "f3.drl:3: another function already has the name text at f1.drl:3");
        assertThat(lint(first, first.replace("@row(\"a-row\")", "@row(\"b-row\")"))).containsExactly(
                "f2.drl:3: another function already has the name text at f1.drl:3",
                "f2.drl:4: another rule already has this name at f1.drl:4 (rule \"a-row\")");
    }

    @Test
    void codeTheLintRefusesNeverReachesTheCompiler() {
        // The misspelt field would be a compile error; only the lint's problem is reported, so nothing was compiled.
        assertThatThrownBy(() -> RuleBase.compile(List.of(new DrlFile("f1.drl", rowRule(
                "    insert( Advice.of( kcontext, System.getProperty( \"user.home\" ) ) );").replace("name ==", "nam ==")))))
                .isInstanceOf(RulesException.class)
                .hasMessage("f1.drl:12: 'System'" + NOT_ALLOWED + SYSTEM + " (rule \"a-row\")");
    }

    @Test
    void aFileThatDoesNotParseIsStillScannedForForbiddenCode() {
        assertThat(lint("""
                package lint;
                rule "broken" when then System.exit( 0 );
                """)).containsExactly(
                "f1.drl:2: 'System'" + NOT_ALLOWED + SYSTEM + " (rule \"broken\")",
                "f1.drl:2: 'exit'" + NOT_ALLOWED + SYSTEM + " (rule \"broken\")");
    }
}
