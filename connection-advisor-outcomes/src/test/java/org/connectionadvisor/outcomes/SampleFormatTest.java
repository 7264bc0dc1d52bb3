package org.connectionadvisor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A shipped sample, read with Jackson and written in the samples' layout, is the file as it was, byte for byte; three
 * are not, and that is as far as Jackson allows: it writes an escaped control character in upper-case hex
 * ({@code \u001B} for {@code \u001b}), and it cannot tell that one sample wrote its arrays on one line.
 */
class SampleFormatTest {
    @Test
    void theShippedSamplesAreWrittenBackAsTheyWereButWhereJacksonCannot() throws IOException {
        List<String> differ = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(Path.of("facts-samples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                JsonOrNot parsed = JsonOrNot.of(text);
                if (parsed.tree() != null) { // the samples of unreadable input are not JSON on purpose
                    read++;
                    if (!SampleFormat.write(parsed.tree()).equals(text)) {
                        differ.add(file.getFileName().toString());
                    }
                }
            }
        }
        assertThat(read).isGreaterThan(100);
        assertThat(differ).containsExactly("bad-escape-sequence-product.json", "bad-escape-sequence-server-url.json",
                "situation-readme-worked-example.json");
    }

    private record JsonOrNot(com.fasterxml.jackson.databind.JsonNode tree) {
        static JsonOrNot of(String text) {
            try {
                return new JsonOrNot(SampleFormat.read(text));
            } catch (IOException e) {
                return new JsonOrNot(null);
            }
        }
    }
}
