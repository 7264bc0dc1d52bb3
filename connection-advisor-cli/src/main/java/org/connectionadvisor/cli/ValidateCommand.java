package org.connectionadvisor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.connectionadvisor.ConnectionAdvisor;
import org.connectionadvisor.LinkPolicy;
import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.RulesException;
import org.connectionadvisor.Echo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks every DRL file against the rule subset, compiles it and lists each problem as FILE:LINE: message (rule \"NAME\").")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConnectionAdvisor advisor;
        try {
            advisor = rules.advisor();
        } catch (RulesException refused) {
            refused.problems().stream().map(RuleProblem::format).forEach(out::println);
            out.println(count(refused.problems().size(), "problem") + ": these rules would not load.");
            return Main.FAILED;
        }
        out.println("OK: " + count(advisor.rowIds().size(), "row") + ", no problems.");
        LinkPolicy policy = LinkPolicy.forRules(rules.directory());
        out.println(Echo.safe("Advice may link to " + String.join(", ", policy.hosts()) + " (" + policy.file() + ")."));
        return Main.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
