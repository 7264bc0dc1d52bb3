package org.connectionadvisor;

import java.nio.file.Path;
import java.util.List;

import org.connectionadvisor.admin.AdvicePolicy;

/**
 * Where advice may link: the hosts an administrator allows in a rules directory's {@code advice-policy.txt} (else
 * the packaged file's, the hosts the three documents link to), as {@code validate} shows them.
 *
 * @param file  the policy file the hosts were read from, as rule problems name it
 * @param hosts the allowed hosts, sorted
 */
public record LinkPolicy(String file, List<String> hosts) {
    public LinkPolicy {
        hosts = List.copyOf(hosts);
    }

    /** The policy of the rules in {@code directory}, or of the packaged rules when it is null. */
    public static LinkPolicy forRules(Path directory) {
        AdvicePolicy policy = AdvicePolicy.forRules(directory);
        return new LinkPolicy(policy.path(), policy.linkHosts());
    }
}
