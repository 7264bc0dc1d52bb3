package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.connectionadvisor.admin.RuleReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a service reports about the rules it serves: their rows with files, and a version that follows the DRL text. */
class RulesCatalogTest {
    private static void copyRules(Path into) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void theSameDrlHasTheSameVersionPackagedOrFromADirectory(@TempDir Path rules) throws IOException {
        copyRules(rules);
        String packaged = ConnectionAdvisor.withDefaultRules().rulesVersion();

        assertThat(packaged).matches("sha256:[0-9a-f]{64}");
        assertThat(ConnectionAdvisor.fromDirectory(rules).rulesVersion()).isEqualTo(packaged);
    }

    @Test
    void anAppliedEditChangesTheVersionAndARefusedOneDoesNot(@TempDir Path rules) throws IOException {
        copyRules(rules);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules);
        String before = advisor.rulesVersion();
        Path file = rules.resolve("fallbacks.drl");

        Files.writeString(file, Files.readString(file) + "\n// an administrator's note\n");
        assertThat(advisor.reload().applied()).isTrue();
        String after = advisor.rulesVersion();
        assertThat(after).isNotEqualTo(before);

        Files.writeString(rules.resolve("broken.drl"), "package org.connectionadvisor.drl;\nrule \"x\" when then end oops\n");
        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            ReloadResult refused = advisor.reload();

            assertThat(refused.applied()).isFalse();
            assertThat(refused.problems()).extracting(RuleProblem::file).containsOnly(rules.resolve("broken.drl").toString());
            StringBuilder problems = new StringBuilder();
            refused.problems().forEach(problem -> problems.append(System.lineSeparator()).append("  ").append(problem.format()));
            assertThat(log.lines()).containsExactly("WARN the rules in " + rules + " were not reloaded; the previous rules keep"
                    + " serving:" + problems);
        }
        assertThat(advisor.rulesVersion()).isEqualTo(after);
    }

    @Test
    void rowsListEveryRowWithItsTitleAndFile(@TempDir Path rules) throws IOException {
        copyRules(rules);

        assertThat(ConnectionAdvisor.withDefaultRules().rows()).hasSize(41)
                .contains(new RuleRow("service-account-password", "The TFSService account password expired or is wrong",
                        "rules-drl/server-several-users.drl"));
        assertThat(ConnectionAdvisor.fromDirectory(rules).rows())
                .contains(new RuleRow("service-account-password", "The TFSService account password expired or is wrong",
                        rules.resolve("server-several-users.drl").toString()));
    }
}
