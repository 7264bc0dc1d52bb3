package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
        // The refused reload's WARN goes to standard error (slf4j-simple looks System.err up on each line): kept
        // out of the build's output and checked.
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertThat(advisor.reload().applied()).isFalse();
        } finally {
            System.setErr(stderr);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("were not reloaded; the previous rules keep serving");
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
