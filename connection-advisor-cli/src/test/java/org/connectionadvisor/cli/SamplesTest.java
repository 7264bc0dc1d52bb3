package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.connectionadvisor.ConnectionAdvisor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in facts-samples/ is a test: its facts must give exactly its expected ranked ids, questions or error. */
class SamplesTest {
    private static final ConnectionAdvisor ADVISOR = ConnectionAdvisor.withDefaultRules();

    static Stream<Path> samples() {
        return Samples.files(Path.of("facts-samples")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesItsExpectedOutcome(Path file) throws IOException {
        Samples.Sample sample = Samples.read(file);
        Samples.Outcome outcome = Samples.run(ADVISOR, sample);
        assertThat(outcome.problem()).as(sample.description()).isNull();
    }
}
