package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.connectionadvisor.input.FactsJson;

/**
 * Whatever comes in, the API answers with a diagnosis or the documented error, never another exception; and whatever
 * string a field gets, nothing shown of it again has a raw control character or a URL's credentials.
 */
class FactsPropertyTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();
    private static final List<String> FIELDS = List.of("product", "scope", "client", "os", "visualStudioVersion",
            "serverVersion", "symptoms", "context", "errorMessage", "serverUrl", "confirmed", "ruledOut", "facts", "prodcut", "");
    private static final List<String> WORDS = List.of("services", "server", "tfs", "VSTS", "cloud", "one-computer",
            "several-computers", "visual-studio", "browser", "windows-10", "windows-7", "TF31002", "TF31003", "HTTP-401", "401",
            "cannot-connect", "blank-signin-flash", "remote-worker", "ssl-configured", "signed-in-with-work",
            "signed-in-with-personal", "personal-and-work-accounts", "b2b-guest", "service-account-password",
            "wrong-server-url", "https://dev.azure.com/x", "http://tfs:8080/tfs", "2013.1", "TFS 2015", "16.11", "", " ", "null",
            "ünïcødé", "http://", "::", "{", "\"");

    @Property(tries = 10_000)
    void everyInputGivesADiagnosisOrTheDocumentedError(@ForAll("inputs") String json) {
        try {
            Diagnosis diagnosis = ADVISOR.diagnose(Facts.fromJson(json));
            assertThat(diagnosis.recommendations()).allSatisfy(r -> {
                assertThat(ADVISOR.rowIds()).contains(r.id());
                assertThat(r.because()).isNotEmpty();
            });
        } catch (InvalidFactsException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Exception");
        }
    }

    /** In the hostile strings below, a URL's password or token; it must never be shown again, nor kept. */
    private static final String SECRET = "s3cr3tPW";
    /** Every field, a context flag, the account question, and the string itself as the name of a field. */
    private static final List<String> TARGETS = List.of("product", "scope", "client", "os", "visualStudioVersion",
            "serverVersion", "symptoms", "context", "errorMessage", "serverUrl", "confirmed", "ruledOut", "remote-worker",
            Facts.SIGNED_IN_WITH, "<field name>");
    private static final List<String> LISTS = List.of("symptoms", "context", "confirmed", "ruledOut");

    @Property(tries = 1_000)
    void anyStringInAnyFieldIsTakenOrRefusedAndNeverEchoedRawOrWithCredentials(@ForAll("targets") String target,
            @ForAll("hostile") String value, @ForAll boolean asJson) throws JsonProcessingException {
        try {
            Facts facts;
            if (target.equals("<field name>")) {
                facts = Facts.fromJson(FactsJson.MAPPER.writeValueAsString(Map.of(value, "x")));
            } else if (asJson && !target.equals("remote-worker") && !target.equals(Facts.SIGNED_IN_WITH)) {
                facts = Facts.fromJson(FactsJson.MAPPER.writeValueAsString(Map.of(target, LISTS.contains(target) ? List.of(value) : value)));
            } else {
                facts = Facts.empty().with(target, value);
            }
            assertThat(facts.toString().contains(SECRET)).as(Echo.safe(facts.toString())).isFalse();
            assertShownSafely(Echo.json(facts.toMap()));
            Diagnosis diagnosis = ADVISOR.diagnose(facts);
            for (Heard heard : diagnosis.heard()) {
                assertShownSafely(heard.label());
                assertShownSafely(heard.value());
            }
            diagnosis.recommendations().forEach(r -> r.because().forEach(FactsPropertyTest::assertShownSafely));
        } catch (InvalidFactsException refused) {
            assertShownSafely(refused.getMessage());
        }
    }

    private static void assertShownSafely(String shown) {
        assertThat(shown.contains(SECRET)).as(Echo.safe(shown)).isFalse();
        assertThat(shown.codePoints().filter(Echo::unprintable).toArray()).as(Echo.safe(shown)).isEmpty();
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of(TARGETS);
    }

    /** Words, any characters, control and invisible ones, credentials in URLs, and long runs of them, strung together. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of(WORDS),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\u0000\u0007\u001b\u007f\u0085\u009b\u200b\u202e\u2028\ud800\n\r\t []:;/@").ofMaxLength(6),
                Arbitraries.of("https://alice:" + SECRET + "@tfs.contoso.com/tfs", "http://" + SECRET + "@dev.azure.com/fabrikam",
                        "alice:" + SECRET + "@tfs.contoso.com", "ftp://u:" + SECRET + "@h", "\u001b]0;title\u0007", "\u001b[2J"));
        Arbitrary<String> strung = part.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> repeated = Combinators.combine(part, Arbitraries.of(150, 2_100, 20_000))
                .as((text, times) -> text.isEmpty() ? text : text.repeat(Math.max(1, times / text.length())));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, strung), net.jqwik.api.Tuple.of(1, repeated));
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.oneOf(objects(), objects().flatMap(FactsPropertyTest::mutated), Arbitraries.strings().ofMaxLength(40));
    }

    private static Arbitrary<String> objects() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(FactsPropertyTest::quoted),
                Arbitraries.of(WORDS).list().ofMaxSize(4).map(list -> list.stream().map(FactsPropertyTest::quoted).toList().toString()),
                Arbitraries.integers().between(-5, 3000).map(String::valueOf),
                Arbitraries.of("true", "null", "{}", "[[]]", "1.5e3"));
        Arbitrary<String> entry = Combinators.combine(Arbitraries.of(FIELDS), value).as((k, v) -> quoted(k) + ": " + v);
        return entry.list().ofMaxSize(6).map(entries -> "{" + String.join(", ", entries) + "}");
    }

    /** Random damage: a cut, a dropped or a doubled character. */
    private static Arbitrary<String> mutated(String json) {
        if (json.isEmpty()) {
            return Arbitraries.just(json);
        }
        return Combinators.combine(Arbitraries.integers().between(0, json.length() - 1), Arbitraries.integers().between(0, 2))
                .as((at, how) -> switch (how) {
                    case 0 -> json.substring(0, at);
                    case 1 -> json.substring(0, at) + json.substring(at + 1);
                    default -> json.substring(0, at) + json.charAt(at) + json.substring(at);
                });
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
