package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 21: every recommendation says only what the documents say, to the reader in front of it. One test per
 * defect the line-by-line reading found, each asserting the exact text the user now gets.
 */
class DocumentFidelityTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();
    private static final String CONNECT_LINK = "https://learn.microsoft.com/azure/devops/organizations/projects/connect-to-projects";
    private static final String SUPPORT_ERA = "[contact Support](https://developercommunity.visualstudio.com/spaces/21/index.html) "
            + "(the 2024 connection guide's link; the older sign-in guide links [Microsoft customer support](https://support.microsoft.com/)).";

    private static Recommendation row(String facts, String id) {
        return ADVISOR.diagnose(Facts.fromJson(facts)).recommendations().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not recommended for " + facts));
    }

    @Test
    void theResetNamesEachGuidesBrowserWithItsEraAndTheNewerWins() {
        Recommendation reset = row("{\"product\": \"services\", \"client\": \"visual-studio\", \"symptoms\": [\"TF31002\"]}",
                "reset-signin-state");

        assertThat(reset.steps()).containsExactly(
                "Sign out of the browser with the [Visual Studio sign-out link](https://aka.ms/VsSignout).",
                "Delete the browser's cookies (Ctrl+Shift+Delete in most browsers).",
                "Open Microsoft Edge and delete its cookies: the Visual Studio IDE uses Microsoft Edge cookies (the 2024 connection "
                        + "guide). The older sign-in guide says Internet Explorer here; the newer guide wins.",
                "Close all browsers and close the Visual Studio IDE.",
                "Retry the connection in a private browser session. If the issue is with the Visual Studio IDE, remove the "
                        + "connection in Team Explorer and add it again.");
    }

    @Test
    void aBrowserUserIsNotToldToCloseVisualStudioNorToClearItsCache() {
        Diagnosis browser = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"services\", \"client\": \"browser\", \"symptoms\": [\"HTTP-401\"]}"));
        Recommendation reset = browser.recommendations().stream().filter(r -> r.id().equals("reset-signin-state")).findFirst().orElseThrow();

        assertThat(reset.steps()).containsExactly(
                "Sign out of the browser with the [Visual Studio sign-out link](https://aka.ms/VsSignout).",
                "Delete the browser's cookies (Ctrl+Shift+Delete in most browsers).",
                "Close all browsers.",
                "Retry the connection in a private browser session.");

        String server = "{\"product\": \"server\", \"scope\": \"one-computer\", \"client\": \"browser\", \"symptoms\": [\"TF31002\"]}";
        assertThat(ADVISOR.diagnose(Facts.fromJson(server)).ids()).doesNotContain("clear-client-cache");
        assertThat(row(server, "server-configuration-changed").resolution()).isEqualTo(
                "If the configuration of the on-premises server changed (moving or splitting a project collection is such a "
                        + "change), you must create a new connection; see [Connect to projects](" + CONNECT_LINK + ").");
        assertThat(row(server.replace("browser", "visual-studio"), "server-configuration-changed").resolution()).isEqualTo(
                "If the configuration of the on-premises server changed (moving or splitting a project collection is such a "
                        + "change), you must create a new connection; see [Connect to projects](" + CONNECT_LINK + "). You might "
                        + "also need to [clear the client cache](" + CONNECT_LINK + ").");
    }

    @Test
    void theSslCacheStepSignsInAsTheUserWhoseCacheItIsAndTakesEverySubfolder() {
        String facts = "{\"product\": \"server\", \"scope\": \"one-computer\", \"os\": \"windows-10\", \"symptoms\": [\"TF31002\"],"
                + " \"context\": [\"ssl-configured\"]}";

        assertThat(row(facts, "ssl-certificate").steps()).containsExactly(
                "Install the certificate on the client computer, as the linked page's \"Configuring client computers\" describes.",
                "Clear the client cache: sign in to the client computer as the user whose cache you want to clear, close any open "
                        + "instance of Visual Studio, and delete the contents of the cache folder "
                        + "Drive:\\Users\\UserName\\AppData\\Local\\Microsoft\\Team Foundation\\6.0\\Cache (Windows 10), including "
                        + "all subfolders (Drive and UserName stand for yours).");
        assertThat(row(facts.replace("\"os\"", "\"client\": \"browser\", \"os\""), "ssl-certificate").steps()).containsExactly(
                "Install the certificate on the client computer, as the linked page's \"Configuring client computers\" describes.");
    }

    @Test
    void checkPermissionsClaimsNoAdministrator() {
        assertThat(row("{\"product\": \"server\", \"symptoms\": [\"read-only-or-blocked\"]}", "check-permissions").resolution())
                .isEqualTo("If the errors you get say an action is read-only or blocked, you might not have permission to act on "
                        + "the data. Verify that you have the required permissions.");
    }

    @Test
    void checkClientNetworkNamesNoInternalSiteOrFileShare() {
        assertThat(row("{\"product\": \"server\", \"symptoms\": [\"cannot-connect\"]}", "check-client-network").resolution())
                .isEqualTo("Verify that your computer is connected to the network and that it can access network resources.");
    }

    @Test
    void remoteNeedsProxySaysWhatTheProxyIsForAsAConditionNotAFact() {
        assertThat(row("{\"product\": \"server\", \"scope\": \"one-computer\", \"symptoms\": [\"TF31002\"]}", "remote-needs-proxy")
                .resolution()).isEqualTo("This is for you if you work remotely and need to connect to an Azure DevOps Proxy "
                        + "server (TFS Proxy) to check in files to Azure DevOps Server version control (Team Foundation version "
                        + "control). If so, [configure Visual Studio to connect to Azure DevOps Proxy](" + CONNECT_LINK + "). If you "
                        + "do not check in files through a Proxy server, this row is not your case, even on a VPN or working from home.");
    }

    @Test
    void insufficientGroupMembershipInventsNoFix() {
        assertThat(row("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}", "insufficient-group-membership").resolution())
                .isEqualTo("Your identity may not have enough memberships to access the resource, for example membership of the "
                        + "Readers or Contributors group. The guide names this cause and no fix of its own; its next step for the "
                        + "401 page, if you think you are a member of the organization, is to "
                        + "[contact Support](https://developercommunity.visualstudio.com/spaces/21/index.html).");
    }

    @Test
    void theSwitchingDialogsNameIsAttributedToEachDocument() {
        assertThat(row("{\"product\": \"services\", \"symptoms\": [\"TF31003\"]}", "cannot-switch-org-accounts").resolution())
                .isEqualTo("If you work with several organizations that connect to different directories, such as accounts created "
                        + "from the Microsoft Azure portal, signing out in Visual Studio may not work as expected, and you cannot "
                        + "switch between the organizational accounts. A blank sign-in dialog flashes, then TF31002 or TF31003 "
                        + "appears when you connect or add a connection in the connect dialog (\"Connect to Team Foundation Server\" "
                        + "in the 2017 TF31002 article, \"Connect to Azure DevOps Server\" in the 2024 connection guide). Apply the "
                        + "most recent [Visual Studio update](https://visualstudio.microsoft.com/downloads). Background: "
                        + "[You can't switch between different organizational accounts]"
                        + "(https://learn.microsoft.com/troubleshoot/visualstudio/general/cannot-switch-accounts).");
    }

    @Test
    void aServices401IsSentToSupportNotToTheForums() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}"));

        assertThat(diagnosis.ids()).containsExactly("reset-signin-state", "not-org-member", "license-invalid-or-missing",
                "insufficient-group-membership", "b2b-invitation-not-accepted", "signed-in-with-work-account",
                "signed-in-with-personal-account", "signin-redirect-loop", "contact-support-401", "service-status", "virtual-agent");
        assertThat(row("{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"]}", "contact-support-401").resolution())
                .isEqualTo("If you think you are a member of the organization and still get the 401 page, " + SUPPORT_ERA);
        assertThat(row("{\"product\": \"services\", \"symptoms\": [\"redirected-to-signin\"]}", "signin-redirect-loop").resolution())
                .isEqualTo("When you enter your credentials correctly and still land on the original sign-in page, clear all "
                        + "cookies and sign in again. If that does not fix it, " + SUPPORT_ERA);
        // Elsewhere the 2017 article's forums still close the list, and say whose they are.
        assertThat(row("{\"product\": \"services\", \"symptoms\": [\"TF31002\"]}", "community-forums").resolution())
                .isEqualTo("If the previous resolutions do not solve the problem, the 2017 TF31002 article sends you to the "
                        + "[MSDN Forums: Team Foundation Server administration](http://go.microsoft.com/fwlink/?LinkId=54490).");
    }

    @Test
    void theVisualStudioUpdateSaysWhichAdviceIsForWhichRelease() {
        String facts = "{\"product\": \"services\", \"symptoms\": [\"TF31003\"]%s}";
        String start = "With two or more organizations linked to Microsoft Entra ID, a blank screen flashes several times, then "
                + "TF31003 or TF31002 appears in the Connect dialog. The switch-organizations guide fixes it with a Visual Studio "
                + "update from the [Visual Studio download website](https://visualstudio.microsoft.com/downloads): ";

        assertThat(row(facts.formatted(""), "switch-orgs-update-vs").resolution()).isEqualTo(start
                + "on Visual Studio 2013 Update 1 or older, install Visual Studio 2013.2 or a later version; on 2013.2 or any later "
                + "release, take its most recent update.");
        assertThat(row(facts.formatted(", \"visualStudioVersion\": \"2013.1\""), "switch-orgs-update-vs").resolution()).isEqualTo(start
                + "install Visual Studio 2013.2 or a later version (your release is older than 2013.2, the release the guide names).");
        assertThat(row(facts.formatted(", \"visualStudioVersion\": \"2019\""), "switch-orgs-update-vs").resolution()).isEqualTo(start
                + "take the most recent update of the Visual Studio you run (you already have 2013.2 or later, the release the "
                + "guide names).");
    }

    @Test
    void aConfirmedMoveOfTheProjectLiftsTheConfigurationRowTheDocumentsTieToIt() {
        Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson("{\"product\": \"server\", \"scope\": \"one-computer\","
                + " \"symptoms\": [\"TF31002\"], \"confirmed\": [\"project-moved-collection\"]}"));

        assertThat(diagnosis.ids()).startsWith("project-moved-collection", "server-configuration-changed", "clear-client-cache",
                "user-password-expired");
        assertThat(diagnosis.recommendations().get(1).supportedBy())
                .containsExactly("you confirmed \"Your project may have moved to another project collection\"");
    }

    /** Acceptance: each row's text is traced to the document sentence it rests on, in a note just above its rule. */
    @Test
    void everyRowRuleHasANoteQuotingTheSentenceItRestsOn() throws IOException {
        Pattern rowRule = Pattern.compile("(?m)^rule \"([^\"]+)\"\\n\\s+@row\\(");
        List<String> unnoted = new ArrayList<>();
        int rows = 0;
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher matcher = rowRule.matcher(text);
                while (matcher.find()) {
                    rows++;
                    String before = text.substring(0, matcher.start());
                    String note = before.substring(before.lastIndexOf("\nend\n") + 1);
                    if (!note.contains("// Rests on: ") || !note.contains("\"")) {
                        unnoted.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(41);
        assertThat(unnoted).isEmpty();
    }
}
