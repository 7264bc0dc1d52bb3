package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.connectionadvisor.cli.CliTest.Run;
import org.connectionadvisor.Echo;

/**
 * Issue 12 at the command line: whatever string a field of the facts file or an answer to ask gets, the CLI exits 0 or
 * 2, bad input is exactly one "error:" line, and nothing it prints has a raw control character (but its own line
 * breaks) or a URL's credentials.
 */
class CliPropertyTest {
    private static final String SECRET = "s3cr3tPW";
    private static final List<String> FIELDS = List.of("product", "scope", "client", "os", "visualStudioVersion",
            "serverVersion", "symptoms", "context", "errorMessage", "serverUrl", "confirmed", "ruledOut");
    private static final List<String> LISTS = List.of("symptoms", "context", "confirmed", "ruledOut");
    /** Non-ASCII as \\u escapes, so that any string, a lone surrogate included, makes a valid UTF-8 file. */
    private static final ObjectWriter JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writer();
    private static final String NL = System.lineSeparator();

    @Property(tries = 200)
    void anyStringInAnyFieldOrAnswerIsShownSafely(@ForAll("fields") String field, @ForAll("hostile") String value)
            throws IOException {
        Path facts = Files.createTempFile("facts", ".json");
        try {
            Files.writeString(facts, JSON.writeValueAsString(Map.of(field, LISTS.contains(field) ? List.of(value) : value)));

            Run diagnose = CliTest.run(InputStream.nullInputStream(), "diagnose", facts.toString());
            Run ask = CliTest.run(CliTest.input(value + "\nq\n"), "ask");

            if (diagnose.exit() == 2) {
                assertThat(diagnose.out()).isEmpty();
                assertThat(diagnose.err()).startsWith("error: ").endsWith(NL);
                assertThat(diagnose.err().split(NL, -1)).hasSize(2);
            } else {
                assertThat(diagnose.exit()).isZero();
                assertThat(diagnose.err()).isEmpty();
            }
            assertThat(ask.exit()).isZero();
            assertThat(ask.err()).isEmpty();
            for (String shown : List.of(diagnose.out(), diagnose.err(), ask.out())) {
                assertThat(shown.contains(SECRET)).as(Echo.safe(shown)).isFalse();
                assertThat(shown.replace(NL, "").codePoints().filter(Echo::unprintable).toArray()).as(Echo.safe(shown)).isEmpty();
            }
        } finally {
            Files.delete(facts);
        }
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of(FIELDS);
    }

    /** Words, any characters, control and invisible ones, and credentials in URLs, strung together. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("tfs", "server", "one-computer", "TF31002", "remote-worker", "domain-trust", "2019", "16.11",
                        "https://dev.azure.com/x", "http://tfs:8080/tfs", "", " "),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\u0000\u0007\u001b\u007f\u0085\u009b\u200b\u202e\u2028\ud800\n\r\t []:;/@").ofMaxLength(6),
                Arbitraries.of("https://alice:" + SECRET + "@tfs.contoso.com/tfs", "http://" + SECRET + "@dev.azure.com/fabrikam",
                        "alice:" + SECRET + "@tfs.contoso.com", "\u001b]0;title\u0007", "\u001b[2J"));
        return part.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }
}
