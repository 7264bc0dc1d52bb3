package org.connectionadvisor.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in a JVM of its own, on the runtime class path an application depending on the library would have
 * (the build writes it to target/runtime-classpath.txt), from the repository root.
 */
class EmbeddingExampleIT {
    private static final String PREFIX = "example: ";
    private static final String MAIN_RETURNS = PREFIX + "main returns at ";

    private static List<String> runtimeClassPath() throws IOException {
        return List.of(Files.readString(Path.of(System.getProperty("example.classpath"))).strip().split(File.pathSeparator));
    }

    @Test
    void everyCallWorksOnlyTheExamplesLinesArePrintedAndTheJvmEndsWhenMainReturns(@TempDir Path temp) throws Exception {
        Path err = temp.resolve("stderr.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("example.classes") + File.pathSeparator + String.join(File.pathSeparator, runtimeClassPath()),
                EmbeddingExample.class.getName());
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long exited = System.currentTimeMillis();

        assertThat(Files.readString(err)).isEmpty(); // no SLF4J provider warning, no log record at all
        assertThat(process.exitValue()).isZero();
        assertThat(out).satisfiesExactly(
                line -> assertThat(line).startsWith(PREFIX + "first: service-account-password, ").contains(" because ["),
                line -> assertThat(line).startsWith(PREFIX + "questions: [").doesNotContain("[]"),
                line -> assertThat(line).startsWith(PREFIX + "heard: [").contains("set aside as"),
                line -> assertThat(line).startsWith(PREFIX + "next: {").contains("ruledOut=[service-account-password]")
                        .contains("remote-worker=false")
                        .doesNotContain("ranks service-account-password").doesNotContain("ranks nothing"),
                line -> assertThat(line).isEqualTo(PREFIX + "asked: product, Which product do you connect to? [services, server, dont-know]"),
                line -> assertThat(line).startsWith(PREFIX + "answered server: ").doesNotContain("nothing first"),
                line -> assertThat(line).startsWith(PREFIX + "ruled out ").doesNotContain("nothing first"),
                line -> assertThat(line).matches(PREFIX + "fromDirectory rules-drl: \\d+ rows, service-account-password first"),
                line -> assertThat(line).matches(PREFIX + "newKieContainer org\\.connectionadvisor:connection-advisor:[^:]+: KieBases \\[connection-advisor]"),
                line -> assertThat(line).startsWith(PREFIX + "KieBase connection-advisor: advice [").contains("service-account-password"),
                line -> assertThat(line).matches(MAIN_RETURNS + "\\d+"));
        long mainReturned = Long.parseLong(out.get(out.size() - 1).substring(MAIN_RETURNS.length()));
        assertThat(exited - mainReturned).as("milliseconds from main returning to the JVM's exit").isLessThan(2000);
    }

    @Test
    void theClassPathHasTheApplicationsLoggingBindingAndNothingOfTheCommandLine() throws IOException {
        List<String> jars = new ArrayList<>();
        runtimeClassPath().forEach(entry -> jars.add(Path.of(entry).getFileName().toString()));

        assertThat(jars).anyMatch(jar -> jar.startsWith("connection-advisor-"))
                .anyMatch(jar -> jar.startsWith("logback-classic-1.5."))
                .noneMatch(jar -> jar.startsWith("slf4j-simple") || jar.startsWith("picocli"));
    }
}
