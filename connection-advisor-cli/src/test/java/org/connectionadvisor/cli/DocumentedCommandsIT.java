package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shell command the documentation shows, run as a reader would run it, so that none goes stale: the README,
 * every page of {@code docs/} and the administrators' guide {@code rules-drl/README.md}.
 *
 * <p>A {@code ```sh} block is a script, run by bash as a whole with {@code set -e}: every command in it must
 * succeed. A {@code ```text} block whose lines start with {@code $ } is a transcript: each command is run and what it
 * prints (standard output and error) must be what the block shows, where a line {@code ...} stands for any number of
 * lines and a line ending in {@code ...} for any line that starts with what comes before. An HTML comment just
 * before a block changes how it is run: {@code <!-- not run: WHY -->} skips it (the reason is required, and Maven
 * commands, which would run this build again, must carry one); {@code <!-- background -->} starts its one command (a
 * server) and keeps it running, once its first line is printed, for the rest of the page. Each page runs in its own
 * copy of the repository, with the build's {@code target/} and nothing else of the build.
 */
class DocumentedCommandsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final int TIMEOUT_SECONDS = 120;

    @TestFactory
    Stream<DynamicTest> everyCommandOfEveryPage() throws IOException {
        return DocumentedPages.list(ROOT).stream()
                .map(page -> DynamicTest.dynamicTest(ROOT.relativize(page).toString(), () -> runPage(page)));
    }

    private static void runPage(Path page) throws Exception {
        List<DocumentedBlock> blocks = DocumentedBlock.parse(ROOT.relativize(page).toString(),
                Files.readAllLines(page, StandardCharsets.UTF_8));
        if (blocks.isEmpty()) {
            return;
        }
        Path copy = RepositoryCopy.of(ROOT);
        List<Process> background = new ArrayList<>();
        try {
            for (DocumentedBlock block : blocks) {
                switch (block.mode()) {
                    case SKIPPED -> assertThat(block.reason()).as(block.where() + ": the reason a block is not run").isNotBlank();
                    case BACKGROUND -> background.add(Shell.startInBackground(copy, block.commands().get(0), block.where()));
                    case COMMANDS -> {
                        for (DocumentedBlock.Command command : block.commands()) {
                            Shell.Result result = Shell.run(copy, "set -e\n" + command.text(), TIMEOUT_SECONDS);
                            assertThat(result.exit()).as(command.where() + ": exit code of '" + command.text()
                                    + "', which printed:\n" + result.output()).isZero();
                        }
                    }
                    case TRANSCRIPT -> {
                        for (DocumentedBlock.Command command : block.commands()) {
                            Shell.Result result = Shell.run(copy, command.text(), TIMEOUT_SECONDS);
                            List<String> actual = result.output().lines().map(String::stripTrailing).toList();
                            assertThat(OutputPattern.matches(command.expected(), actual))
                                    .as(command.where() + ": '" + command.text() + "' printed\n" + String.join("\n", actual)
                                            + "\nwhere the page shows\n" + String.join("\n", command.expected()))
                                    .isTrue();
                        }
                    }
                }
            }
        } finally {
            background.forEach(Shell::stop);
            RepositoryCopy.delete(copy);
        }
    }
}
