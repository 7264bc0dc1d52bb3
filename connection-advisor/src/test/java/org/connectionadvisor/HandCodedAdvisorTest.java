package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmarks' baseline is only an honest comparison if it computes what the rules compute: on every sample in
 * facts-samples/ that expects ids (new samples are picked up as they are added), it must give exactly the rules'
 * ranked ids.
 */
class HandCodedAdvisorTest {
    private static final ConnectionAdvisor RULES = ConnectionAdvisor.withDefaultRules();

    static Stream<Arguments> samplesWithIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("facts-samples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode sample = json.readTree(file.toFile());
                if (sample.path("expected").has("ids")) {
                    String facts = sample.has("rawFacts") ? sample.get("rawFacts").asText() : sample.get("facts").toString();
                    List<String> ids = new ArrayList<>();
                    sample.get("expected").get("ids").forEach(id -> ids.add(id.asText()));
                    samples.add(Arguments.of(file.getFileName().toString(), facts, ids));
                }
            }
        }
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithIds")
    void givesTheRulesRankedIds(String name, String json, List<String> expected) {
        Facts facts = Facts.fromJson(json);

        List<String> handCoded = HandCodedAdvisor.rank(facts);

        assertThat(handCoded).isEqualTo(RULES.diagnose(facts).ids()).isEqualTo(expected);
    }
}
