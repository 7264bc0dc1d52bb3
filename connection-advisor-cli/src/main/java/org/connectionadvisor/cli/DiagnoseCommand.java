package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Facts;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.Echo;
import org.connectionadvisor.FactsText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Ranks the recommendations for the facts in FILE (a facts object, or a sample file's facts or rawFacts;"
                + " - reads standard input).")
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

    /**
     * The text of FILE, or of standard input for "-": at most 1 MiB, from a regular file (a FIFO or a device is
     * refused before it is opened), a byte order mark allowed.
     */
    static String read(String file) throws IOException {
        if ("-".equals(file)) {
            return FactsText.read(System.in, "FILE: standard input");
        }
        String quoted = "FILE: '" + Echo.value(file) + "'";
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidFactsException("FILE", file, quoted + " is not a path: " + Echo.value(e.getReason()) + ".");
        }
        return FactsText.read(path, quoted);
    }
}
