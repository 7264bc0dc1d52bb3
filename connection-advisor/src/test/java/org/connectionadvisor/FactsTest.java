package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FactsTest {
    @Test
    void valuesAreCanonicalAndCaseInsensitive() {
        Facts facts = Facts.builder().product("TFS").scope("One-Computer").symptoms("tf31002", "401").context("Remote-Worker")
                .build();
        assertThat(facts.toMap()).isEqualTo(Map.of("product", "server", "scope", "one-computer",
                "symptoms", List.of("TF31002", "HTTP-401"), "context", List.of("remote-worker")));
    }

    @Test
    void jsonAndTheBuilderAgree() {
        Facts fromJson = Facts.fromJson("""
                {"product": "vsts", "symptoms": ["HTTP-401"], "context": ["b2b-guest"], "ruledOut": ["Not-Org-Member"]}""");
        Facts built = Facts.builder().product("services").symptoms("HTTP-401").context("b2b-guest").ruledOut("not-org-member").build();
        assertThat(fromJson).isEqualTo(built);
        assertThat(Facts.fromJson("{\"product\": null, \"symptoms\": [\"HTTP-401\"]}")).isEqualTo(Facts.builder().symptoms("HTTP-401").build());
    }

    @Test
    void withAddsOneAnswerAndLeavesTheOriginalAlone() {
        Facts start = Facts.builder().symptoms("TF31002").build();
        Facts answered = start.with("product", "server").with("scope", "several-computers").with("remote-worker", "yes");
        assertThat(answered.toMap()).isEqualTo(Map.of("product", "server", "scope", "several-computers",
                "symptoms", List.of("TF31002"), "context", List.of("remote-worker")));
        assertThat(start.toMap()).isEqualTo(Map.of("symptoms", List.of("TF31002")));
        assertThat(answered.with("remote-worker", "no").context()).isEmpty();
        assertThat(answered.ruleOut("service-account-password").ruledOut()).containsExactly("service-account-password");
    }

    @Test
    void theAccountQuestionSetsOneFlagAndClearsTheOther() {
        Facts work = Facts.empty().with(Facts.SIGNED_IN_WITH, "work");
        assertThat(work.context()).containsExactly("signed-in-with-work");
        assertThat(work.with(Facts.SIGNED_IN_WITH, "personal").context()).containsExactly("signed-in-with-personal");
    }

    @Test
    void anUnknownQuestionOrAnswerNamesWhatIsAccepted() {
        assertThatThrownBy(() -> Facts.empty().with("remote-worker", "maybe"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessage("remote-worker: 'maybe' is not accepted. Accepted: yes, no.");
        assertThatThrownBy(() -> Facts.empty().with("prodct", "tfs"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageStartingWith("question: 'prodct' is not accepted. Accepted: product, scope, ")
                .hasMessageEndingWith("Did you mean 'product'?");
    }

    @Test
    void versionsNeedAReleaseYearOrAVisualStudioNumber() {
        assertThat(Vocabulary.releaseYear("visualStudioVersion", "2013.1")).isEqualTo(2013);
        assertThat(Vocabulary.releaseYear("visualStudioVersion", "17.8")).isEqualTo(2022);
        assertThat(Vocabulary.releaseYear("serverVersion", "TFS 2012")).isEqualTo(2012);
        assertThat(Vocabulary.releaseYear("serverVersion", "Azure DevOps Server 2022.1")).isEqualTo(2022);
        assertThatThrownBy(() -> Facts.builder().visualStudioVersion("Visual Studio Code"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessage("visualStudioVersion: 'Visual Studio Code' is not a version. Accepted: a release year such as 2019 or"
                        + " 2013.1, optionally with the product name ('TFS 2012', 'Azure DevOps Server 2022'), or a Visual Studio"
                        + " version number such as 16.11.");
    }

    @Test
    void everyValueErrorNamesFieldValueAndAcceptedValues() {
        assertThatThrownBy(() -> Facts.builder().scope("several"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessage("scope: 'several' is not accepted. Accepted: one-computer, several-computers. Did you mean 'several-computers'?")
                .extracting("field", "value").containsExactly("scope", "several");
        assertThatThrownBy(() -> Facts.builder().os("windows-12"))
                .hasMessage("os: 'windows-12' is not accepted. Accepted: windows-11, windows-10, windows-8, windows-7, windows-vista"
                        + " (also: win10, win11). Did you mean 'windows-11'?");
        assertThatThrownBy(() -> Facts.builder().ruledOut(" "))
                .hasMessage("ruledOut: a row id must not be empty; use the ids that diagnose prints, such as 'wrong-server-url'.");
    }
}
