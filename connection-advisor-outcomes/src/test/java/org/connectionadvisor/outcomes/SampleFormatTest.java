package org.connectionadvisor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A shipped sample, read with Jackson and written in the samples' layout, is the file as it was, byte for byte, except
 * exactly where Jackson cannot follow the file: it writes an escaped control character in upper-case hex
 * ({@code \u001B} for {@code \u001b}), and one element per line where a sample wrote an array on one line.
 */
class SampleFormatTest {
    /** {@code \u001b}: Jackson writes the hex digits in upper case. */
    private static final Pattern LOWER_CASE_ESCAPE = Pattern.compile("(?<!\\\\)\\\\u[0-9a-f]{0,3}[a-f]");
    /** {@code "symptoms": ["TF31002"]}: Jackson's layout puts each element on a line of its own. */
    private static final Pattern ONE_LINE_ARRAY = Pattern.compile("(?m)^\\s*\"[^\"]*\": \\[.+\\]");

    @Test
    void theShippedSamplesAreWrittenBackAsTheyWereButWhereJacksonCannot() throws IOException {
        List<String> differ = new ArrayList<>();
        List<String> beyondJackson = new ArrayList<>();
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
                    if (LOWER_CASE_ESCAPE.matcher(text).find() || ONE_LINE_ARRAY.matcher(text).find()) {
                        beyondJackson.add(file.getFileName().toString());
                    }
                }
            }
        }
        assertThat(read).isGreaterThan(100);
        assertThat(differ).isEqualTo(beyondJackson).contains("bad-escape-sequence-product.json");
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
