package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that keeps feeding itself ends in an error that names it, never in a hang. It is within the rule subset (it
 * only inserts a topic), which is why the fire limit stays: joining a topic with itself makes a new topic of every
 * union of the reported symptoms, a number that doubles with each symptom.
 */
class RunawayRuleTest {
    @Test
    void aLoopingRuleIsStoppedAndNamed(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("loop.drl"), """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "Table: one per symptom"
                    @layer("finding")
                    salience 1000
                when
                    Symptom()
                then
                    insertLogical( Topic.of( kcontext, "t" ) );
                end
                rule "unions of topics"
                    @layer("finding")
                    salience 1000
                when
                    Topic( name == "t" )
                    Topic( name == "t" )
                then
                    insertLogical( Topic.of( kcontext, "t" ) );
                end
                """);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules);

        assertThatThrownBy(() -> advisor.diagnose(Facts.builder().symptoms("TF31002", "TF31003", "HTTP-401",
                "cannot-connect", "blank-signin-flash", "redirected-to-signin", "work-or-personal-prompt").build()))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageStartingWith("rule \"unions of topics\" in " + rules.resolve("loop.drl") + " keeps firing: stopped after ")
                .hasMessageEndingWith(" rule firings. Its results make new matches for itself; a rule should rest on the inputs and on the results"
                        + " of other rules.");
    }
}
