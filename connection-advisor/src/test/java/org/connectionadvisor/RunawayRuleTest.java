package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that keeps feeding itself ends in an error that names it, never in a hang. It is within the rule subset (it
 * only inserts a topic), which is why the fire limit and the diagnosis deadline stay: joining a topic with a symptom
 * makes a new topic of every union of the reported symptoms, a number that doubles with each symptom.
 */
class RunawayRuleTest {
    static final Facts SEVEN_SYMPTOMS = Facts.builder().symptoms("TF31002", "TF31003", "HTTP-401", "cannot-connect",
            "blank-signin-flash", "redirected-to-signin", "work-or-personal-prompt").build();

    @TempDir
    Path rules;

    private ConnectionAdvisor loop(ReloadOptions options) throws Exception {
        Files.copy(ReloadTest.FIXTURES.resolve("broken/endless-loop.drl"), rules.resolve("loop.drl"));
        return ConnectionAdvisor.fromDirectory(rules, options);
    }

    @Test
    void aLoopingRuleIsStoppedAndNamed() throws Exception {
        ConnectionAdvisor advisor = loop(ReloadOptions.defaults());

        assertThatThrownBy(() -> advisor.diagnose(SEVEN_SYMPTOMS))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageStartingWith("rule \"echo forever\" in " + rules.resolve("loop.drl") + " keeps firing: stopped after ")
                .hasMessageEndingWith(" rule firings. Its results make new matches for itself; a rule should rest on the inputs and on the results"
                        + " of other rules.");
    }

    @Test
    void aDiagnosisPastItsDeadlineFailsWithAClearError() throws Exception {
        ConnectionAdvisor advisor = loop(ReloadOptions.defaults().diagnosisDeadline(Duration.ofNanos(1)));

        assertThatThrownBy(() -> advisor.diagnose(SEVEN_SYMPTOMS))
                .isInstanceOf(DiagnosisException.class)
                .hasMessageMatching("the rules did not settle within the diagnosis deadline of 0 ms \\(stopped after \\d+ rule firings\\);"
                        + " they do too much work for these facts");
    }

    /** The deadline covers the ranking and its wording too, not only the firing: rules that settle at once still have it. */
    @Test
    void theDeadlineCoversTheRankingAndItsWording() throws Exception {
        ReloadTest.restoreBase(rules);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules, ReloadOptions.defaults().diagnosisDeadline(Duration.ofNanos(1)));

        assertThatThrownBy(() -> advisor.diagnose(SEVEN_SYMPTOMS))
                .isInstanceOf(DiagnosisException.class)
                .hasMessage("the diagnosis did not finish within its deadline of 0 ms while wording the recommendations; the rules give"
                        + " too much text for these facts");
    }
}
