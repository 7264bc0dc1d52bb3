package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Source;
import org.connectionadvisor.admin.DrlFile;
import org.connectionadvisor.admin.RuleCompiler;
import org.connectionadvisor.rules.Advice;
import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Input;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Setting;
import org.connectionadvisor.rules.Symptom;
import org.junit.jupiter.api.Test;

/**
 * The evidence model on a rule base of its own: what a row rule matched to apply becomes its "because" (with the
 * setting fields its patterns test, and only those), what its collect patterns gathered becomes its support, a "no"
 * retracts it on a live session, and taking the "no" back restores it.
 */
class EvidenceModelTest {
    private static final RuleBase RULES = RuleCompiler.compile(List.of(new DrlFile("evidence.drl", """
            package org.connectionadvisor.drl;
            import java.util.List;
            import org.connectionadvisor.rules.*;
            rule "Table: a table"
                @layer("finding")
                salience 1000
            when
                Symptom( code in ( "TF31002", "unspecified" ), product != "services" )
            then
                insertLogical( Topic.firstSteps( kcontext, "a-table" ) );
            end
            rule "a-row"
                @row("a-row") @title("A row") @source("TEST | CONNECT") @section("one | two")
                salience 500
            when
                Topic( name == "a-table", client != "browser" )
                not Context( flag == "remote-worker", answer == "no" )
                List() from collect( Context( flag == "remote-worker", answer == "yes" ) )
            then
                insertLogical( Advice.of( kcontext, "the resolution", "a step" ) );
            end
            """)));

    private static final Product SERVER = new Product("server", "you said the server", false);
    private static final Scope ONE = new Scope("one-computer", "one computer", false);
    private static final Client VISUAL_STUDIO = new Client("visual-studio", "from Visual Studio", false);
    private static final Setting SETTING = new Setting(SERVER, ONE, VISUAL_STUDIO);
    private static final Symptom TF31002 = Symptom.of("TF31002", SETTING, "you reported TF31002", false);
    private static final Context REMOTE = Context.of("remote-worker", true, SETTING, "you work remotely", false);
    private static final Context NOT_REMOTE = Context.of("remote-worker", false, SETTING, "you do not work remotely", false);

    private static List<Advice> advice(Session session, List<Input> inputs) {
        session.apply(inputs);
        return session.state().advice();
    }

    @Test
    void becauseIsWhatTheRuleMatchedAndSupportWhatItCollected() {
        try (Session session = RULES.open()) {
            assertThat(advice(session, List.of(SERVER, ONE, VISUAL_STUDIO, TF31002, REMOTE))).singleElement().satisfies(a -> {
                assertThat(a.row()).isEqualTo("a-row");
                assertThat(a.steps()).containsExactly("a step");
                // The table rule tests product (not scope), the row rule tests client: the scope is no reason.
                assertThat(a.because()).containsExactlyInAnyOrder(TF31002, SERVER, VISUAL_STUDIO);
                assertThat(a.support()).containsExactly(REMOTE);
                assertThat(a.firstSteps()).isTrue();
            });
        }
    }

    @Test
    void aNoRetractsTheRowAndTakingItBackRestoresIt() {
        try (Session session = RULES.open()) {
            List<Input> base = List.of(SERVER, ONE, VISUAL_STUDIO, TF31002);
            assertThat(advice(session, base)).extracting(Advice::row).containsExactly("a-row");

            assertThat(advice(session, List.of(SERVER, ONE, VISUAL_STUDIO, TF31002, NOT_REMOTE))).isEmpty();
            assertThat(advice(session, base)).singleElement().satisfies(a -> assertThat(a.support()).isEmpty());
            assertThat(advice(session, List.of(SERVER, ONE, VISUAL_STUDIO, TF31002, REMOTE)))
                    .singleElement().satisfies(a -> assertThat(a.support()).containsExactly(REMOTE));
        }
    }

    @Test
    void aLeadingInIsMatchedThroughTheIndexWithTheSameMatches() {
        Symptom unspecified = Symptom.of("unspecified", SETTING, "no symptom", true);
        Symptom other = Symptom.of("HTTP-401", SETTING, "you reported 401", false);
        try (Session session = RULES.open()) {
            assertThat(advice(session, List.of(unspecified))).singleElement()
                    .satisfies(a -> assertThat(a.because()).containsExactlyInAnyOrder(unspecified, SERVER, VISUAL_STUDIO));
            assertThat(advice(session, List.of(other))).isEmpty();
        }
    }

    @Test
    void theCatalogComesFromTheRowMetadata() {
        assertThat(RULES.rows().get("a-row")).isEqualTo(new Row("a-row", "A row", List.of(new Source("TEST", "TEST", "one"),
                new Source("CONNECT", "Troubleshoot connecting to a project", "two")), 500, "a-row", "evidence.drl", Actor.USER));
    }
}
