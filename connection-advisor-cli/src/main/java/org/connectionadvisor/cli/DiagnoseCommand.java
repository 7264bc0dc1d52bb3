package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Ranks the recommendations for the facts in FILE (a facts object or a sample file; - reads standard input).")
final class DiagnoseCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Mixin
    private RulesOption rules;

    @Option(names = "--format", defaultValue = "text", description = "text (for a person) or json. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Parameters(paramLabel = "FILE", description = "JSON facts, or - for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        Facts facts = Facts.fromJson(read(file));
        Diagnosis diagnosis = rules.advisor().diagnose(facts);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(diagnosis.toJson());
        } else {
            TextReport.print(diagnosis, out);
        }
        return Main.OK;
    }

    static String read(String file) throws IOException {
        if ("-".equals(file)) {
            return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new InvalidFactsException("FILE", file, "FILE: '" + file + "' is a directory; give one JSON facts file, or - for standard input.");
        }
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidFactsException("FILE", file, "FILE: '" + file + "' does not exist.");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidFactsException("FILE", file, "FILE: '" + file + "' is not UTF-8 text; facts are a JSON file.");
        }
    }
}
