package org.connectionadvisor.cli;

import java.nio.file.Path;

import org.connectionadvisor.ConnectionAdvisor;
import picocli.CommandLine.Option;

/** The --rules option every command shares, and the advisor it selects: the packaged rules, or an admin's directory. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Use the DRL rules in DIR instead of the packaged copy of rules-drl/.")
    private Path directory;

    ConnectionAdvisor advisor() {
        return directory == null ? ConnectionAdvisor.withDefaultRules() : ConnectionAdvisor.fromDirectory(directory);
    }
}
