package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a user runs it, directly and through the launcher the README shows: the merged Drools service
 * files work, and nothing but the answer is printed (no SLF4J provider warning, no Drools INFO lines).
 */
class PackagedJarIT {
    record Run(int exit, String out, String err) {
    }

    private static Run java(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", "target/connection-advisor.jar"));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static Run run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void diagnoseASampleWithThePackagedRules() throws Exception {
        Run run = java("diagnose", "facts-samples/row-service-account-password.json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("1. The TFSService account password expired or is wrong" + System.lineSeparator());
    }

    @Test
    void theLauncherRunsTheJarWithTheArchiveTheBuildMadeForThisJdk() throws Exception {
        ProcessBuilder launcher = new ProcessBuilder("target/connection-advisor", "diagnose", "facts-samples/row-service-account-password.json");
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // -Xshare:on makes the JVM fail where the archive cannot be used, instead of running without it.
        launcher.environment().put("JAVA_OPTS", "-Xshare:on");
        Run run = run(launcher);
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(java("diagnose", "facts-samples/row-service-account-password.json").out());
    }

    @Test
    void badInputIsOneLineOnStandardErrorWithExitTwo() throws Exception {
        Run run = java("diagnose", "facts-samples/bad-unknown-field.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: 'prodcut' is not a known field. Accepted fields: product, scope, client,"
                + " visualStudioVersion, serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut."
                + " Did you mean 'product'?" + System.lineSeparator());
    }
}
