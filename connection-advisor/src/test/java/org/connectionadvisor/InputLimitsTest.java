package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: sizes, characters and sources of the facts are bounded, every refusal is one message that names the
 * field and quotes the value escaped and without credentials, and credentials are not kept. Bounds on time are
 * generous (the build machine is shared); what they guard against took seconds to minutes, or never ended.
 */
class InputLimitsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aValueLongerThanItsLimitIsRefusedWithItsLengthAndTheLimit() {
        assertThatThrownBy(() -> Facts.builder().scope("x".repeat(201)))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessage("scope: '" + "x".repeat(200) + "...' is 201 characters long. Accepted: at most 200 characters.");
        assertThatThrownBy(() -> Facts.builder().serverUrl("https://tfs/" + "x".repeat(2037)))
                .hasMessage("serverUrl: 'https://tfs/" + "x".repeat(188) + "...' is 2049 characters long. Accepted: at most 2048 characters.");
        assertThat(Facts.builder().errorMessage("x".repeat(16_384)).build().errorMessage()).hasValue("x".repeat(16_384));
        assertThatThrownBy(() -> Facts.builder().errorMessage("x".repeat(16_385)))
                .hasMessage("errorMessage: '" + "x".repeat(200) + "...' is 16385 characters long. Accepted: at most 16384 characters.");
        assertThatThrownBy(() -> Facts.fromJson("{\"ruledOut\": [\"" + "y".repeat(300) + "\"]}"))
                .hasMessage("ruledOut: '" + "y".repeat(200) + "...' is 300 characters long. Accepted: at most 200 characters.");
    }

    @Test
    void aTenMegabyteMessageIsRefusedAtOnce() {
        String message = "TF31002 ".repeat(1_310_720);
        assertTimeoutPreemptively(GENEROUS, () -> assertThatThrownBy(() -> Facts.builder().errorMessage(message))
                .hasMessage("errorMessage: '" + "TF31002 ".repeat(25) + "...' is 10485760 characters long. Accepted: at most 16384 characters."));
    }

    @Test
    void aMessageAtTheLimitIsReadOnceForADiagnosisAndItsQuestions() {
        Facts facts = Facts.builder().errorMessage("TF31002 https://tfs.contoso.com/tfs 401 ".repeat(400)).build();
        assertTimeoutPreemptively(GENEROUS, () -> {
            Diagnosis diagnosis = ConnectionAdvisor.withDefaultRules().diagnose(facts);
            assertThat(diagnosis.questions()).isNotEmpty();
            assertThat(diagnosis.heard()).isNotEmpty();
        });
    }

    @Test
    void listsTakeAtMostFiftyEntries() {
        String[] codes = Collections.nCopies(51, "TF31002").toArray(String[]::new);
        assertThatThrownBy(() -> Facts.builder().symptoms(codes))
                .hasMessage("symptoms: 51 entries are too many. Accepted: at most 50.");
        assertThat(Facts.builder().symptoms(Collections.nCopies(50, "TF31002").toArray(String[]::new)).build().symptoms())
                .containsExactly("TF31002");
        Facts.Builder builder = Facts.builder();
        for (int i = 0; i < 50; i++) {
            builder.ruledOut("row-" + i);
        }
        assertThatThrownBy(() -> builder.ruledOut("row-50")).hasMessage("ruledOut: 51 entries are too many. Accepted: at most 50.");
        StringBuilder answers = new StringBuilder("{\"context\": {");
        for (int i = 0; i < 51; i++) {
            answers.append(i == 0 ? "" : ", ").append("\"flag-").append(i).append("\": true");
        }
        assertThatThrownBy(() -> Facts.fromJson(answers + "}}")).hasMessage("context: 51 entries are too many. Accepted: at most 50.");
    }

    @Test
    void identifiersRefuseControlAndInvisibleCharacters() {
        assertThatThrownBy(() -> Facts.builder().product("\u001b]0;pwned\u0007tfs"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessage("product: '\\u001b]0;pwned\\u0007tfs' has a control or invisible character (\\u001b) at character 1."
                        + " Accepted: printable characters only.")
                .extracting("field", "value").containsExactly("product", "\u001b]0;pwned\u0007tfs");
        // A year inside would have made this a version.
        assertThatThrownBy(() -> Facts.builder().serverVersion("TFS\u00002012"))
                .hasMessage("serverVersion: 'TFS\\u00002012' has a control or invisible character (\\u0000) at character 4."
                        + " Accepted: printable characters only.");
        assertThatThrownBy(() -> Facts.builder().confirmed("domain-trust\u202e"))
                .hasMessage("confirmed: 'domain-trust\\u202e' has a control or invisible character (\\u202e) at character 13."
                        + " Accepted: printable characters only.");
        assertThatThrownBy(() -> Facts.builder().serverUrl("https://tfs\u001b[2J/"))
                .hasMessage("serverUrl: 'https://tfs\\u001b[2J/' has a control or invisible character (\\u001b) at character 12."
                        + " Accepted: printable characters only.");
        assertThatThrownBy(() -> Facts.fromJson("{\"context\": {\"remote-worker\\n\": true}}"))
                .hasMessage("context: 'remote-worker\\n' has a control or invisible character (\\n) at character 14."
                        + " Accepted: printable characters only.");
        assertThatThrownBy(() -> Facts.empty().with("remote-worker", "yes\u0085"))
                .hasMessage("remote-worker: 'yes\\u0085' has a control or invisible character (\\u0085) at character 4."
                        + " Accepted: printable characters only.");
        assertThatThrownBy(() -> Facts.builder().product(null))
                .hasMessage("product: null is not a value. Accepted: a string; leave product out when it is not known.");
    }

    @Test
    void aPastedMessageMayHaveLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(Facts.builder().errorMessage("TF31002:\r\n\tUnable to connect").build().errorMessage())
                .hasValue("TF31002:\r\n\tUnable to connect");
        assertThatThrownBy(() -> Facts.builder().errorMessage("TF31002\u0000"))
                .hasMessage("errorMessage: 'TF31002\\u0000' has a control or invisible character (\\u0000) at character 8."
                        + " Accepted: text with line breaks and tabs but no other control characters.");
    }

    @Test
    void urlCredentialsAreNeitherKeptNorEchoed() {
        Facts facts = Facts.builder().serverUrl("https://alice:s3cret@tfs.contoso.com/tfs")
                .errorMessage("TF31002 from http://bob:hunter2@tfs.contoso.com:8080/tfs").build();
        assertThat(facts.serverUrl()).hasValue("https://***@tfs.contoso.com/tfs");
        assertThat(facts.errorMessage()).hasValue("TF31002 from http://***@tfs.contoso.com:8080/tfs");
        assertThat(facts.toString()).doesNotContain("alice", "s3cret", "bob", "hunter2");
        assertThat(Facts.builder().serverUrl(" alice:s3cret@tfs.contoso.com ").build().serverUrl()).hasValue("***@tfs.contoso.com");
        // The host still tells the product, and https:// that SSL is configured.
        assertThat(ConnectionAdvisor.withDefaultRules().diagnose(facts).heard()).extracting(Heard::label).contains(
                "the server URL's host tfs.contoso.com is not an Azure DevOps Services address, so it is an Azure DevOps Server",
                "the server address tfs.contoso.com is reached over https://, so the server has SSL configured");
        assertThatThrownBy(() -> Facts.builder().serverUrl("https://alice:s3cret@"))
                .hasMessage("serverUrl: 'https://***@' is not a URL. Accepted: an address such as https://dev.azure.com/fabrikam"
                        + " or http://tfs.contoso.com:8080/tfs.");
        assertThatThrownBy(() -> Facts.fromJson("{\"product\": \"server\", \"serverUrl\": \"https://alice:s3cret@dev.azure.com/x\"}"))
                .hasMessage("product: 'server' contradicts serverUrl 'https://***@dev.azure.com/x', which is an address of Azure DevOps"
                        + " Services. Give the one that is right, or leave product out to infer it from the URL.");
    }

    @Test
    void everyEchoOfAGivenValueIsEscaped() {
        assertThatThrownBy(() -> Facts.fromJson("{\"scope\": 2, \"prod\\u001buct\": 1}"))
                .hasMessage("scope: expected a string, got a number 2.");
        assertThatThrownBy(() -> Facts.fromJson("{\"prod\\u001buct\": 1}"))
                .hasMessage("'prod\\u001buct' is not a known field. Accepted fields: product, scope, client, visualStudioVersion,"
                        + " serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut, role, dontKnow. Did you mean 'product'?");
        assertThatThrownBy(() -> Facts.fromJson("{\"symptoms\": \"TF\\u001b31002\"}"))
                .hasMessage("symptoms: expected a list of strings such as [\"TF31002\"], got a string \"TF\\u001B31002\".");
        assertThatThrownBy(() -> Facts.fromJson("{\"product\": tfs\u001b}"))
                .hasMessage("the input is not valid JSON at line 1, column 17: Unrecognized token 'tfs\\u001b': was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertThatThrownBy(() -> Facts.fromJson("{\"product\": \"tfs\u001b\"}"))
                .hasMessage("the input is not valid JSON at line 1, column 17: Illegal unquoted character ((CTRL-CHAR, code 27)):"
                        + " has to be escaped using backslash to be included in string value");
    }

    @Test
    void oneJsonValueAndNothingAfterIt() {
        assertThatThrownBy(() -> Facts.fromJson("{\"product\": \"tfs\"} {\"product\": \"vsts\"}"))
                .hasMessage("the input goes on after its JSON object, which ends at line 1, column 18; give one JSON object.");
        assertThatThrownBy(() -> Facts.fromJson("{\n  \"product\": \"tfs\"\n}\nrm -rf /"))
                .hasMessage("the input goes on after its JSON object, which ends at line 3, column 1; give one JSON object.");
        assertThatThrownBy(() -> Facts.fromJson("{}}"))
                .hasMessage("the input goes on after its JSON object, which ends at line 1, column 2; give one JSON object.");
        assertThat(Facts.fromJson("{\"product\": \"tfs\"}\n\n  ")).isEqualTo(Facts.builder().product("tfs").build());
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() {
        assertThat(Facts.fromJson("\uFEFF{\"product\": \"tfs\"}")).isEqualTo(Facts.builder().product("tfs").build());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"product\": \"tfs\"}".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(json, 0, both, bom.length, json.length);
        assertThat(Facts.fromJson(new ByteArrayInputStream(both))).isEqualTo(Facts.builder().product("tfs").build());
        assertThatThrownBy(() -> Facts.fromJson("{\"product\": \"tfs\"}\uFEFF"))
                .hasMessage("the input goes on after its JSON object, which ends at line 1, column 18; give one JSON object.");
    }

    @Test
    void nestingIsBounded() {
        assertThat(Facts.fromJson("{\"context\": {\"remote-worker\": null}}")).isEqualTo(Facts.empty());
        assertThatThrownBy(() -> Facts.fromJson("[".repeat(100_000)))
                .hasMessage("the input nests lists and objects more than 10 deep; facts are one flat JSON object.");
    }

    @Test
    void jsonTextIsBoundedToOneMebibyte() {
        String big = "{\"errorMessage\": \"" + "x".repeat(1 << 20) + "\"}";
        assertThatThrownBy(() -> Facts.fromJson(big))
                .hasMessage("the input is larger than 1 MiB (1048576 characters); facts are one small JSON object.");
    }

    @Test
    void aStreamIsReadUpToTheLimitOnly() {
        InputStream zeros = new InputStream() { // /dev/zero: never ends
            @Override
            public int read() {
                return 0;
            }
        };
        assertTimeoutPreemptively(GENEROUS, () -> assertThatThrownBy(() -> Facts.fromJson(zeros))
                .hasMessage("the input is larger than 1 MiB (1048576 bytes); facts are one small JSON object."));
        assertThatThrownBy(() -> Facts.fromJson(new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'})))
                .hasMessage("the input is not UTF-8 text; facts are JSON in UTF-8.");
    }

    @Test
    void aFileMustBeARegularFileOfAtMostOneMebibyte() throws IOException {
        Path big = Files.write(dir.resolve("big.json"), new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> Facts.fromJson(big))
                .hasMessage("'" + big + "' is larger than 1 MiB (1048576 bytes); facts are one small JSON object.");
        assertThatThrownBy(() -> Facts.fromJson(dir))
                .hasMessage("'" + dir + "' is a directory; give one JSON facts file, or - for standard input.");
        assertThatThrownBy(() -> Facts.fromJson(dir.resolve("none.json")))
                .hasMessage("'" + dir.resolve("none.json") + "' does not exist.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceOrAPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("facts.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        for (Path file : List.of(fifo, Path.of("/dev/zero"))) {
            assertTimeoutPreemptively(GENEROUS, () -> assertThatThrownBy(() -> Facts.fromJson(file))
                    .hasMessage("'" + file + "' is not a regular file but a device, pipe or socket; give a JSON facts file,"
                            + " or pipe the facts into - (standard input)."));
        }
    }

    @Test
    void aSampleFileGivesItsFactsOrItsRawFactsAndOnlyItsOwnFieldsAreAllowed() {
        Facts tfs = Facts.builder().product("tfs").build();
        assertThat(Facts.fromJson("{\"description\": \"d\", \"said\": \"s\", \"facts\": {\"product\": \"tfs\"},"
                + " \"expected\": {\"ids\": []}, \"why\": \"w\"}")).isEqualTo(tfs);
        assertThat(Facts.fromJson("{\"description\": \"d\", \"rawFacts\": \"{\\\"product\\\": \\\"tfs\\\"}\", \"expected\": {}}"))
                .isEqualTo(tfs);
        assertThatThrownBy(() -> Facts.fromJson("{\"description\": \"d\", \"rawFacts\": \"{\\\"prodcut\\\": 1}\"}"))
                .hasMessage("'prodcut' is not a known field. Accepted fields: product, scope, client, visualStudioVersion,"
                        + " serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut, role, dontKnow. Did you mean 'product'?");
        assertThatThrownBy(() -> Facts.fromJson("{\"descripton\": \"d\", \"facts\": {}}"))
                .hasMessage("'descripton' is not a field of a sample file. Accepted fields: description, said, facts, rawFacts,"
                        + " truth, expected, why. Did you mean 'description'?");
        assertThatThrownBy(() -> Facts.fromJson("{\"facts\": {}, \"rawFacts\": \"{}\"}"))
                .hasMessage("a sample file has its facts in \"facts\" (an object) or in \"rawFacts\" (text), not in both.");
        assertThatThrownBy(() -> Facts.fromJson("{\"rawFacts\": {\"product\": \"tfs\"}}"))
                .hasMessage("rawFacts: expected a string (the text read as facts), got an object {\"product\":\"tfs\"}.");
        // Without facts or rawFacts it is a facts object, whose fields are the facts' own.
        assertThatThrownBy(() -> Facts.fromJson("{\"description\": \"d\", \"product\": \"tfs\"}"))
                .hasMessage("'description' is not a known field. Accepted fields: product, scope, client, visualStudioVersion,"
                        + " serverVersion, os, symptoms, context, errorMessage, serverUrl, confirmed, ruledOut, role, dontKnow.");
    }
}
