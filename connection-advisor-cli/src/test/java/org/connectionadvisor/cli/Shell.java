package org.connectionadvisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A documented command run by bash in a copy of the repository, with this JVM's Java first on the path. */
final class Shell {
    record Result(int exit, String output) {
    }

    private Shell() {
    }

    private static ProcessBuilder bash(Path directory, String command) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        String javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
        return builder;
    }

    static Result run(Path directory, String command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = bash(directory, command).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'" + command + "' did not end within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts a server and returns once it printed its first line (it says it is serving); stops it on a mismatch. */
    static Process startInBackground(Path directory, DocumentedBlock.Command command, String where) throws IOException {
        Process process = bash(directory, "exec " + command.text()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = output.readLine();
        String wrong = first == null ? "ended without printing a line"
                : !command.expected().isEmpty() && !OutputPattern.matches(command.expected().subList(0, 1), java.util.List.of(first))
                ? "printed '" + first + "', where the page shows '" + command.expected().get(0) + "'" : null;
        if (wrong != null) {
            stop(process);
            throw new AssertionError(where + ": '" + command.text() + "' " + wrong);
        }
        Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "drain " + where);
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
