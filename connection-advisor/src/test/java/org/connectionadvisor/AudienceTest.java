package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 16: who is asking, what only an administrator can do, the hand-off, and "I don't know". */
class AudienceTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();
    private static final List<String> ADMINISTRATORS_TABLE = List.of("service-account-password", "app-tier-unavailable",
            "network-unavailable", "website-identity-misconfigured", "website-access-restricted", "firewall-or-ports-misconfigured",
            "domain-trust", "server-id-conflict");

    private static Diagnosis diagnose(String json) {
        return ADVISOR.diagnose(Facts.fromJson(json));
    }

    @Test
    void aUserOnSeveralComputersAsksTheAdministratorFirstAndHandsTheTableOver() {
        Diagnosis diagnosis = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"], \"role\": \"user\"}");

        assertThat(diagnosis.ids()).startsWith("contact-admin-check-server", "service-account-password");
        Recommendation first = diagnosis.recommendations().get(0);
        assertThat(first.supportedBy()).containsExactly("you are not the administrator of the server or organization");
        assertThat(first.actor()).isEqualTo(Actor.USER);
        assertThat(diagnosis.recommendations().get(1).actor()).isEqualTo(Actor.ADMINISTRATOR);
        Handoff handoff = diagnosis.handoff().orElseThrow();
        assertThat(handoff.checks()).extracting(Handoff.Check::id).containsExactlyElementsOf(ADMINISTRATORS_TABLE);
        assertThat(handoff.checks().get(0).link())
                .isEqualTo("https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password");
        assertThat(handoff.checks().get(2).link())
                .isEqualTo("https://learn.microsoft.com/azure/devops/user-guide/troubleshoot-connection#several-users-cant-connect-to-azure-devops-server");
        assertThat(handoff.reported()).containsExactly("the user said the product is Azure DevOps Server", "several computers or users fail to connect",
                "TF31002 is shown by Visual Studio (Team Explorer), so the user connects from Visual Studio (inferred)",
                "the user reported TF31002: unable to connect");
        assertThat(handoff.ruledOut()).isEmpty();
        assertThat(handoff.text().lines().toList()).startsWith("To the administrator of the server: several computers cannot connect.")
                .contains("Ruled out: nothing yet.")
                .last().isEqualTo("Also read the event logs of the application-tier server to pinpoint the problem"
                        + " (CONNECT: \"As an administrator, check the event logs for the application-tier server\").");
        assertThat(diagnosis.heard()).filteredOn(h -> h.fact().equals("role")).extracting(Heard::supports)
                .containsExactly(List.of("contact-admin-check-server"));
        assertThat(diagnosis.toJson()).contains("\"handoff\" : {", "\"actor\" : \"administrator\"");
    }

    @Test
    void whatSupportsAnAdministratorsCheckSupportsAskingTheAdministratorSoAUserStillAsksFirst() {
        Diagnosis diagnosis = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"],"
                + " \"role\": \"user\", \"context\": [\"multiple-server-versions\"]}");

        assertThat(diagnosis.ids()).startsWith("contact-admin-check-server", "server-id-conflict", "service-account-password");
        assertThat(diagnosis.recommendations().get(0).supportedBy()).containsExactly(
                "you are not the administrator of the server or organization", "you said clients connect to servers of different versions");
    }

    @Test
    void whatTheUserRuledOutGoesIntoTheHandoff() {
        Handoff handoff = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"role\": \"user\","
                + " \"context\": {\"multiple-server-versions\": false}, \"ruledOut\": [\"network-unavailable\"]}").handoff().orElseThrow();

        assertThat(handoff.ruledOut()).containsExactly("the user said clients do not connect to servers of different versions",
                "The network is unavailable [network-unavailable]: checked, not the cause");
        assertThat(handoff.checks()).extracting(Handoff.Check::id).doesNotContain("network-unavailable", "server-id-conflict");
    }

    @Test
    void theAdministratorGetsTheTableFirstInTheDocumentsOrderAndNoHandoff() {
        Diagnosis diagnosis = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"role\": \"admin\"}");

        assertThat(diagnosis.ids().subList(0, ADMINISTRATORS_TABLE.size())).containsExactlyElementsOf(ADMINISTRATORS_TABLE);
        assertThat(diagnosis.handoff()).isEmpty();
    }

    @Test
    void aUserOnOneComputerGetsNoHandoffAndTheSameRanking() {
        String facts = "{\"product\": \"tfs\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]";
        Diagnosis user = diagnose(facts + ", \"role\": \"user\"}");

        assertThat(user.ids()).isEqualTo(diagnose(facts + "}").ids());
        assertThat(user.handoff()).isEmpty();
    }

    @Test
    void theRoleIsAskedWhenItWouldChangeTheFirstRecommendation() {
        Question role = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"]}").questions()
                .stream().filter(q -> q.id().equals("role")).findFirst().orElseThrow();

        assertThat(role.text()).isEqualTo("Are you the administrator of the server or organization?");
        assertThat(role.answers()).extracting(Answer::value).containsExactly("administrator", "user", "dont-know");
        assertThat(role.answeredBy()).isEqualTo(Actor.USER);
    }

    @Test
    void iDontKnowIsRememberedAndTheQuestionIsNotAskedAgain() {
        Facts facts = Facts.fromJson("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}").with("scope", "I don't know");

        assertThat(facts.dontKnow()).containsExactly("scope");
        assertThat(facts.scope()).isEmpty();
        assertThat(facts.toMap()).containsEntry("dontKnow", List.of("scope"));
        assertThat(Facts.fromJson("{\"dontKnow\": [\"scope\"]}").dontKnow()).containsExactly("scope");
        assertThat(ADVISOR.diagnose(facts).questions()).extracting(Question::id).doesNotContain("scope").contains("role");
        assertThatThrownBy(() -> Facts.fromJson("{\"dontKnow\": [\"scop\"]}")).isInstanceOf(InvalidFactsException.class)
                .hasMessageStartingWith("dontKnow: 'scop' is not accepted. Accepted: product, scope, client, os,")
                .hasMessageEndingWith(" Did you mean 'scope'?");
    }

    @Test
    void windows11IsHeardAndEveryCacheFolderTheDocumentsListIsShown() {
        Diagnosis diagnosis = diagnose("{\"product\": \"tfs\", \"scope\": \"one-computer\", \"os\": \"Windows 11\", \"context\": [\"ssl-configured\"]}");
        Recommendation ssl = diagnosis.recommendations().stream().filter(r -> r.id().equals("ssl-certificate")).findFirst().orElseThrow();

        assertThat(String.join(" ", ssl.steps())).contains("6.0\\Cache", "4.0\\Cache", "2.0\\Cache");
        assertThat(diagnosis.heard()).filteredOn(h -> h.fact().equals("os")).extracting(Heard::summary).containsExactly(
                "set aside: the documents list no cache folder for Windows 11, so every folder they list is shown");
        assertThat(diagnosis.questions()).extracting(Question::id).doesNotContain("os");
    }
}
