package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged rules are read from their package folder but named as admins know them: rules-drl/NAME.drl. */
class DrlFileTest {
    @Test
    void packagedFilesAreTheFilesOfRulesDrlUnderTheirAdminPaths() throws IOException {
        List<DrlFile> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules-drl"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl") || p.endsWith(AdvicePolicy.FILE)).sorted().toList()) {
                expected.add(new DrlFile("rules-drl/" + file.getFileName(), Files.readString(file)));
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(DrlFile.packaged()).containsExactlyElementsOf(expected);
    }

    @Test
    void theClassPathHoldsThemInTheFolderOfTheirDrlPackage() {
        assertThat(DrlFile.class.getClassLoader().getResource("org/connectionadvisor/drl/services.drl")).isNotNull();
        assertThat(DrlFile.class.getClassLoader().getResource("rules-drl")).isNull();
    }

    /** A FIFO named like a rule file would block the read until the build deadline: it is refused before it is opened. */
    @Test
    void onlyRegularFilesAreReadAndAFifoIsRefusedAtOnce(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("a.drl"), "package org.connectionadvisor.drl;\n");
        Path fifo = rules.resolve("zz-fifo.drl");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        Files.writeString(rules.resolve("big.drl"), "x".repeat((int) DrlFile.MAX_FILE_BYTES + 1));

        RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(() -> DrlFile.fromDirectory(rules), RulesException.class));

        assertThat(refused.problems()).extracting(RuleProblem::format).containsExactly(
                rules.resolve("big.drl") + ":0: is " + (DrlFile.MAX_FILE_BYTES + 1) + " bytes, over the limit of " + DrlFile.MAX_FILE_BYTES
                        + " bytes for one rule file; split it",
                fifo + ":0: is not a regular file (a directory, FIFO, socket or device) and is not read; a rule file is a regular file");
    }

    /**
     * Replaced by a FIFO after its check, before it is opened (the seam stands for the race): the read gives up after its
     * limit with one line, and the thread that waited to open the FIFO goes on and ends.
     */
    @Test
    void aFileReplacedByAFifoAfterItsCheckIsRefusedInTimeAndLeavesNoThread(@TempDir Path rules) throws Exception {
        Assumptions.assumeTrue(mkfifo(rules.resolve("probe.fifo")), "mkfifo is available");
        assertReplacedByAFifoIsRefusedInTime(rules.resolve("zz-fifo.drl"), () -> { });
    }

    /** A FIFO whose writer holds it open and sends nothing: the read that waits for data is interrupted and ends. */
    @Test
    void aFifoWithASilentWriterIsRefusedInTimeAndLeavesNoThread(@TempDir Path rules) throws Exception {
        Assumptions.assumeTrue(mkfifo(rules.resolve("probe.fifo")), "mkfifo is available");
        Path file = rules.resolve("zz-fifo.drl");
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (FileChannel silent = FileChannel.open(file, StandardOpenOption.WRITE)) {
                done.await();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }, "silent-writer");
        try {
            assertReplacedByAFifoIsRefusedInTime(file, writer::start);
        } finally {
            done.countDown();
        }
        writer.join();
    }

    private static void assertReplacedByAFifoIsRefusedInTime(Path file, Runnable thenWithTheFifo) throws Exception {
        Files.writeString(file, "package org.connectionadvisor.drl;\n");
        RuleFileRead.betweenCheckAndOpen = () -> {
            try {
                Files.delete(file);
                assertThat(mkfifo(file)).isTrue();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            thenWithTheFifo.run();
        };
        try {
            RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(() -> DrlFile.fromDirectory(file.getParent()), RulesException.class));

            assertThat(refused.problems()).extracting(RuleProblem::format).containsExactly(file + ":0: did not come within 2 s of"
                    + " being opened (it was replaced, by a FIFO or a device, after it was checked) and is not read; a rule file is a"
                    + " regular file");
        } finally {
            RuleFileRead.betweenCheckAndOpen = () -> { };
        }
        for (int waited = 0; waited < 500 && !readers().isEmpty(); waited++) {
            Thread.sleep(10);
        }
        assertThat(readers()).isEmpty();
    }

    private static boolean mkfifo(Path path) throws IOException, InterruptedException {
        return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    }

    private static List<Thread> readers() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("connection-advisor-rule-file-read")).toList();
    }
}
