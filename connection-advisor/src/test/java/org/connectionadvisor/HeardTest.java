package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every fact given or inferred is listed with what it did: supported, used, ruled out, or set aside. */
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
                "supports ssl-certificate"));
    }

    @Test
    void aNoSaysWhichRowItRulesOut() {
        Heard no = heard(ADVISOR.diagnose(Facts.fromJson(
                "{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"], \"context\": {\"remote-worker\": false}}")),
                "context:remote-worker");

        assertThat(no.value()).isEqualTo("no");
        assertThat(no.excludes()).containsExactly("remote-needs-proxy");
        assertThat(no.summary()).isEqualTo("rules out remote-needs-proxy");
    }

    @Test
    void aFactNoApplicableRowUsesIsSetAsideInWords() {
        // Working remotely concerns the one-computer table; several users failing rules that table out.
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
