package org.connectionadvisor;

import org.connectionadvisor.engine.Situation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.connectionadvisor.rules.Client;
import org.connectionadvisor.rules.Context;
import org.connectionadvisor.rules.Product;
import org.connectionadvisor.rules.Scope;
import org.connectionadvisor.rules.Symptom;
import org.connectionadvisor.rules.Versions;

/**
 * The packaged rules and the ranking written out by hand in plain Java: the baseline the benchmarks compare the rule
 * engine with. It takes the same input facts (from {@link Situation}, so the input inference is paid on both sides) and
 * gives the ranked row ids only; HandCodedAdvisorTest checks it against every sample. Keep it in step with rules-drl/.
 */
final class HandCodedAdvisor {
    private static final int CONFIRMED = 0;
    private static final int POINTED = 1;
    private static final int OTHER = 2;

    private HandCodedAdvisor() {
    }

    /** A row that applies: sort key band, then salience descending, then id. */
    private record Hit(String id, int band, int salience) implements Comparable<Hit> {
        @Override
        public int compareTo(Hit other) {
            if (band != other.band) {
                return Integer.compare(band, other.band);
            }
            if (salience != other.salience) {
                return Integer.compare(other.salience, salience);
            }
            return id.compareTo(other.id);
        }
    }

    static List<String> rank(Facts facts) {
        String product = "unknown";
        String scope = "unknown";
        String client = "unknown";
        int visualStudioYear = 0;
        int serverYear = 0;
        Set<String> symptoms = new HashSet<>();
        Set<String> context = new HashSet<>();
        for (Object fact : Situation.of(facts).facts()) {
            if (fact instanceof Product p) {
                product = p.name();
            } else if (fact instanceof Scope s) {
                scope = s.name();
            } else if (fact instanceof Client c) {
                client = c.name();
            } else if (fact instanceof Versions v) {
                visualStudioYear = v.visualStudioYear();
                serverYear = v.serverYear();
            } else if (fact instanceof Symptom s) {
                symptoms.add(s.code());
            } else if (fact instanceof Context c) {
                context.add(c.flag());
            }
        }
        boolean services = !product.equals("server");
        boolean server = !product.equals("services");
        boolean notBrowser = !client.equals("browser");
        boolean unspecified = symptoms.contains(Symptom.UNSPECIFIED);
        boolean tf31002 = symptoms.contains("TF31002");
        boolean tf31003 = symptoms.contains("TF31003");
        boolean cannotConnect = symptoms.contains("cannot-connect");
        boolean flash = symptoms.contains("blank-signin-flash");
        boolean prompt = symptoms.contains("work-or-personal-prompt");
        boolean redirected = symptoms.contains("redirected-to-signin");
        boolean hangs = symptoms.contains("vs-hangs-on-query");
        boolean serverCodes = unspecified || tf31002 || tf31003 || cannotConnect;
        boolean twoIdentities = prompt || context.contains("personal-and-work-accounts");

        Set<String> pointed = new HashSet<>();
        if (context.contains("b2b-guest")) {
            pointed.add("b2b-invitation-not-accepted");
        }
        if (context.contains("signed-in-with-work") || prompt) {
            pointed.add("signed-in-with-work-account");
        }
        if (context.contains("signed-in-with-personal") || prompt) {
            pointed.add("signed-in-with-personal-account");
        }
        if (redirected) {
            pointed.add("signin-redirect-loop");
        }
        if (symptoms.contains("read-only-or-blocked")) {
            pointed.add("check-permissions");
        }
        if (context.contains("remote-worker")) {
            pointed.add("remote-needs-proxy");
        }
        if (visualStudioYear > 0 && serverYear > visualStudioYear) {
            pointed.add("client-older-than-server");
        }
        if (hangs) {
            pointed.add("query-hangs-bypass-proxy");
        }
        if (context.contains("org-connected-to-directory")) {
            pointed.add("org-connected-to-directory");
        }
        if (context.contains("multiple-organizations") && flash) {
            pointed.add("cannot-switch-org-accounts");
            pointed.add("switch-orgs-update-vs");
            pointed.add("switch-orgs-delete-cookies");
        }
        if (context.contains("wants-different-credentials")) {
            pointed.add("sign-in-different-credentials");
        }
        if (context.contains("multiple-server-versions")) {
            pointed.add("server-id-conflict");
        }

        List<Hit> hits = new ArrayList<>();
        Adder add = (id, salience) -> {
            if (facts.ruledOut().contains(id)) {
                return;
            }
            int band = facts.confirmed().contains(id) ? CONFIRMED : pointed.contains(id) ? POINTED : OTHER;
            hits.add(new Hit(id, band, salience));
        };
        if (services) {
            add.row("reset-signin-state", 290);
            add.row("service-status", 180);
            add.row("virtual-agent", 170);
        }
        if (services && (unspecified || symptoms.contains("HTTP-401") || tf31003 || prompt || redirected)) {
            add.row("not-org-member", 790);
            add.row("license-invalid-or-missing", 780);
            add.row("insufficient-group-membership", 770);
            add.row("b2b-invitation-not-accepted", 760);
            if (twoIdentities && !context.contains("signed-in-with-personal")) {
                add.row("signed-in-with-work-account", 750);
            }
            if (twoIdentities && !context.contains("signed-in-with-work")) {
                add.row("signed-in-with-personal-account", 740);
            }
            add.row("signin-redirect-loop", 730);
            add.row("contact-support-401", 190);
        }
        if (services && (unspecified || tf31002 || tf31003 || cannotConnect || flash)) {
            add.row("no-active-account-or-license", 690);
            add.row("org-connected-to-directory", 680);
            if (notBrowser) {
                add.row("cannot-switch-org-accounts", 670);
                add.row("sign-in-different-credentials", 660);
            }
        }
        if (services && (unspecified || tf31002 || tf31003 || flash)) {
            if (notBrowser) {
                add.row("switch-orgs-update-vs", 650);
            }
            add.row("switch-orgs-delete-cookies", 640);
        }
        if (server) {
            add.row("check-permissions", 250);
            add.row("check-client-network", 240);
            add.row("check-server-online", 230);
            add.row("project-moved-collection", 220);
            add.row("unsupported-server-version", 210);
            add.row("community-forums", 160);
        }
        if (server && !scope.equals("several-computers") && (serverCodes || hangs)) {
            add.row("user-password-expired", 590);
            add.row("wrong-server-url", 580);
            add.row("server-configuration-changed", 570);
            if (notBrowser) {
                add.row("remote-needs-proxy", 560);
                boolean clientNotOlder = visualStudioYear > 0 && serverYear > 0 && serverYear <= visualStudioYear;
                if (!clientNotOlder) {
                    add.row("client-older-than-server", 550);
                }
            }
            add.row("client-firewall-blocking", 540);
            if (notBrowser) {
                add.row("query-hangs-bypass-proxy", 530);
            }
        }
        if (server && !scope.equals("one-computer") && serverCodes) {
            add.row("service-account-password", 490);
            add.row("app-tier-unavailable", 480);
            add.row("network-unavailable", 470);
            add.row("website-identity-misconfigured", 460);
            add.row("website-access-restricted", 450);
            add.row("firewall-or-ports-misconfigured", 440);
            add.row("domain-trust", 430);
            if (notBrowser) {
                add.row("server-id-conflict", 420);
            }
            add.row("contact-admin-check-server", 410);
        }
        if (server && context.contains("ssl-configured")) {
            add.row("ssl-certificate", 390);
        }
        if (server && serverCodes && notBrowser) {
            add.row("clear-client-cache", 380);
        }

        hits.sort(null);
        List<String> ids = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            ids.add(hit.id());
        }
        return ids;
    }

    @FunctionalInterface
    private interface Adder {
        void row(String id, int salience);
    }
}
