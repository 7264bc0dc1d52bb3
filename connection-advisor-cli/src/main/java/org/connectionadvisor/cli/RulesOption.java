package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Echo;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The --rules option every command shares, and the advisor it selects: the packaged rules, or an admin's directory. */
final class RulesOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--rules", paramLabel = "DIR", description = "Use the DRL rules in DIR instead of the packaged copy of rules-drl/.")
    private Path directory;

    /** The directory --rules names; null for the packaged rules. */
    Path directory() {
        return directory;
    }

    ConnectionAdvisor advisor() {
        if (directory == null) {
            return ConnectionAdvisor.withDefaultRules();
        }
        directory(command, "--rules", directory, ".drl", "rule");
        return ConnectionAdvisor.fromDirectory(directory);
    }

    /**
     * A directory an option names, checked the same way for every command: missing, not a directory, or without a
     * single file of its kind is bad input (exit 2, one line naming the option and the path).
     */
    static void directory(CommandSpec command, String option, Path directory, String extension, String kind) {
        String quoted = option + ": '" + Echo.value(directory.toString()) + "'";
        if (!Files.exists(directory)) {
            throw new ParameterException(command.commandLine(), quoted + " does not exist.");
        }
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(command.commandLine(), quoted + " is not a directory; give the directory of the "
                    + kind + " files.");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            if (files.noneMatch(file -> file.toString().endsWith(extension))) {
                throw new ParameterException(command.commandLine(), quoted + " holds no *" + extension + " " + kind + " files.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
