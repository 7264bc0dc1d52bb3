package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every fact given or inferred is listed with what it did: supported, used, set rows aside, or was set aside itself. */
class HeardTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();

    private static Heard heard(Diagnosis diagnosis, String fact) {
        return diagnosis.heard().stream().filter(h -> h.fact().equals(fact)).findFirst()
                .orElseThrow(() -> new AssertionError(fact + " not heard: " + diagnosis.heard()));
    }

    @Test
    void aSupportingFactSaysWhichRowItSupports() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"], \"context\": [\"ssl-configured\"]}"));

        assertThat(heard(diagnosis, "context:ssl-configured")).isEqualTo(new Heard("context:ssl-configured", "yes", false,
                "you said the server has SSL (HTTPS) configured", List.of("ssl-certificate"), List.of(), List.of(),
                "makes more likely \"The server uses SSL: install its certificate and clear the client cache\""));
    }

    @Test
    void aNoSaysWhichRowItSetsAsideAndWhy() {
        Heard no = heard(ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"], \"context\": {\"remote-worker\": false}}")),
                "context:remote-worker");

        assertThat(no.value()).isEqualTo("no");
        assertThat(no.excludes()).containsExactly("remote-needs-proxy");
        assertThat(no.summary()).isEqualTo(
                "set aside as this answer does not fit them: \"You work remotely and need the Azure DevOps Proxy (TFS Proxy) server\"");
    }

    @Test
    void whatAFactSetsAsideIsSaidInItsOwnTermsAndRowsByTitle() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"services\", \"scope\": \"one-computer\", \"client\": \"browser\", \"symptoms\": [\"HTTP-401\"]}"));

        // "would be listed without this fact": the 401 page's table replaces the others, which are for other symptoms.
        assertThat(heard(diagnosis, "product").summary()).isEqualTo("used by \"Your identity is not a member of the organization\", "
                + "\"Your license assignment is invalid or missing\", \"You lack the group membership the resource needs (for example "
                + "Readers or Contributors)\", \"You are a B2B guest and the invitation is not accepted\", \"You signed in with your "
                + "work or school account, but your personal account has the access\" and 6 more; set aside as not for Azure "
                + "DevOps Services: \"Check that you have the permissions the action needs\", \"Check that your computer is on the "
                + "network and reaches network resources\", \"Check that the server is not offline\", \"Your project may have "
                + "moved to another project collection\", \"Check that the server runs a supported version\" and 2 more");
        assertThat(heard(diagnosis, "client").summary()).startsWith("used by \"Reset your sign-in state");
        assertThat(heard(diagnosis, "symptoms:HTTP-401").summary()).endsWith("set aside as they are for other symptoms: "
                + "\"You have no active account or license in the organization\", \"The organization is connected to a directory you "
                + "are not in\", \"Switching organizations: delete your browser cookies\", \"Ask in the product forums\"");
    }

    @Test
    void labelsSayNoMoreThanTheUserSaidAndConfirmedRowsGoByTitle() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"scope\": \"one-computer\","
                + " \"symptoms\": [\"TF31002\"], \"context\": {\"multiple-organizations\": true},"
                + " \"confirmed\": [\"project-moved-collection\"]}"));

        assertThat(heard(diagnosis, "context:multiple-organizations").label()).isEqualTo("you said you have more than one organization");
        assertThat(heard(diagnosis, "confirmed:project-moved-collection").label())
                .isEqualTo("you confirmed \"Your project may have moved to another project collection\"");
        assertThat(heard(diagnosis, "confirmed:project-moved-collection").supports())
                .containsExactly("server-configuration-changed", "clear-client-cache");
        assertThat(heard(ADVISOR.diagnose(Facts.fromJson("{\"context\": {\"multiple-organizations\": false}}")),
                "context:multiple-organizations").label()).isEqualTo("you said you have only one organization");
    }

    @Test
    void aVpnOrWorkingFromHomeIsHeardAsRemoteWork() {
        Diagnosis pasted = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"scope\": \"one-computer\","
                + " \"errorMessage\": \"Connected over the VPN: TF31002: Unable to connect to this Team Foundation Server\"}"));
        Heard remote = heard(pasted, "context:remote-worker");
        assertThat(remote).isEqualTo(new Heard("context:remote-worker", "yes", true, "the message mentions a VPN, so you work remotely",
                List.of("remote-needs-proxy"), List.of(), List.of(),
                "makes more likely \"You work remotely and need the Azure DevOps Proxy (TFS Proxy) server\""));
        assertThat(pasted.ids().get(0)).isEqualTo("remote-needs-proxy");

        assertThat(heard(ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"errorMessage\": \"working from home, TF31002\"}")),
                "context:remote-worker").label()).isEqualTo("the message says you are working from home, so you work remotely");
        // A word inside another is not the phrase; the user's own answer wins over the message.
        assertThat(ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"errorMessage\": \"TF31002 at vpnserver01\"}")).heard())
                .extracting(Heard::fact).doesNotContain("context:remote-worker");
        Diagnosis answered = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"errorMessage\": \"VPN, TF31002\","
                + " \"context\": {\"remote-worker\": false}}"));
        assertThat(heard(answered, "context:remote-worker").inferred()).isFalse();
        assertThat(answered.ids()).doesNotContain("remote-needs-proxy");

        for (String word : List.of("vpn", "VPN", "working from home", "work-from-home", "remote")) {
            assertThat(Facts.fromJson("{\"context\": [\"" + word + "\"]}").contextAnswers()).containsExactly(java.util.Map.entry("remote-worker", true));
        }
    }

    @Test
    void aFactNoApplicableRowUsesIsSetAsideInWords() {
        // Working remotely concerns the one-computer table; several users failing set that table aside.
        Heard remote = heard(ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"server\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"], \"context\": [\"remote-worker\"]}")),
                "context:remote-worker");

        assertThat(remote.setAside()).isTrue();
        assertThat(remote.summary()).isEqualTo("set aside: no row that can apply uses it");
    }

    @Test
    void inferredFactsAreListedAndMarked() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson("{\"serverUrl\": \"https://tfs.contoso.com/tfs\", \"symptoms\": [\"TF31002\"]}"));

        assertThat(diagnosis.heard()).extracting(Heard::fact, Heard::inferred).containsExactly(
                org.assertj.core.groups.Tuple.tuple("product", true), org.assertj.core.groups.Tuple.tuple("client", true),
                org.assertj.core.groups.Tuple.tuple("symptoms:TF31002", false),
                org.assertj.core.groups.Tuple.tuple("context:ssl-configured", true));
        assertThat(heard(diagnosis, "context:ssl-configured").label())
                .isEqualTo("the server address tfs.contoso.com is reached over https://, so the server has SSL configured");
        assertThat(heard(diagnosis, "context:ssl-configured").supports()).containsExactly("ssl-certificate");
    }

    @Test
    void aGivenFactWinsOverAnInference() {
        Diagnosis browser = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"client\": \"browser\", \"symptoms\": [\"TF31002\"]}"));
        assertThat(heard(browser, "client").inferred()).isFalse();
        assertThat(heard(browser, "client").value()).isEqualTo("browser");

        Diagnosis noSsl = ADVISOR.diagnose(Facts.fromJson(
                "{\"serverUrl\": \"https://tfs.contoso.com/tfs\", \"symptoms\": [\"TF31002\"], \"context\": {\"ssl-configured\": false}}"));
        assertThat(heard(noSsl, "context:ssl-configured").inferred()).isFalse();
        assertThat(noSsl.ids()).doesNotContain("ssl-certificate");

        // A URL in the message does not overrule the product the user gave.
        Diagnosis given = ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"services\", \"errorMessage\": \"TF31002 ... Url: http://tfs01:8080/tfs\"}"));
        assertThat(heard(given, "product").value()).isEqualTo("services");
        assertThat(given.ids()).doesNotContain("user-password-expired");
    }
}
