package org.connectionadvisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The text of facts from a file or a stream, read within {@link Limits#INPUT_BYTES}: never more than that is read
 * into memory, so /dev/zero or an endless pipe costs 1 MiB, not the heap. Only regular files are opened: a FIFO would
 * block and a device never ends. The messages name the source as the caller calls it (for example {@code FILE:
 * 'facts.json'}).
 */
public final class FactsText {
    private FactsText() {
    }

    /** A regular file's text; {@code source} names it in messages (its name already escaped, e.g. through {@link Echo#value}). */
    public static String read(Path file, String source) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidFactsException(null, file.toString(), source + " does not exist.");
        }
        if (attributes.isDirectory()) {
            throw new InvalidFactsException(null, file.toString(),
                    source + " is a directory; give one JSON facts file, or - for standard input.");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidFactsException(null, file.toString(), source + " is not a regular file but a device, pipe or"
                    + " socket; give a JSON facts file, or pipe the facts into - (standard input).");
        }
        if (attributes.size() > Limits.INPUT_BYTES) {
            throw tooLarge(file.toString(), source);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source); // within the limit even if the file grew since
        } catch (AccessDeniedException e) {
            throw new InvalidFactsException(null, file.toString(), source + " cannot be read: permission denied.");
        }
    }

    /** A stream's text, up to its end; {@code source} names it in messages ("FILE: standard input"). */
    public static String read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(Limits.INPUT_BYTES + 1);
        if (bytes.length > Limits.INPUT_BYTES) {
            throw tooLarge(null, source);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFactsException(null, null, source + " is not UTF-8 text; facts are JSON in UTF-8.");
        }
    }

    private static InvalidFactsException tooLarge(String value, String source) {
        return new InvalidFactsException(null, value, source + " is larger than 1 MiB (" + Limits.INPUT_BYTES
                + " bytes); facts are one small JSON object.");
    }
}
