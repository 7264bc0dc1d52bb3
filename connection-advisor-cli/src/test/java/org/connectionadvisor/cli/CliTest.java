package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    /** The command line in this JVM, as a user runs it, with {@code stdin} as its standard input. */
    static Run run(InputStream stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(stdin);
            int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(exit, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void diagnoseATextReportForAPerson() {
        Run run = run("diagnose", "facts-samples/row-service-account-password.json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("""
                1. The TFSService account password expired or is wrong
                   [service-account-password, possible, only an administrator can do this]
                   First in the documents' table, which lists the more likely problems first: many of the server's services stop running when the service account (TFSService) password expires. Change the service account password; see Change the service account or password for Azure DevOps Server <https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password>.
                   Why: you said the product is Azure DevOps Server; several computers or users fail to connect; you reported TF31002: unable to connect.
                   Source: Troubleshoot connecting to a project, "Several users can't connect to Azure DevOps Server"; TF31002: Unable to connect to VSTS or TFS, "Several users receive this error when they try to connect to an on-premises TFS"
                """.replace("\n", System.lineSeparator()));
        assertThat(run.out()).contains("""
                What each fact did:
                  - you said the product is Azure DevOps Server: used by "The TFSService account password expired or is wrong", \
                "The application-tier server is unavailable", "The network is unavailable", "A website identity of the server is \
                configured wrongly", "Access to a website of the server is restricted" and 11 more; set aside as not for Azure DevOps \
                Server: "Check the Azure DevOps Service Status page for an incident", "Reset your sign-in state: sign out, clear \
                cookies, retry in a private session", "You have no active account or license in the organization", "The \
                organization is connected to a directory you are not in", "Visual Studio cannot switch between accounts of \
                organizations in different directories" and 3 more
                """.replace("\n", System.lineSeparator()));
        assertThat(run.out()).contains("Questions that would narrow this down, most useful first:");
    }

    @Test
    void aSupportedRowSaysWhichFactsSupportItAndASetAsideFactIsSaidSo(@TempDir Path dir) throws Exception {
        Run supported = run("diagnose", "facts-samples/situation-https-tfs-windows-7.json");
        assertThat(supported.out()).startsWith("""
                1. The server uses SSL: install its certificate and clear the client cache
                   [ssl-certificate, likely]
                """.replace("\n", System.lineSeparator()));
        assertThat(supported.out()).contains("   Supported by: you said the server has SSL (HTTPS) configured." + System.lineSeparator())
                .contains("the cache folder Drive:\\Users\\UserName\\AppData\\Local\\Microsoft\\Team Foundation\\2.0\\Cache (Windows 7 or Windows Vista)");

        // The Proxy row is for one computer; with several users failing, working remotely changes nothing.
        Path facts = Files.writeString(dir.resolve("remote.json"),
                "{\"product\": \"server\", \"scope\": \"several-computers\", \"symptoms\": [\"TF31002\"], \"context\": [\"remote-worker\"]}");
        assertThat(run("diagnose", facts.toString()).out())
                .contains("  - you said you work remotely: set aside: no row that can apply uses it" + System.lineSeparator());
    }

    @Test
    void diagnoseJsonHasRecommendationsAndQuestions() throws Exception {
        Run run = run("diagnose", "--format", "json", "facts-samples/combo-unknown-product-tf31002.json");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode first = json.get("recommendations").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo("reset-signin-state");
        assertThat(first.get("status").asText()).isEqualTo("possible");
        assertThat(first.get("band").asText()).isEqualTo("first-step");
        assertThat(first.get("supportedBy")).isEmpty();
        assertThat(first.get("sources").get(0).get("document").asText()).isEqualTo("CONNECT");
        assertThat(first.get("links").get(0).asText()).isEqualTo("https://aka.ms/VsSignout");
        JsonNode question = json.get("questions").get(0);
        assertThat(question.get("id").asText()).isEqualTo("product");
        assertThat(question.get("answers").get(1).get("value").asText()).isEqualTo("server");
        JsonNode inferred = json.get("heard").get(0);
        assertThat(inferred.get("fact").asText()).isEqualTo("client");
        assertThat(inferred.get("value").asText()).isEqualTo("visual-studio");
        assertThat(inferred.get("inferred").asBoolean()).isTrue();
        assertThat(inferred.get("label").asText()).isEqualTo("TF31002 is shown by Visual Studio (Team Explorer), so you connect from Visual Studio");
        JsonNode heard = json.get("heard").get(1);
        assertThat(heard.get("fact").asText()).isEqualTo("symptoms:TF31002");
        assertThat(heard.get("value").asText()).isEqualTo("TF31002");
        assertThat(heard.get("inferred").asBoolean()).isFalse();
        assertThat(heard.get("label").asText()).isEqualTo("you reported TF31002: unable to connect");
        assertThat(heard.get("setAside").asBoolean()).isFalse();
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"product\": \"azure\"}");
        Run run = run("diagnose", facts.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: product: 'azure' is not accepted. Accepted: services, server (also: "
                + "azure-devops-server, azure-devops-services, cloud, on-premises, team-foundation-server, tfs, visual-studio-online, "
                + "visual-studio-team-services, vso, vsts)."
                + System.lineSeparator());

        Run directory = run("diagnose", dir.toString());
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo("error: FILE: '" + dir + "' is a directory; give one JSON facts file, or - for standard input."
                + System.lineSeparator());

        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Run binary = run("diagnose", dir.resolve("binary.json").toString());
        assertThat(binary.exit()).isEqualTo(2);
        assertThat(binary.err()).isEqualTo("error: FILE: '" + dir.resolve("binary.json") + "' is not UTF-8 text; facts are JSON in UTF-8."
                + System.lineSeparator());

        Run missing = run("diagnose", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: FILE: '" + dir.resolve("nope.json") + "' does not exist." + System.lineSeparator());
    }

    static Stream<Path> badInputSamples() {
        return Samples.files(Path.of("facts-samples")).stream().filter(file -> file.getFileName().toString().startsWith("bad-"));
    }

    /** Issue 9: diagnose reads a sample's facts or rawFacts, so a bad-input sample gives its own error, not 'description'. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputSamples")
    void diagnoseOfABadInputSampleGivesTheErrorTheSampleExpects(Path sample) throws Exception {
        Run run = run("diagnose", sample.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + Samples.read(sample).expectedError() + System.lineSeparator());
    }

    /** The version in the root pom.xml, the project's own (not a dependency's). */
    static String projectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("version".equals(child.getNodeName())) {
                return child.getTextContent();
            }
        }
        throw new IllegalStateException("pom.xml has no version");
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        Run run = run("--version");

        assertThat(projectVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("connection-advisor " + projectVersion() + System.lineSeparator());
    }

    @Test
    void rulesFromADirectoryReplaceThePackagedOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("only.drl"), """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "Table: a server"
                    @layer("finding")
                    salience 1000
                when
                    Symptom( product == "server" )
                then
                    insertLogical( Topic.of( kcontext, "server" ) );
                end
                rule "only-row"
                    @row("only-row") @title("The only row") @source("TEST") @section("test")
                    salience 500
                when
                    Topic( name == "server" )
                then
                    insertLogical( Advice.of( kcontext, "Only this." ) );
                end
                """);
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"product\": \"tfs\"}");
        Run run = run("diagnose", "--rules", dir.toString(), "--format", "json", facts.toString());
        assertThat(run.exit()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("recommendations").findValuesAsText("id")).containsExactly("only-row");

        Files.writeString(dir.resolve("broken.drl"), "package org.connectionadvisor.drl;\nrule \"x\" when then end end\n");
        Run broken = run("diagnose", "--rules", dir.toString(), facts.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).startsWith("error: the rules could not be loaded:" + System.lineSeparator() + "  " + dir.resolve("broken.drl") + ":");
    }
}
