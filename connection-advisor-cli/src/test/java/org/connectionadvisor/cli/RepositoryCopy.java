package org.connectionadvisor.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A scratch copy of the repository for a page's commands, so that what they create ({@code my-rules/}, a token file)
 * stays out of the working tree: every source file, and of the build only the root {@code target/} (the runnable jar,
 * its launcher and archive), linked rather than copied.
 */
final class RepositoryCopy {
    private static final Set<String> LEFT_OUT = Set.of(".git", "target", "node_modules");

    private RepositoryCopy() {
    }

    static Path of(Path root) throws IOException {
        Path copy = Files.createTempDirectory("documented-commands");
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && LEFT_OUT.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(root.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, copy.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        Files.createSymbolicLink(copy.resolve("target"), root.resolve("target"));
        return copy;
    }

    static void delete(Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(copy)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
