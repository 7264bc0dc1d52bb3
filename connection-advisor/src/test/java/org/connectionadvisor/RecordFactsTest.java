package org.connectionadvisor;

import org.connectionadvisor.admin.DrlFile;
import org.connectionadvisor.engine.Row;
import org.connectionadvisor.engine.RuleBase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Symptom;
import org.junit.jupiter.api.Test;

/**
 * The DRL vocabulary is made of Java records: this checks that Drools reads record components in constraints,
 * binds them, collects them, and reads rule metadata, on its own tiny rule base.
 */
class RecordFactsTest {
    @Test
    void droolsMatchesBindsAndCollectsRecordComponents() {
        RuleBase rules = RuleBase.compile(List.of(new DrlFile("records.drl", """
                package records;
                import java.util.List;
                import org.connectionadvisor.rules.*;
                rule "a record row"
                    @row("record-row") @title("Records work") @source("TEST") @section("records")
                    salience 500
                when
                    $product : Product( name == "server", $why : evidence )
                    $codes : List( size == 2 ) from collect( Symptom( code in ("TF31002", "TF31003") ) )
                    not Context( flag == "remote-worker" )
                then
                    insert( Advice.of( kcontext, "matched " + $codes.size() + " because " + $why ) );
                end
                """)));

        RuleBase.Firing firing = rules.fire(List.of(new Product("server", "said so"),
                new Symptom("TF31002", "reported TF31002"), new Symptom("TF31003", "reported TF31003"),
                new Symptom("HTTP-401", "reported 401")));

        assertThat(firing.advice()).singleElement().satisfies(advice -> {
            assertThat(advice.row()).isEqualTo("record-row");
            assertThat(advice.resolution()).isEqualTo("matched 2 because said so");
            // collect gives its own order; the reasons are the matched facts' in any order
            assertThat(advice.because()).containsExactlyInAnyOrder("said so", "reported TF31002", "reported TF31003");
        });
        assertThat(rules.rows().get("record-row")).isEqualTo(new Row("record-row", "Records work",
                List.of(new Source("TEST", "TEST", "records")), 500, "a record row", "records.drl"));

        assertThat(rules.fire(List.of(new Product("server", "said so"), new Symptom("TF31002", "x"),
                new Symptom("TF31003", "y"), new Context("remote-worker", "z"))).advice()).isEmpty();
    }
}
