package org.connectionadvisor.outcomes;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The layout of the files in facts-samples/: two spaces of indent, one array element per line, {@code "key": value},
 * {@code []} and {@code {}} when empty, a final line break. Writing a sample read with Jackson in this layout gives the
 * file back as it was (SampleFormatTest checks every shipped sample), so a rewrite changes only what it means to.
 */
public final class SampleFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(printer());

    private SampleFormat() {
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""));
        printer.indentObjectsWith(lines);
        printer.indentArraysWith(lines);
        return printer;
    }

    /** A sample file's text. */
    public static String write(JsonNode sample) {
        try {
            return WRITER.writeValueAsString(sample) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a sample's text as a tree whose objects keep their fields' order. */
    public static JsonNode read(String text) throws IOException {
        return JSON.readTree(text);
    }
}
