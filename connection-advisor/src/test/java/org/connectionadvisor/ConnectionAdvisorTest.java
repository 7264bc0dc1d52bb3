package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.connectionadvisor.engine.Ranking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ranking bands, contradictions, aliases, inference and explanations, asserted on exact outputs. */
class ConnectionAdvisorTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();

    private static Diagnosis diagnose(String json) {
        return ADVISOR.diagnose(Facts.fromJson(json));
    }

    private static Recommendation find(Diagnosis diagnosis, String id) {
        return diagnosis.recommendations().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + diagnosis.ids()));
    }

    @Test
    void confirmedRowsComeFirstThenSupportedRowsThenTheTableInTheDocumentsOrder() {
        Diagnosis diagnosis = diagnose("""
                {"product": "server", "scope": "several-computers", "symptoms": ["TF31002"],
                 "context": ["multiple-server-versions"], "confirmed": ["domain-trust"]}""");

        assertThat(diagnosis.ids()).startsWith("domain-trust", "server-id-conflict", "service-account-password",
                "app-tier-unavailable");
        assertThat(diagnosis.recommendations().subList(0, 3)).extracting(Recommendation::status)
                .containsExactly(Status.CONFIRMED, Status.LIKELY, Status.POSSIBLE);
        assertThat(diagnosis.recommendations()).extracting(Recommendation::rank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, diagnosis.ids().size()).boxed().toList());
    }

    @Test
    void ruledOutRowsNeverAppear() {
        Diagnosis diagnosis = diagnose("""
                {"product": "server", "scope": "several-computers", "symptoms": ["TF31002"],
                 "ruledOut": ["service-account-password", "community-forums"]}""");

        assertThat(diagnosis.ids()).doesNotContain("service-account-password", "community-forums")
                .startsWith("app-tier-unavailable");
    }

    @Test
    void rowsThatContradictTheFactsDoNotAppear() {
        Diagnosis services = diagnose("{\"product\": \"services\", \"symptoms\": [\"TF31002\"]}");
        assertThat(services.ids()).doesNotContain("service-account-password", "user-password-expired", "check-permissions",
                "clear-client-cache").contains("community-forums");

        Diagnosis oneComputer = diagnose("{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]}");
        assertThat(oneComputer.ids()).doesNotContain("service-account-password", "contact-admin-check-server")
                .contains("user-password-expired");

        Diagnosis browser = diagnose("{\"product\": \"server\", \"client\": \"browser\", \"symptoms\": [\"TF31002\"]}");
        assertThat(browser.ids()).doesNotContain("query-hangs-bypass-proxy", "client-older-than-server", "remote-needs-proxy",
                "server-id-conflict", "clear-client-cache");

        Diagnosis personal = diagnose("""
                {"product": "services", "symptoms": ["HTTP-401"], "context": ["personal-and-work-accounts", "signed-in-with-personal"]}""");
        assertThat(personal.ids()).doesNotContain("signed-in-with-work-account").startsWith("signed-in-with-personal-account");

        Diagnosis noGuest = diagnose("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": {\"b2b-guest\": false}}");
        assertThat(noGuest.ids()).doesNotContain("b2b-invitation-not-accepted").contains("not-org-member");
    }

    @Test
    void aClientAsNewAsTheServerRulesOutTheVersionRow() {
        Diagnosis newer = diagnose("""
                {"product": "server", "scope": "one-computer", "symptoms": ["TF31002"],
                 "visualStudioVersion": "16.11", "serverVersion": "Azure DevOps Server 2019"}""");
        assertThat(newer.ids()).doesNotContain("client-older-than-server");

        Diagnosis older = diagnose("""
                {"product": "server", "scope": "one-computer", "symptoms": ["TF31002"],
                 "visualStudioVersion": 2013.1, "serverVersion": "TFS 2015"}""");
        Recommendation first = older.recommendations().get(0);
        assertThat(first.id()).isEqualTo("client-older-than-server");
        assertThat(first.status()).isEqualTo(Status.LIKELY);
        assertThat(first.supportedBy()).containsExactly("Visual Studio is the 2013.1 release", "the server is the 2015 release");
        assertThat(first.because()).containsExactly("you said the product is Azure DevOps Server", "only one computer fails to connect",
                "TF31002 is shown by Visual Studio (Team Explorer), so you connect from Visual Studio",
                "Visual Studio is the 2013.1 release", "the server is the 2015 release", "you reported TF31002: unable to connect");
    }

    @ParameterizedTest
    @CsvSource({"vsts,services", "Azure-DevOps-Services,services", "cloud,services", "SERVICES,services",
            "tfs,server", "TFS,server", "team-foundation-server,server", "azure-devops-server,server", "on-premises,server"})
    void oldAndNewProductNamesMeanTheSame(String alias, String product) {
        assertThat(Facts.builder().product(alias).build().product()).contains(product);
    }

    @ParameterizedTest
    @CsvSource({"https://dev.azure.com/fabrikam,Azure DevOps Services", "fabrikam.visualstudio.com,Azure DevOps Services",
            "http://tfs.contoso.com:8080/tfs,Azure DevOps Server"})
    void theProductIsInferredFromTheServerUrl(String url, String product) {
        Recommendation first = diagnose("{\"serverUrl\": \"" + url + "\"}").recommendations().get(0);
        assertThat(first.because()).anyMatch(reason -> reason.startsWith("the server URL's host")
                && reason.contains(product.equals("Azure DevOps Services") ? "is an Azure DevOps Services address" : "so it is an Azure DevOps Server"));
    }

    @Test
    void symptomsAreFoundInAPastedErrorMessage() {
        Diagnosis diagnosis = diagnose("""
                {"product": "tfs", "scope": "several-computers",
                 "errorMessage": "TF31002: Unable to connect to this Team Foundation Server: http://tfs:8080/tfs"}""");
        assertThat(diagnosis.recommendations().get(0).because())
                .containsExactly("you said the product is Azure DevOps Server", "several computers or users fail to connect",
                        "the error message contains TF31002");

        Diagnosis unauthorized = diagnose("{\"product\": \"services\", \"errorMessage\": \"HTTP 401 - Not Authorized\"}");
        // The sign-in guide's first step comes first, then the 401 table.
        assertThat(unauthorized.ids()).startsWith("reset-signin-state", "not-org-member");
        assertThat(unauthorized.recommendations().get(1).because()).contains("the error message contains 401");
    }

    @Test
    void theDoneWhenCaseGivesTheServiceAccountPasswordFirstWithItsSourceAndLink() {
        Recommendation first = diagnose("{\"product\": \"tfs\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"]}")
                .recommendations().get(0);

        assertThat(first.id()).isEqualTo("service-account-password");
        assertThat(first.title()).isEqualTo("The TFSService account password expired or is wrong");
        assertThat(first.status()).isEqualTo(Status.POSSIBLE);
        assertThat(first.because()).containsExactly("you said the product is Azure DevOps Server",
                "several computers or users fail to connect", "you reported TF31002: unable to connect");
        assertThat(first.sources()).containsExactly(
                new Source("CONNECT", "Troubleshoot connecting to a project", "Several users can't connect to Azure DevOps Server"),
                new Source("TF31002", "TF31002: Unable to connect to VSTS or TFS",
                        "Several users receive this error when they try to connect to an on-premises TFS"));
        assertThat(first.links()).containsExactly(
                "https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password");
        assertThat(first.steps()).isEmpty();
    }

    @Test
    void theCacheStepNamesTheFolderOfTheKnownWindowsVersionOrAllOfThem() {
        String facts = "{\"product\": \"server\", \"symptoms\": [\"TF31002\"], \"confirmed\": [\"clear-client-cache\"]%s}";
        List<String> windows10 = diagnose(facts.formatted(", \"os\": \"windows-10\"")).recommendations().get(0).steps();
        assertThat(windows10).hasSize(4);
        assertThat(windows10.get(2)).isEqualTo("Go to the cache folder "
                + "Drive:\\Users\\UserName\\AppData\\Local\\Microsoft\\Team Foundation\\6.0\\Cache (Windows 10), where Drive and UserName stand for yours.");

        String unknown = diagnose(facts.formatted("")).recommendations().get(0).steps().get(2);
        assertThat(unknown).contains("Team Foundation\\6.0\\Cache", "Team Foundation\\4.0\\Cache", "Team Foundation\\2.0\\Cache");
    }

    @Test
    void theResetProcedureHasFiveOrderedStepsAndNamesBothBrowsersByEra() {
        Recommendation reset = find(diagnose("{\"product\": \"services\", \"symptoms\": [\"cannot-connect\"]}"), "reset-signin-state");
        assertThat(reset.steps()).hasSize(5);
        assertThat(reset.steps().get(0)).contains("https://aka.ms/VsSignout");
        assertThat(reset.steps().get(2)).isEqualTo("Open Microsoft Edge and delete its cookies: the Visual Studio IDE uses Microsoft "
                + "Edge cookies (the 2024 connection guide). The older sign-in guide says Internet Explorer here; the newer guide wins.");
        assertThat(reset.links()).containsExactly("https://aka.ms/VsSignout");
        assertThat(reset.sources()).extracting(Source::document).containsExactly("CONNECT", "SIGNIN");
    }

    @Test
    void questionsAskTheProductFirstWhenUnknownAndTheScopeFirstForTheServer() {
        assertThat(diagnose("{\"symptoms\": [\"TF31002\"]}").questions().get(0).id()).isEqualTo("product");

        List<Question> server = diagnose("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}").questions();
        assertThat(server.get(0).id()).isEqualTo("scope");
        assertThat(server.get(0).answers()).extracting(Answer::value).containsExactly("one-computer", "several-computers", "dont-know");
        assertThat(server).extracting(Question::id).doesNotContain("product");
        assertThat(server).allMatch(q -> q.impact() > 0);
    }

    @Test
    void unknownRowIdsAreRejectedWithADidYouMean() {
        assertThatThrownBy(() -> diagnose("{\"confirmed\": [\"service-acount-password\"]}"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageStartingWith("confirmed: 'service-acount-password' is not accepted. Accepted: app-tier-unavailable, ")
                .hasMessageEndingWith("Did you mean 'service-account-password'?")
                .satisfies(e -> {
                    InvalidFactsException invalid = (InvalidFactsException) e;
                    assertThat(invalid.field()).isEqualTo("confirmed");
                    assertThat(invalid.value()).isEqualTo("service-acount-password");
                });
    }

    @Test
    void rowIdsComeFromTheLoadedRules() {
        assertThat(ADVISOR.rowIds()).hasSize(41).contains("service-account-password", "reset-signin-state", "community-forums");
    }
}
