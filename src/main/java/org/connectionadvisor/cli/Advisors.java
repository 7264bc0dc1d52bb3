package org.connectionadvisor.cli;

import java.nio.file.Path;

import org.connectionadvisor.ConnectionAdvisor;

/** The advisor a command runs with: the packaged rules, or an admin's directory given with --rules. */
final class Advisors {
    private Advisors() {
    }

    static ConnectionAdvisor load(Path rulesDirectory) {
        return rulesDirectory == null ? ConnectionAdvisor.withDefaultRules() : ConnectionAdvisor.fromDirectory(rulesDirectory);
    }
}
