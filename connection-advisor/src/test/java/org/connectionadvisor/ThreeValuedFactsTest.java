package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A yes/no input is yes, no or unknown, in JSON and in the library; the list form of context stays valid. */
class ThreeValuedFactsTest {
    @Test
    void contextIsAListOfYesFlagsOrAnObjectOfAnswers() {
        assertThat(Facts.fromJson("{\"context\": [\"remote-worker\"]}").contextAnswers())
                .containsExactly(Map.entry("remote-worker", true));
        assertThat(Facts.fromJson("{\"context\": {\"remote-worker\": false, \"ssl-configured\": \"yes\", \"b2b-guest\": null}}")
                .contextAnswers()).containsExactly(Map.entry("remote-worker", false), Map.entry("ssl-configured", true));
    }

    @Test
    void aBadAnswerNamesTheFlagAndWhatIsAccepted() {
        assertThatThrownBy(() -> Facts.fromJson("{\"context\": {\"remote-worker\": 1}}")).isInstanceOf(InvalidFactsException.class)
                .hasMessage("context.remote-worker: expected true (yes), false (no) or null (not known), got a number 1.");
        assertThatThrownBy(() -> Facts.fromJson("{\"context\": {\"remote-workers\": false}}")).isInstanceOf(InvalidFactsException.class)
                .hasMessageStartingWith("context: 'remote-workers' is not accepted.");
    }

    @Test
    void theFactsAreWrittenBackInTheFormTheyNeed() {
        assertThat(Facts.fromJson("{\"context\": [\"remote-worker\"]}").toMap()).containsEntry("context", java.util.List.of("remote-worker"));
        Facts withNo = Facts.fromJson("{\"context\": [\"remote-worker\"]}").with("ssl-configured", "no");
        assertThat(withNo.toMap()).containsEntry("context", Map.of("remote-worker", true, "ssl-configured", false));
        assertThat(Facts.fromJson("{\"context\": {\"remote-worker\": true, \"ssl-configured\": false}}")).isEqualTo(withNo);
        assertThat(withNo.context()).containsExactly("remote-worker");
    }

    @Test
    void theLibraryRecordsANo() {
        Facts no = Facts.builder().answer("remote-worker", false).build();
        assertThat(no.contextAnswers()).containsExactly(Map.entry("remote-worker", false));
        assertThat(Facts.empty().with("remote-worker", "no")).isEqualTo(no);
        assertThat(no.with("remote-worker", "yes").contextAnswers()).containsExactly(Map.entry("remote-worker", true));
    }

    @Test
    void oldProductNamesAreServicesWhateverTheirCaseSpacesOrHyphens() {
        for (String name : new String[] {"Visual Studio Online", "VSO", "visual-studio-team-services", "VISUAL STUDIO TEAM SERVICES"}) {
            assertThat(Facts.builder().product(name).build().product()).contains("services");
        }
    }
}
