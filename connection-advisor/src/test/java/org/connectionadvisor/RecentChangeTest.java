package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * "It worked yesterday" (issue 16): the context flag {@code recent-change}, in users' words, supports only the rows
 * whose problem is a change over time: "Your password expired.", "The configuration changed." and "The TFSService
 * account password is expired or incorrect." It is volunteered, never asked.
 */
class RecentChangeTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();

    private static Diagnosis diagnose(String json) {
        return ADVISOR.diagnose(Facts.fromJson(json));
    }

    private static Heard heard(Diagnosis diagnosis) {
        return diagnosis.heard().stream().filter(h -> h.fact().equals("context:recent-change")).findFirst().orElseThrow();
    }

    @Test
    void onOneComputerItSupportsTheExpiredPasswordAndTheChangedConfigurationOnly() {
        Diagnosis diagnosis = diagnose("{\"product\": \"tfs\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"],"
                + " \"context\": [\"recent-change\"]}");

        assertThat(diagnosis.ids()).startsWith("user-password-expired", "server-configuration-changed", "wrong-server-url");
        assertThat(heard(diagnosis).supports()).containsExactly("user-password-expired", "server-configuration-changed");
        assertThat(diagnosis.recommendations().get(0).supportedBy()).containsExactly("you said it worked until recently (something changed)");
    }

    @Test
    void onSeveralComputersItSupportsTheServiceAccountPasswordAndAUserStillAsksTheAdministratorFirst() {
        String facts = "{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"], \"context\": [\"recent-change\"]";
        Diagnosis unknownRole = diagnose(facts + "}");
        assertThat(unknownRole.ids()).startsWith("service-account-password", "app-tier-unavailable");
        assertThat(heard(unknownRole).supports()).containsExactly("service-account-password");

        Diagnosis user = diagnose(facts + ", \"role\": \"user\"}");
        assertThat(user.ids()).startsWith("contact-admin-check-server", "service-account-password", "app-tier-unavailable");
        assertThat(user.recommendations().get(0).supportedBy()).containsExactly(
                "you are not the administrator of the server or organization", "you said it worked until recently (something changed)");
        assertThat(user.handoff().orElseThrow().checks().get(0).id()).isEqualTo("service-account-password");
    }

    @Test
    void onAzureDevOpsServicesNoRowSaysSomethingChangedSoTheFactIsSetAside() {
        Diagnosis diagnosis = diagnose("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"recent-change\"]}");

        assertThat(heard(diagnosis).summary()).isEqualTo("set aside: no row that can apply uses it");
        assertThat(diagnosis.ids()).isEqualTo(diagnose("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}").ids());
    }

    @Test
    void aNoContradictsNoRowAndChangesNothing() {
        String facts = "{\"product\": \"tfs\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]";

        assertThat(diagnose(facts + ", \"context\": {\"recent-change\": false}}").ids()).isEqualTo(diagnose(facts + "}").ids());
    }

    @Test
    void usersWordsAreHeardInAPastedMessageAndAsAliases() {
        Diagnosis pasted = diagnose("{\"product\": \"tfs\", \"scope\": \"one-computer\","
                + " \"errorMessage\": \"It worked yesterday. Today: TF31002: Unable to connect to this Team Foundation Server\"}");
        assertThat(heard(pasted).inferred()).isTrue();
        assertThat(heard(pasted).label()).isEqualTo("the message says it worked yesterday, so something changed recently");
        assertThat(pasted.ids()).startsWith("user-password-expired", "server-configuration-changed");
        assertThat(heard(diagnose("{\"product\": \"tfs\", \"errorMessage\": \"TF31002 since it stopped working this morning\"}")).label())
                .isEqualTo("the message says it stopped working, so something changed recently");
        // The user's own answer wins over the message.
        assertThat(heard(diagnose("{\"product\": \"tfs\", \"errorMessage\": \"worked yesterday, TF31002\","
                + " \"context\": {\"recent-change\": false}}")).inferred()).isFalse();

        for (String words : List.of("it worked yesterday", "worked-yesterday", "Stopped working", "something changed")) {
            assertThat(Facts.fromJson("{\"context\": [\"" + words + "\"]}").contextAnswers()).containsExactly(Map.entry("recent-change", true));
        }
    }

    @Test
    void itIsInTheCatalogueButNeverAsked() {
        assertThat(QuestionCatalogue.find("recent-change").orElseThrow().text())
                .isEqualTo("Did it work until recently (yesterday, say), so that something changed?");
        assertThat(QuestionCatalogue.asked("recent-change")).isFalse();
        assertThat(diagnose("{\"product\": \"tfs\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]}").questions())
                .extracting(Question::id).doesNotContain("recent-change");
    }
}
