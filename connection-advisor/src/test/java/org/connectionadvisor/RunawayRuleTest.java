package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that keeps re-triggering itself ends in an error that names it, never in a hang. It passes the lint (it only
 * inserts a finding), which is why the fire limit stays: a loop through findings is legal DRL.
 */
class RunawayRuleTest {
    @Test
    void aLoopingRuleIsStoppedAndNamed(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("loop.drl"), """
                package loop;
                import org.connectionadvisor.rules.*;
                rule "echo forever"
                    @layer("finding")
                    salience 1000
                when
                    $symptom : Symptom()
                    or
                    $topic : Topic( name == "echo" )
                then
                    insert( Topic.of( kcontext, "echo" ) );
                end
                """);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules);

        assertThatThrownBy(() -> advisor.diagnose(Facts.builder().symptoms("TF31002").build()))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageStartingWith("rule \"echo forever\" in " + rules.resolve("loop.drl") + " keeps firing: stopped after ")
                .hasMessageEndingWith(" rule firings. A rule must only insert result facts, never change or re-insert the facts it matches.");
    }
}
