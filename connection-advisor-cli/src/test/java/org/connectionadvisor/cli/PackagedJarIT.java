package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The shaded jar as a user runs it, directly and through the launcher the README shows: the merged Drools service
 * files work, and nothing but the answer is printed (no SLF4J provider warning, no Drools INFO lines).
 */
class PackagedJarIT {
    record Run(int exit, String out, String err) {
    }

    private static Run java(String... args) throws Exception {
        return java(null, args);
    }

    /** The jar run with standard input from {@code stdin}, or none. */
    private static Run java(File stdin, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", "target/connection-advisor.jar"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdin != null) {
            builder.redirectInput(stdin);
        }
        return run(builder);
    }

    /** Runs {@code builder}; standard input is closed at once unless the builder redirects it. */
    private static Run run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            process.getOutputStream().close();
        }
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
                + " visualStudioVersion, serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut, role,"
                + " dontKnow. Did you mean 'product'?" + System.lineSeparator());
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Run run = java("--version");
        assertThat(run).isEqualTo(new Run(0, "connection-advisor " + CliTest.projectVersion() + System.lineSeparator(), ""));
    }

    /** Issue 12: /dev/zero as standard input ran out of memory (5.4 GB); it is read up to 1 MiB, then refused. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroOnStandardInputIsOneLineWithExitTwo() throws Exception {
        Run run = java(new File("/dev/zero"), "diagnose", "-");
        assertThat(run).isEqualTo(new Run(2, "",
                "error: FILE: standard input is larger than 1 MiB (1048576 bytes); facts are one small JSON object." + System.lineSeparator()));
    }
}
