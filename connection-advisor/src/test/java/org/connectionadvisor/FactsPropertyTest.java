package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever comes in, the API answers with a diagnosis or the documented error, never another exception. */
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
