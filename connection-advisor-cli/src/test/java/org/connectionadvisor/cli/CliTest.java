package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void diagnoseATextReportForAPerson() {
        Run run = run("diagnose", "facts-samples/row-service-account-password.json");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("""
                1. The TFSService account password expired or is wrong
                   [service-account-password, possible]
                   The most likely cause when many users are cut off: when the service account (TFSService) password expires or is changed, many of the server's services stop. Set the new password for the service account; see Change the service account or password for Azure DevOps Server <https://learn.microsoft.com/azure/devops/server/admin/change-service-account-password>.
                   Why: you said the product is Azure DevOps Server; several computers or users fail to connect; you reported TF31002: unable to connect.
                   Source: Troubleshoot connecting to a project, "Several users can't connect to Azure DevOps Server"; TF31002: Unable to connect to VSTS or TFS, "Several users receive this error when they try to connect to an on-premises TFS"
                """.replace("\n", System.lineSeparator()));
        assertThat(run.out()).contains("Questions that would narrow this down, most useful first:");
    }

    @Test
    void diagnoseJsonHasRecommendationsAndQuestions() throws Exception {
        Run run = run("diagnose", "--format", "json", "facts-samples/combo-unknown-product-tf31002.json");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode first = json.get("recommendations").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("id").asText()).isEqualTo("no-active-account-or-license");
        assertThat(first.get("status").asText()).isEqualTo("possible");
        assertThat(first.get("sources").get(0).get("document").asText()).isEqualTo("CONNECT");
        assertThat(first.get("links").get(0).asText()).isEqualTo("https://learn.microsoft.com/azure/devops/organizations/accounts/add-organization-users");
        JsonNode question = json.get("questions").get(0);
        assertThat(question.get("id").asText()).isEqualTo("product");
        assertThat(question.get("answers").get(1).get("value").asText()).isEqualTo("server");
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"product\": \"azure\"}");
        Run run = run("diagnose", facts.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: product: 'azure' is not accepted. Accepted: services, server (also: "
                + "azure-devops-server, azure-devops-services, cloud, on-premises, team-foundation-server, tfs, vsts)."
                + System.lineSeparator());

        Run directory = run("diagnose", dir.toString());
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo("error: FILE: '" + dir + "' is a directory; give one JSON facts file, or - for standard input."
                + System.lineSeparator());

        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Run binary = run("diagnose", dir.resolve("binary.json").toString());
        assertThat(binary.exit()).isEqualTo(2);
        assertThat(binary.err()).isEqualTo("error: FILE: '" + dir.resolve("binary.json") + "' is not UTF-8 text; facts are a JSON file."
                + System.lineSeparator());

        Run missing = run("diagnose", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: FILE: '" + dir.resolve("nope.json") + "' does not exist." + System.lineSeparator());
    }

    @Test
    void rulesFromADirectoryReplaceThePackagedOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("only.drl"), """
                package org.connectionadvisor.drl;
                import org.connectionadvisor.rules.*;
                rule "Table: the server"
                    @layer("finding")
                    salience 1000
                when
                    Product( name == "server" )
                then
                    insertLogical( Topic.of( kcontext, "only" ) );
                end
                rule "only-row"
                    @row("only-row") @title("The only row") @source("TEST") @section("test")
                    salience 500
                when
                    Topic( name == "only" )
                then
                    insertLogical( Advice.of( kcontext, "Only this." ) );
                end
                """);
        Path facts = Files.writeString(dir.resolve("facts.json"), "{\"product\": \"tfs\"}");
        Run run = run("diagnose", "--rules", dir.toString(), "--format", "json", facts.toString());
        assertThat(run.exit()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("recommendations").findValuesAsText("id")).containsExactly("only-row");

        Files.writeString(dir.resolve("broken.drl"), "package broken;\nrule \"x\" when then end end\n");
        Run broken = run("diagnose", "--rules", dir.toString(), facts.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).startsWith("error: the rules could not be loaded:" + System.lineSeparator() + "  " + dir.resolve("broken.drl") + ":");
    }
}
