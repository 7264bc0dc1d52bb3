package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectionadvisor.admin.CompileProblemsTest.problems;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.connectionadvisor.engine.RuleBase;
import org.connectionadvisor.engine.Session;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Release;
import org.connectionadvisor.rules.Setting;
import org.connectionadvisor.rules.Symptom;
import org.junit.jupiter.api.Test;

/**
 * The subset's own checks, each at the line that is wrong and naming what is allowed instead, and what it accepts:
 * every form the grammar has compiles, and a consequence is compiled as the subset writes it back. The attacks the
 * subset refuses are AttackTest's fixtures.
 */
class RuleSubsetTest {
    private static final String SHAPE = "a consequence is exactly insertLogical( Advice.of( kcontext, \"text\", ... ) ); in a row rule,"
            + " or insertLogical( Topic.of | Topic.firstSteps | Finding.of | Detail.of( kcontext, ... ) ); in a finding rule";
    private static final String HEAD = """
            package org.connectionadvisor.drl;
            import java.util.List;
            import org.connectionadvisor.rules.*;
            """;

    private static List<String> problemsOf(String rules) {
        return problems(new DrlFile("c.drl", HEAD + rules));
    }

    @Test
    void aConsequenceProblemIsReportedAtItsOwnLineWhateverTheLayout() {
        assertThat(problemsOf("""
                rule "same-line"
                    @row("same-line") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                then insertLogical( Advice.of( kcontext, missingOne ) );
                end
                rule "after-comments"
                    @row("after-comments") @title("t") @source("s") @section("s")
                    salience 400
                when
                    Topic( name == "any" )
                then

                    // a comment first
                    /* and a block
                       comment */ insertLogical( Advice.of( kcontext, "fine",
                                        "also fine" + missingTwo ) );
                end
                rule "one-line" @row("one-line") @title("t") @source("s") @section("s") salience 200 when Topic( name == "any" ) then insertLogical( Advice.of( kcontext, "x" ) ); insertLogical( Advice.of( kcontext, "y" ) ); end
                """)).containsExactly(
                "c.drl:9: 'missingOne' is not in the subset: a text is string literals in double quotes, joined with + (rule \"same-line\")",
                "c.drl:21: 'missingTwo' is not in the subset: a text is string literals in double quotes, joined with +"
                        + " (rule \"after-comments\")",
                "c.drl:23: a consequence is one statement; 'insertLogical( Advice.of( kcontext, \"y\" ) );' is a second one"
                        + " (rule \"one-line\")");
    }

    @Test
    void aConsequenceThatIsNotJavaOrNotTheFactoriesIsRefused() {
        assertThat(problemsOf("""
                rule "not-java"
                    @row("not-java") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) ;
                end
                rule "wrong-factory"
                    @layer("finding")
                    salience 1000
                when
                    Topic( name == "any" )
                then
                    insertLogical( new Topic( "t", false, null, null, null, null, null ) );
                end
                rule "wrong-arguments"
                    @layer("finding")
                    salience 1000
                when
                    Topic( name == "any" )
                then
                    insertLogical( Detail.of( kcontext, "key" + "s", "text" ) );
                end
                rule "empty"
                    @layer("finding")
                    salience 1000
                when
                    Topic( name == "any" )
                then
                end
                """)).containsExactly(
                "c.drl:10: the consequence does not read as Java (Parse error. Found \";\"); " + SHAPE + " (rule \"not-java\")",
                "c.drl:18: insertLogical may insert only what Advice.of, Topic.of, Topic.firstSteps, Finding.of or Detail.of make;"
                        + " found 'insertLogical( new Topic( \"t\", false, null, null, null, n...' (rule \"wrong-factory\")",
                "c.drl:26: '\"key\" + \"s\"' is not in the subset: a name is one string literal in double quotes (rule \"wrong-arguments\")",
                "c.drl:33: the consequence is empty; " + SHAPE + " (rule \"empty\")");
    }

    @Test
    void patternProblemsNameTheFactTheFieldOrTheBinding() {
        assertThat(problemsOf("""
                rule "patterns"
                    @row("patterns") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                    Topik( name == "any" )
                    not Release( of == $nowhere.of )
                    $visualStudio : Release( of == "visual-studio", vresion > 2013 )
                    not Release( version > $visualStudio.name )
                    not Topic( name == "x", $t : client )
                    exists $bound : Symptom()
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                rule "bindings"
                    @row("bindings") @title("t") @source("s") @section("s")
                    salience 500
                when
                    $topic : Topic( name == "any" )
                    $topic : Symptom( code == "other" )
                    topic : Symptom( code == "more" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """)).containsExactly(
                "c.drl:9: unknown fact type 'Topik' (did you mean 'Topic'?): the facts are Symptom, Context, Product, Scope, Client, Os,"
                        + " Release, Confirmed, Topic, Finding (rule \"patterns\")",
                "c.drl:10: '$nowhere' is not bound before this pattern: bind it in an earlier one, as $nowhere : Fact( ... ) (rule \"patterns\")",
                "c.drl:11: Release has no field 'vresion' (did you mean 'version'?): its fields are of, version (rule \"patterns\")",
                "c.drl:12: Release has no field 'name': its fields are of, version (rule \"patterns\")",
                "c.drl:13: '$t' is not in the subset here: a constraint starts with a field of the fact; " + Constraint.SHAPE
                        + " (rule \"patterns\")",
                "c.drl:14: a binding is not in the subset here: only a pattern of its own or List() from collect is bound, as $x :"
                        + " Fact( ... ) (rule \"patterns\")",
                "c.drl:23: $topic is already bound at line 22; bind each fact once (rule \"bindings\")",
                "c.drl:24: binding 'topic' is not in the subset: a binding is $ and a name, as $visualStudio (rule \"bindings\")");
    }

    @Test
    void aValueMustFitItsField() {
        assertThat(problemsOf("""
                rule "values"
                    @row("values") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == 2013 )
                    $server : Release( version >= "2013" )
                    not Release( version > $server.of )
                    not Symptom( code in ( "a", $server.of ) )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """)).containsExactly(
                "c.drl:8: Topic.name is text: compare it with \"text\" in double quotes, not with 2013 (rule \"values\")",
                "c.drl:9: Release.version is a number: compare it with a number, as 2013.2, not with \"2013\" (rule \"values\")",
                "c.drl:10: Release.version is a number: compare it with a number, as 2013.2, not with $server.of (rule \"values\")",
                "c.drl:11: '$server' is not a literal: write \"text\" in double quotes or a number such as 2013.2 (rule \"values\")");
    }

    @Test
    void theCatalogOfRowsAndFindingsIsChecked() {
        assertThat(problems(new DrlFile("a.drl", HEAD + """
                rule "Table: any"
                    @layer("finding")
                    salience 1000
                when
                    Symptom()
                then
                    insertLogical( Topic.of( kcontext, "any" ) );
                end
                rule "no-table-first"
                    @row("no-table-first") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Symptom()
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                rule "Finding: advice"
                    @layer("finding") @title("A finding with a title")
                    salience 1000
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                rule "row-topic"
                    @row("row-topic") @title("t") @source("s") @section("s")
                    salience 500
                when
                    ( Topic( name == "any" ) or Topic( name == "other" ) )
                then
                    insertLogical( Topic.of( kcontext, "x" ) );
                end
                rule "Bad_Id"
                    @row("Bad_Id") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "Open {cache-folder}, then {missing-key}." ) );
                end
                rule "twice"
                    @row("twice") @title("t") @source("s") @section("s") @row("again")
                    salience 500
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                rule "Finding: layer"
                    @layer("table")
                    salience 1000
                when
                then
                    insertLogical( Finding.of( kcontext, "x" ) );
                end
                rule "no-salience"
                    @row("no-salience") @title("t") @source("s") @section("s")
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """), new DrlFile("b.drl", HEAD + """
                rule "Table: any"
                    @layer("finding")
                    salience 1000
                when
                    Os( name == "windows-10" )
                then
                    insertLogical( Detail.of( kcontext, "cache-folder", "C:\\\\Cache" ) );
                end
                """))).containsExactly(
                "a.drl:16: a row rule's first condition is its table: Topic( name == \"...\" ), or ( Topic( name == \"...\" ) or"
                        + " Topic( name == \"...\" ) ) (rule \"no-table-first\")",
                "a.drl:22: @title belongs to row rules: a finding rule has only @layer(\"finding\") (rule \"Finding: advice\")",
                "a.drl:27: a finding rule inserts Topic.of, Topic.firstSteps, Finding.of or Detail.of; Advice.of is for row rules (@row,"
                        + " @title, @source, @section) (rule \"Finding: advice\")",
                "a.drl:35: a row rule inserts Advice.of( kcontext, ... ); Topic.of is for finding rules (rule \"row-topic\")",
                "a.drl:38: row id \"Bad_Id\" is not lowercase words joined by hyphens, as \"remote-needs-proxy\" (rule \"Bad_Id\")",
                "a.drl:43: {missing-key} has no wording: no rule inserts Detail.of( kcontext, \"missing-key\", ... ); add a finding rule"
                        + " for each case (rule \"Bad_Id\")",
                "a.drl:46: @row appears more than once: a rule has one (rule \"twice\")",
                "a.drl:54: @layer(\"table\") is not in the subset: the one layer is @layer(\"finding\") (rule \"Finding: layer\")",
                "a.drl:60: a row rule needs a salience: row rules use 300-799 (tables), 200-299 (checklists) or 100-199 (fallbacks)"
                        + " (rule \"no-salience\")",
                "b.drl:4: rule name \"Table: any\" is already used at a.drl:4; rule names are unique across files (rule \"Table: any\")");
    }

    @Test
    void aFileNeedsThePackageAndTheImportsOfWhatItUses() {
        assertThat(problems(new DrlFile("c.drl", """
                // no package line
                import org.connectionadvisor.rules.Advice;
                import org.connectionadvisor.rules.Provenance;
                rule "imports"
                    @row("imports") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                    List() from collect( Symptom() )
                then
                    insertLogical( Advice.of( kcontext, "x" ) );
                end
                """))).containsExactly(
                "c.drl:1: the file has no package line: a rule file starts with package org.connectionadvisor.drl;",
                "c.drl:3: import org.connectionadvisor.rules.Provenance is not allowed: a rule file imports"
                        + " org.connectionadvisor.rules.* (or its facts, Advice and Detail by name) and java.util.List",
                "c.drl:8: Topic is not imported: add import org.connectionadvisor.rules.*; (rule \"imports\")",
                "c.drl:9: List is not imported: add import java.util.List; (rule \"imports\")",
                "c.drl:9: Symptom is not imported: add import org.connectionadvisor.rules.*; (rule \"imports\")");
    }

    /** Every form of the grammar, compiled and matched: what the subset writes back means what the admin wrote. */
    @Test
    void everyFormOfTheGrammarCompilesAndMeansWhatItSays() {
        RuleBase rules = RuleCompiler.compile(List.of(new DrlFile("c.drl", HEAD + """
                rule "Table: every form"
                    @layer("finding")
                    salience 1000
                when
                    $visualStudio : Release( of == "visual-studio", version >= 2013.2, version < 2020 )
                    Release( of == "server", version > $visualStudio.version, version != 2019.1, version <= 2019.9 )
                    ( Symptom( code in ( "TF31002", "TF31003" ) ) or Symptom( code == "HTTP-401" ) )
                    not Symptom( code not in ( "TF31002", "TF31003", "HTTP-401" ) )
                    exists Symptom( product == "unknown" )
                    $all : List() from collect( Symptom( code > "A" ) )
                then
                    insertLogical( Topic.of( kcontext, "every-form" ) );
                end
                rule "every-form"
                    @row("every-form") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "every-form" )
                then
                    insertLogical( Advice.of( kcontext, /* a comment */ "a \\"quoted\\" word, a backslash \\\\, " // and another
                        + "an escaped caf\\u00e9 and \\\\u0022 as written", "a step" ) );
                end
                """)));
        Setting nothingKnown = Setting.NOTHING_KNOWN;
        AtomicReference<List<Advice>> advice = new AtomicReference<>();
        try (Session session = rules.open()) {
            session.apply(List.of(new Release("visual-studio", 2013.2, "VS 2013.2", false), new Release("server", 2015, "TFS 2015", false),
                    Symptom.of("TF31003", nothingKnown, "TF31003", false)));
            advice.set(session.state().advice());
        }
        assertThat(advice.get()).singleElement().satisfies(a -> {
            assertThat(a.resolution()).isEqualTo("a \"quoted\" word, a backslash \\, an escaped café and \\u0022 as written");
            assertThat(a.steps()).containsExactly("a step");
        });
    }

    /** Java's parser recurses on a + chain; on a small stack the chain is refused with a line, not a crash. */
    @Test
    void aConsequenceTooDeepForTheJavaParserIsRefusedAtItsLine() throws InterruptedException {
        String chain = "\"a\"" + " + \"a\"".repeat(20_000);
        AtomicReference<List<String>> problems = new AtomicReference<>();
        Thread small = new Thread(null, () -> problems.set(problemsOf("""
                rule "chain"
                    @row("chain") @title("t") @source("s") @section("s")
                    salience 500
                when
                    Topic( name == "any" )
                then
                    insertLogical( Advice.of( kcontext, %s ) );
                end
                """.formatted(chain))), "small stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(problems.get()).containsExactly("c.drl:10: the consequence nests too deeply to be read (a very long + chain?); "
                + SHAPE + " (rule \"chain\")");
    }
}
