package org.connectionadvisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Representative fact sets for the benchmarks, one per kind of caller: a services 401, both server tables, a pasted
 * error message only, nothing known (the widest ranking), and a services URL with confirmed and ruled-out rows. The
 * names are the JMH parameter values. Public only for the code JMH generates.
 */
public final class BenchFacts {
    static final String SERVICES_401 = "services-401-two-accounts";
    static final String SERVER_SEVERAL_USERS = "server-several-users";
    static final String SERVER_ONE_COMPUTER = "server-one-computer";
    static final String ERROR_MESSAGE_ONLY = "error-message-only";
    static final String NOTHING_KNOWN = "nothing-known";
    static final String SERVICES_URL_SWITCHING = "services-url-switching";

    static final Map<String, Facts> ALL = all();

    private BenchFacts() {
    }

    private static Map<String, Facts> all() {
        Map<String, Facts> all = new LinkedHashMap<>();
        all.put(SERVICES_401, Facts.builder().product("services").symptoms("HTTP-401")
                .context("personal-and-work-accounts", "signed-in-with-work").build());
        all.put(SERVER_SEVERAL_USERS, Facts.builder().product("tfs").scope("several-computers").symptoms("TF31002").build());
        all.put(SERVER_ONE_COMPUTER, Facts.builder().product("server").scope("one-computer").client("visual-studio")
                .visualStudioVersion("Visual Studio 2013").serverVersion("Azure DevOps Server 2019").os("windows-10")
                .symptoms("TF31002", "vs-hangs-on-query").context("remote-worker").build());
        all.put(ERROR_MESSAGE_ONLY, Facts.builder()
                .errorMessage("TF31002: Unable to connect to this Team Foundation Server: http://tfs:8080/tfs").build());
        all.put(NOTHING_KNOWN, Facts.empty());
        all.put(SERVICES_URL_SWITCHING, Facts.builder().serverUrl("https://dev.azure.com/fabrikam").client("visual-studio")
                .symptoms("blank-signin-flash").context("multiple-organizations")
                .confirmed("switch-orgs-update-vs").ruledOut("reset-signin-state").build());
        return all;
    }

    /** Each benchmark thread cycles through the fact sets. */
    @State(Scope.Thread)
    public static class Cursor {
        private final List<Facts> facts = List.copyOf(BenchFacts.ALL.values());
        private int next;

        Facts next() {
            next = (next + 1) % facts.size();
            return facts.get(next);
        }
    }

    static Facts get(String name) {
        Facts facts = ALL.get(name);
        if (facts == null) {
            throw new IllegalArgumentException("no benchmark fact set '" + name + "'; known: " + ALL.keySet());
        }
        return facts;
    }

    /**
     * Refuses to measure a grown rule base that ranks a fact set differently from the packaged rules: the generated
     * rows must not apply to these facts, or the growth would measure more work, not more rules.
     */
    static void checkSameRanking(ConnectionAdvisor grown) {
        ConnectionAdvisor packaged = ConnectionAdvisor.withDefaultRules();
        for (Map.Entry<String, Facts> set : ALL.entrySet()) {
            List<String> expected = packaged.diagnose(set.getValue()).ids();
            List<String> actual = grown.diagnose(set.getValue()).ids();
            if (!actual.equals(expected)) {
                throw new IllegalStateException(set.getKey() + ": the grown rules rank " + actual + ", the packaged rules " + expected);
            }
        }
    }
}
