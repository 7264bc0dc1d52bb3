package org.connectionadvisor.cli;

import java.io.PrintWriter;

import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.RulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar connection-advisor.jar <command>}: exit 0 on success, 2 on bad input, 1 otherwise. */
@Command(name = "connection-advisor", mixinStandardHelpOptions = true, version = "connection-advisor 0.1.0",
        description = "Diagnoses Azure DevOps Services / Server (VSTS / TFS) connection and sign-in problems.",
        subcommands = {DiagnoseCommand.class, AskCommand.class, ValidateCommand.class, TestCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the streams are parameters so tests can run the CLI in-process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof InvalidFactsException invalid) {
                err.println("error: " + invalid.getMessage());
                return BAD_INPUT;
            }
            if (exception instanceof RulesException rules) {
                err.println("error: the rules could not be loaded:");
                rules.problems().forEach(problem -> err.println("  " + problem.format()));
                return FAILED;
            }
            if (exception instanceof DiagnosisException || exception instanceof java.io.IOException
                    || exception instanceof java.io.UncheckedIOException) {
                err.println("error: " + exception.getMessage());
                return FAILED;
            }
            throw exception;
        });
        return cli.execute(args);
    }
}
