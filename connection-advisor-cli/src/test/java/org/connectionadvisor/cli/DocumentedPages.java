package org.connectionadvisor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pages whose commands {@link DocumentedCommandsIT} runs: the README, {@code docs/*.md}, the admin guide. */
final class DocumentedPages {
    private DocumentedPages() {
    }

    static List<Path> list(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(root.resolve("rules-drl/README.md"));
        return pages;
    }
}
