package org.connectionadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

import org.connectionadvisor.DiagnosisException;
import org.connectionadvisor.InvalidFactsException;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.Echo;
import org.connectionadvisor.outcomes.OutcomeStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine;

/**
 * {@code java -jar connection-advisor.jar <command>}: exit 0 on success, 2 on bad input, 1 otherwise. Whatever fails,
 * a user sees lines that begin with "error: " on standard error, never a stack trace.
 */
@Command(name = "connection-advisor", mixinStandardHelpOptions = true, versionProvider = Main.BuildVersion.class,
        description = "Diagnoses Azure DevOps Services / Server (VSTS / TFS) connection and sign-in problems.",
        subcommands = {DiagnoseCommand.class, AskCommand.class, ValidateCommand.class, TestCommand.class, ImpactCommand.class, ServeCommand.class,
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
        // Arguments picocli cannot take (an unknown option, a missing FILE, a missing directory): one line, not the usage.
        cli.setParameterExceptionHandler((exception, arguments) -> {
            err.println("error: " + Echo.safe(exception.getMessage()));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof InvalidFactsException invalid) {
                err.println("error: " + Echo.safe(invalid.getMessage())); // safe as built; escaping again guards any other builder
                return BAD_INPUT;
            }
            if (exception instanceof RulesException rules) {
                err.println("error: the rules could not be loaded:");
                rules.problems().forEach(problem -> err.println("  " + problem.format()));
                return FAILED;
            }
            if (exception instanceof DiagnosisException || exception instanceof IOException
                    || exception instanceof java.io.UncheckedIOException || exception instanceof OutcomeStoreException) {
                err.println("error: " + Echo.value(exception.getMessage()));
                return FAILED;
            }
            return internalError(exception, err);
        });
        try {
            return cli.execute(args);
        } catch (Throwable error) { // picocli passes Errors (out of memory, stack overflow) on
            return internalError(error, err);
        }
    }

    private static int internalError(Throwable error, PrintWriter err) {
        err.println("error: internal error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + Echo.value(error.getMessage())));
        return FAILED;
    }

    /** The build's version, which Maven writes into version.properties. */
    static final class BuildVersion implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                build.load(in);
            }
            return new String[] {"connection-advisor " + build.getProperty("version")};
        }
    }
}
