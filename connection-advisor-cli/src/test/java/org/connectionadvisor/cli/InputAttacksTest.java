package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.connectionadvisor.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, the hostile tester's inputs that do not fit in a sample file (those are facts-samples/bad-*.json): each is
 * refused with exit 2 and exactly one line on standard error, quickly. The bound on time is generous (the build
 * machine is shared); what it guards against ran out of memory after minutes, or never ended.
 */
class InputAttacksTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    /** Runs the CLI with standard input from {@code stdin}, within the generous bound. */
    private static Run run(InputStream stdin, String... args) {
        return assertTimeoutPreemptively(GENEROUS, () -> CliTest.run(stdin, args));
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    /** Exit 2, nothing on standard output, and exactly this line on standard error. */
    private static void assertRefused(Run run, String line) {
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(line + NL);
    }

    /** /dev/zero as standard input: never ends, never has a line break. */
    private static InputStream zeros() {
        return new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aTenMegabyteMessageIsRefusedBeforeTheFileIsRead() throws IOException {
        Path facts = file("big.json", "{\"errorMessage\": \"" + "TF31002 ".repeat(1_310_720) + "\"}");

        assertRefused(run("diagnose", facts.toString()),
                "error: FILE: '" + facts + "' is larger than 1 MiB (1048576 bytes); facts are one small JSON object.");
    }

    @Test
    void aMessageOrAnAddressOverItsOwnLimitIsRefusedNamingTheField() throws IOException {
        Path message = file("message.json", "{\"errorMessage\": \"" + "x".repeat(20_000) + "\"}");
        Path url = file("url.json", "{\"serverUrl\": \"https://tfs/" + "x".repeat(3_000) + "\"}");

        assertRefused(run("diagnose", message.toString()), "error: errorMessage: '" + "x".repeat(200)
                + "...' is 20000 characters long. Accepted: at most 16384 characters.");
        assertRefused(run("diagnose", url.toString()), "error: serverUrl: 'https://tfs/" + "x".repeat(188)
                + "...' is 3012 characters long. Accepted: at most 2048 characters.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoThatNobodyWritesToIsRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("facts.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        assertRefused(run("diagnose", fifo.toString()), "error: FILE: '" + fifo + "' is not a regular file but a device, pipe"
                + " or socket; give a JSON facts file, or pipe the facts into - (standard input).");
        assertRefused(run("ask", fifo.toString()), "error: FILE: '" + fifo + "' is not a regular file but a device, pipe"
                + " or socket; give a JSON facts file, or pipe the facts into - (standard input).");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroAsFileIsRefused() {
        assertRefused(run("diagnose", "/dev/zero"), "error: FILE: '/dev/zero' is not a regular file but a device, pipe or"
                + " socket; give a JSON facts file, or pipe the facts into - (standard input).");
    }

    @Test
    void endlessStandardInputIsReadUpToOneMebibyte() {
        assertRefused(run(zeros(), "diagnose", "-"),
                "error: FILE: standard input is larger than 1 MiB (1048576 bytes); facts are one small JSON object.");
    }

    @Test
    void trailingDataAfterTheObjectIsRefused() throws IOException {
        Path facts = file("trailing.json", "{\"product\": \"tfs\"}\n{\"product\": \"vsts\"}\n");

        assertRefused(run("diagnose", facts.toString()),
                "error: the input goes on after its JSON object, which ends at line 1, column 18; give one JSON object.");
    }

    @Test
    void aByteOrderMarkIsAcceptedAtTheStartOfAFileOrOfStandardInput() throws IOException {
        byte[] json = "{\"product\": \"tfs\", \"symptoms\": [\"TF31002\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Path plain = Files.write(dir.resolve("plain.json"), json);
        Path bom = Files.write(dir.resolve("bom.json"), withBom);
        Run expected = run("diagnose", plain.toString());

        Run fromFile = run("diagnose", bom.toString());
        Run fromStandardInput = run(new ByteArrayInputStream(withBom), "diagnose", "-");

        assertThat(expected.exit()).isZero();
        assertThat(fromFile).isEqualTo(expected);
        assertThat(fromStandardInput).isEqualTo(expected);
    }

    @Test
    void escapeSequencesAreEchoedEscaped() throws IOException {
        Path product = file("product.json", "{\"product\": \"\\u001b]0;pwned\\u0007\"}");
        Path url = file("url.json", "{\"serverUrl\": \"https://tfs.contoso.com/\\u001b[2J\"}");

        assertRefused(run("diagnose", product.toString()), "error: product: '\\u001b]0;pwned\\u0007' has a control or"
                + " invisible character (\\u001b) at character 1. Accepted: printable characters only.");
        assertRefused(run("diagnose", url.toString()), "error: serverUrl: 'https://tfs.contoso.com/\\u001b[2J' has a control"
                + " or invisible character (\\u001b) at character 25. Accepted: printable characters only.");
        assertRefused(run("diagnose", "--\u001b]0;pwned\u0007", "facts.json"), "error: Unknown option: '--\\u001b]0;pwned\\u0007'");
        assertRefused(run("diagnose", "facts\u0000.json"), "error: FILE: 'facts\\u0000.json' is not a path: Nul character not allowed.");
    }

    @Test
    void credentialsInAnAddressAreNeverEchoed() throws IOException {
        Path contradiction = file("contradiction.json",
                "{\"product\": \"server\", \"serverUrl\": \"https://alice:s3cret@dev.azure.com/fabrikam\"}");
        Path notAUrl = file("not-a-url.json", "{\"serverUrl\": \"https://alice:s3cret@\"}");

        assertRefused(run("diagnose", contradiction.toString()), "error: product: 'server' contradicts serverUrl"
                + " 'https://***@dev.azure.com/fabrikam', which is an address of Azure DevOps Services. Give the one that is"
                + " right, or leave product out to infer it from the URL.");
        assertRefused(run("diagnose", notAUrl.toString()), "error: serverUrl: 'https://***@' is not a URL. Accepted: an address"
                + " such as https://dev.azure.com/fabrikam or http://tfs.contoso.com:8080/tfs.");
    }

    @Test
    void askEchoesFactsAndAnswersWithoutCredentialsOrRawControlCharacters() throws IOException {
        Path facts = file("facts.json", "{\"serverUrl\": \"https://alice:s3cret@tfs.contoso.com/tfs\", \"symptoms\": [\"TF31002\"],"
                + " \"errorMessage\": \"TF31002 at http://bob:hunter2@tfs.contoso.com:8080/tfs\\u202e\"}");

        Run run = run(new ByteArrayInputStream("https://carol:pa55@x\u001b[2J\n99999999999\nq\n".getBytes(StandardCharsets.UTF_8)),
                "ask", facts.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Starting from {\"symptoms\":[\"TF31002\"],\"errorMessage\":\"TF31002 at"
                + " http://***@tfs.contoso.com:8080/tfs\\u202e\",\"serverUrl\":\"https://***@tfs.contoso.com/tfs\"}." + NL)
                .contains(NL + "> https://***@x\\u001b[2J" + NL + "role: 'https://***@x\\u001b[2J' has a control or invisible"
                        + " character (\\u001b) at character 21. Accepted: printable characters only." + NL)
                .contains(NL + "> 99999999999" + NL + "role: '99999999999' is not accepted. Accepted: user, administrator"
                        + " (also: admin, not-the-administrator)." + NL)
                .doesNotContain("s3cret", "hunter2", "pa55", "\u001b", "\u202e");
    }

    @Test
    void askEndsOnAnEndlessOrOverlongAnswerLine() {
        String refused = "error: standard input: an answer is longer than 4096 characters. Accepted: a number or a value, one per line.";
        Run zeros = run(zeros(), "ask");
        Run overlong = run(new ByteArrayInputStream(("x".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8)), "ask");

        for (Run run : new Run[] {zeros, overlong}) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).startsWith("Starting from no facts.");
            assertThat(run.err()).isEqualTo(refused + NL);
        }
    }

    @Test
    void askEndsAfterAThousandAnswers() {
        Run run = run(new ByteArrayInputStream("nonsense\n".repeat(2_000).getBytes(StandardCharsets.UTF_8)), "ask");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: standard input: more than 1000 answers; a session needs a few dozen at most." + NL);
    }

    @Test
    void anErrorOfTheJvmIsOneLineWithExitOneAndNoStackTrace() {
        InputStream outOfMemory = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("broken\u001b[2J");
            }
        };

        Run oom = run(outOfMemory, "diagnose", "-");
        Run bug = run(broken, "diagnose", "-");

        assertThat(oom).isEqualTo(new Run(1, "", "error: internal error: OutOfMemoryError: Java heap space" + NL));
        assertThat(bug).isEqualTo(new Run(1, "", "error: internal error: IllegalStateException: broken\\u001b[2J" + NL));
    }
}
