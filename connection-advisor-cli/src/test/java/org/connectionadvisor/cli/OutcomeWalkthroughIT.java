package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/outcomes.md's walk-through as an admin runs it: every {@code sh} block of the page, in order, in one bash from
 * the repository root against the packaged jar. It must end with every sample passing on the edited rules.
 */
class OutcomeWalkthroughIT {
    private static final Pattern SH = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @Test
    void theWalkThroughRunsAsWrittenAndEndsWithEverySamplePassing() throws Exception {
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher block = SH.matcher(Files.readString(Path.of("docs/outcomes.md")));
        while (block.find()) {
            script.append(block.group(1));
        }
        Process bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).contains("Recorded in jdbc:h2:file:" + Path.of("target/walkthrough/data/outcomes").toAbsolutePath() + ".\n");
        assertThat(out).containsPattern("\\d+ of \\d+ samples and 0 of 2 recorded cases rank differently with"
                + " target/walkthrough/rules than with rules-drl\\.\n");
        assertThat(out).containsPattern("Updated the expectations of \\d+ files\\.\n");
        assertThat(out).containsPattern("\n(\\d+) passed, 0 failed\n$");
    }
}
