package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads a rule file that was checked to be a regular file, so that what is found at its path by the time it is opened
 * cannot hold the reader. Whoever can write the rules directory can put a FIFO there between the check and the open:
 * opening a FIFO waits for a writer, and reading it waits for data. So the read runs on a thread of its own, and the
 * caller waits for it no longer than {@link #LIMIT} (a local file of {@link DrlFile#MAX_FILE_BYTES} takes
 * microseconds). Past it the reader is interrupted, which ends a read that waits (the file is read through an
 * interruptible channel); and when the path is no longer a regular file, it is opened once for reading and writing,
 * which never waits on Linux and lets a reader that waits to open a FIFO go on, see the end of the data, and end.
 */
final class RuleFileRead {
    static final Duration LIMIT = Duration.ofSeconds(2);

    /** Runs between the check of a file and its opening; a test swaps the file there. */
    static volatile Runnable betweenCheckAndOpen = () -> { };

    private RuleFileRead() {
    }

    /** At most {@code max + 1} bytes of the file (more means it grew past the limit), or null if they did not come within {@link #LIMIT}. */
    static byte[] read(Path path, long max) throws IOException {
        betweenCheckAndOpen.run();
        try {
            return Deadline.run("rule file read", LIMIT, () -> {
                try {
                    return bytes(path, (int) max + 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (Deadline.Exceeded e) {
            unblock(path);
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] bytes(Path path, int most) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(most);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the end or one byte past the limit
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** Lets a reader waiting to open a FIFO go on; a path that became a regular file again is left alone. */
    private static void unblock(Path path) {
        if (Files.isRegularFile(path)) {
            return;
        }
        try (FileChannel writer = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // opened and closed: the waiting open has its writer, then the end of the data
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to write (or gone): the reader waits until someone writes it, on a daemon thread
        }
    }
}
