package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectionadvisor.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted {@code ask} sessions through {@link Main#run}: answers piped in, one per line. */
class AskCommandTest {
    private static final String TWO_ACCOUNTS =
            "{\"product\": \"services\", \"symptoms\": [\"HTTP-401\"], \"context\": [\"personal-and-work-accounts\"]}";
    private static final Pattern RANKED_ID = Pattern.compile("^   \\[([a-z0-9-]+), [a-z]+(?:, [^\\]]+)?]$", Pattern.MULTILINE);
    /** Answers to the yes/no questions of the two-accounts session after the account: none applies. */
    private static final String NO_TO_THE_REST = "no\none-computer\nno\nno\nno\nvisual-studio\n";

    private static final String WHAT_YOU_SEE = """

            What do you see? Give the numbers of what fits (such as 1 3), or paste the error message.
              1) TF31002: TF31002: unable to connect
              2) TF31003: TF31003: missing credentials or no permission
              3) HTTP-401: 401 Not Authorized
              4) cannot-connect: cannot connect (no error code)
              5) blank-signin-flash: a blank sign-in dialog or screen flashes several times
              6) redirected-to-signin: after entering the right credentials you land on the sign-in page again
              7) work-or-personal-prompt: a 401 page asks "Work or school, or Personal account"
              8) vs-hangs-on-query: Visual Studio stops responding when you run a query
              9) read-only-or-blocked: errors say actions are read-only or blocked
            """;

    @TempDir
    private Path directory;

    private record Session(int exit, String out, String err) {
        /** The ids of the final ranking, printed after "Final ranking:" as diagnose prints them. */
        List<String> finalIds() {
            Matcher id = RANKED_ID.matcher(out.substring(out.indexOf("Final ranking:")));
            List<String> ids = new ArrayList<>();
            while (id.find()) {
                ids.add(id.group(1));
            }
            return ids;
        }

        /** What was said before the final facts and ranking. */
        String dialogue() {
            return out.substring(0, out.indexOf("\nFacts now: ") + 1);
        }

        /** How often the dialogue says {@code text}. */
        int count(String text) {
            return dialogue().split(Pattern.quote(text), -1).length - 1;
        }
    }

    private Path facts(String json) throws IOException {
        Path file = directory.resolve("facts.json");
        Files.writeString(file, json);
        return file;
    }

    private static Session ask(String answers, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ask";
        System.arraycopy(args, 0, command, 1, args.length);
        CliTest.Run run = CliTest.run(CliTest.input(answers), command);
        return new Session(run.exit(), run.out(), run.err());
    }

    @Test
    void tf31002OnAServerForSeveralComputersEndsWithTheServiceAccountPasswordFirst() throws IOException {
        Session session = ask("server\nseveral-computers\n", facts("{\"symptoms\":[\"TF31002\"]}").toString());

        assertThat(session.exit()).isZero();
        assertThat(session.err()).isEmpty();
        assertThat(session.out()).contains("Facts now: {\"product\":\"server\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}\n");
        assertThat(session.finalIds()).containsExactly("service-account-password", "app-tier-unavailable",
                "network-unavailable", "website-identity-misconfigured", "website-access-restricted",
                "firewall-or-ports-misconfigured", "domain-trust", "server-id-conflict", "contact-admin-check-server",
                "ssl-certificate", "clear-client-cache", "check-permissions", "check-client-network", "check-server-online",
                "project-moved-collection", "unsupported-server-version", "community-forums");
    }

    @Test
    void asksTheBestQuestionShowsNumberedAnswersAndTheTopThreeAfterEachAnswer() throws IOException {
        Session session = ask("1\nq\n", facts(TWO_ACCOUNTS).toString());

        assertThat(session.exit()).isZero();
        assertThat(session.dialogue()).isEqualTo("""
                Starting from {"product":"services","symptoms":["HTTP-401"],"context":["personal-and-work-accounts"]}.
                Answer with a number or a value; d: I don't know; s skips a question, ? says why the first recommendation ranks first, q quits.
                Top 3 now:
                  1. You signed in with your work or school account, but your personal account has the access [signed-in-with-work-account, likely]
                  2. You signed in with your personal Microsoft account, but your work or school account has the access [signed-in-with-personal-account, likely]
                  3. Reset your sign-in state: sign out, clear cookies, retry in a private session [reset-signin-state, possible]

                Which account did you sign in with?
                  1) work: you signed in with the work or school account
                  2) personal: you signed in with the personal Microsoft account
                  3) dont-know: I don't know
                > 1
                Top 3 now:
                  1. You signed in with your work or school account, but your personal account has the access [signed-in-with-work-account, likely]
                  2. Reset your sign-in state: sign out, clear cookies, retry in a private session [reset-signin-state, possible]
                  3. Your identity is not a member of the organization [not-org-member, possible]

                Do you work with several organizations connected to different directories?
                  1) yes
                  2) no
                  3) dont-know: I don't know
                > q

                """);
        assertThat(session.finalIds()).containsExactly("signed-in-with-work-account", "reset-signin-state", "not-org-member",
                "license-invalid-or-missing", "insufficient-group-membership", "b2b-invitation-not-accepted",
                "signin-redirect-loop", "contact-support-401", "service-status", "virtual-agent");
        // The questions not answered are still open; the one answered is not.
        assertThat(session.out()).contains("  - you said you signed in with the work or school account: makes more likely "
                + "\"You signed in with your work or school account, but your personal account has the access\"; set aside as this "
                + "answer does not fit them: \"You signed in with your personal Microsoft account, but your work or school account "
                + "has the access\"\n");
        assertThat(session.out()).endsWith("""
                Questions that would narrow this down, most useful first:
                  - Do you work with several organizations connected to different directories? (multiple-organizations: yes | no | dont-know)
                  - Does the problem happen on one computer only, or on several computers or for several users? (scope: one-computer | several-computers | dont-know)
                  - Do you want to sign in from Visual Studio with other credentials? (wants-different-credentials: yes | no | dont-know)
                  - Is the organization connected to Microsoft Entra ID (Azure AD)? (org-connected-to-directory: yes | no | dont-know) [usually answered by an administrator]
                  - Are you a B2B guest in the organization's tenant? (b2b-guest: yes | no | dont-know) [usually answered by an administrator]
                  - Do you connect from Visual Studio or from a web browser? (client: visual-studio | browser | dont-know)
                """);
    }

    @Test
    void questionMarkExplainsWhyTheFirstRecommendationRanksFirst() throws IOException {
        Session session = ask("personal\n?\n", facts(TWO_ACCOUNTS).toString());

        assertThat(session.out()).contains("""
                > ?
                1. You signed in with your personal Microsoft account, but your work or school account has the access [signed-in-with-personal-account] ranks first.
                   Status: likely. Band: facts you gave support it (2); supported rows come first, those with more supporting facts before the others.
                   Within its band the documents' order (rule salience) puts it first.
                   Because: you said the product is Azure DevOps Services; you reported 401 Not Authorized; you said you signed in with the personal Microsoft account; you said a personal and a work or school account share your sign-in address.

                Do you work with several organizations connected to different directories?
                """);
        assertThat(session.out()).contains("(end of input)\n");
    }

    @Test
    void aBadAnswerGetsAClearMessageAndTheQuestionAgain() throws IOException {
        Session session = ask("one-compter\n7\n\n2\n", facts("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}").toString());

        assertThat(session.exit()).isZero();
        assertThat(session.out()).contains("""
                > one-compter
                scope: 'one-compter' is not accepted. Accepted: one-computer, several-computers. Did you mean 'one-computer'?

                Does the problem happen on one computer only, or on several computers or for several users?
                  1) one-computer: one computer, while others connect
                  2) several-computers: several computers or users
                  3) dont-know: I don't know
                > 7
                scope: '7' is not accepted. Accepted: one-computer, several-computers.
                """);
        assertThat(session.out()).contains("""
                > \n\
                scope: '' is not accepted. Accepted: one-computer, several-computers.
                """);
        assertThat(session.count("Does the problem happen on one computer only")).isEqualTo(4);
        assertThat(session.out()).contains("Facts now: {\"product\":\"server\",\"scope\":\"several-computers\",\"symptoms\":[\"TF31002\"]}\n");
    }

    @Test
    void aSkippedQuestionIsNotAskedAgain() throws IOException {
        Session session = ask("s\n2\n", facts("{\"product\": \"server\", \"symptoms\": [\"TF31002\"]}").toString());

        assertThat(session.out()).contains("""
                > s
                Skipped; it will not be asked again.

                Are you the administrator of the server or organization?
                  1) administrator: yes, I am the administrator
                  2) user: no, I am not the administrator
                  3) dont-know: I don't know
                > 2
                """);
        assertThat(session.count("Does the problem happen on one computer only")).isEqualTo(1);
        assertThat(session.out()).contains("Facts now: {\"product\":\"server\",\"symptoms\":[\"TF31002\"],\"role\":\"user\"}\n");
        // Skipped is not answered: the final list still names it, the answered one it does not.
        assertThat(session.out()).contains("  - Does the problem happen on one computer only, or on several computers or for several users?")
                .doesNotContain("  - Are you the administrator of the server or organization?");
    }

    @Test
    void noRulesTheFirstRecommendationOutAndYesEndsTheSession() throws IOException {
        Session session = ask("work\n" + NO_TO_THE_REST + "n\ny\nnever read\n", "--no-record", facts(TWO_ACCOUNTS).toString());

        assertThat(session.exit()).isZero();
        assertThat(session.out()).contains("""
                No question left that would change the ranking. Try the first recommendation:
                1. You signed in with your work or school account, but your personal account has the access
                   [signed-in-with-work-account, likely]
                """);
        assertThat(session.out()).contains("""
                > n
                Ruled out signed-in-with-work-account.
                Top 3 now:
                  1. Reset your sign-in state: sign out, clear cookies, retry in a private session [reset-signin-state, possible]
                """);
        assertThat(session.out()).contains("> y\nGood: reset-signin-state fixed it; it is kept in the facts as confirmed.\n");
        assertThat(session.count("Did this fix it? (y/n)")).isEqualTo(2);
        assertThat(session.out()).doesNotContain("never read");
        // The no answers are kept, so the context is written with its yes and no answers.
        assertThat(session.out()).contains("Facts now: {\"product\":\"services\",\"scope\":\"one-computer\",\"client\":\"visual-studio\","
                + "\"symptoms\":[\"HTTP-401\"],"
                + "\"context\":{\"personal-and-work-accounts\":true,\"signed-in-with-work\":true,\"multiple-organizations\":false,"
                + "\"wants-different-credentials\":false,\"org-connected-to-directory\":false,\"b2b-guest\":false},"
                + "\"confirmed\":[\"reset-signin-state\"],\"ruledOut\":[\"signed-in-with-work-account\"]}\n");
        // What fixed it is kept as confirmed, so it leads the final ranking.
        assertThat(session.finalIds()).startsWith("reset-signin-state").doesNotContain("signed-in-with-work-account");
    }

    @Test
    void aFollowUpAnswerOtherThanYesOrNoIsAskedAgain() throws IOException {
        Session session = ask("work\n" + NO_TO_THE_REST + "perhaps\n", facts(TWO_ACCOUNTS).toString());

        assertThat(session.out()).contains("""
                Did this fix it? (y/n)
                > perhaps
                'perhaps' is not an answer here. Accepted: y (it fixed it), n (it did not), ?, q.
                Did this fix it? (y/n)
                (end of input)
                """);
    }

    @Test
    void whenEveryFittingRowIsRuledOutTheSessionSaysSo() {
        Session session = ask("\n?\n1\nn\n", "--no-record", "--rules", "connection-advisor/src/test/resources/rules-one-computer");

        assertThat(session.exit()).isZero();
        assertThat(session.out()).isEqualTo("""
                Starting from no facts.
                Answer with a number or a value; d: I don't know; s skips a question, ? says why the first recommendation ranks first, q quits.
                """ + WHAT_YOU_SEE + """
                > \n\
                No recommendation fits these facts.

                Does the problem happen on one computer only, or on several computers or for several users?
                  1) one-computer: one computer, while others connect
                  2) several-computers: several computers or users
                  3) dont-know: I don't know
                > ?
                No recommendation to explain: none fits these facts.

                Does the problem happen on one computer only, or on several computers or for several users?
                  1) one-computer: one computer, while others connect
                  2) several-computers: several computers or users
                  3) dont-know: I don't know
                > 1
                Top 3 now:
                  1. A row for one computer [only-one-computer, possible]

                No question left that would change the ranking. Try the first recommendation:
                1. A row for one computer
                   [only-one-computer, possible]
                   Only when the scope is one computer.
                   Why: only one computer fails to connect; no symptom given, so every table that fits the product and scope applies.
                   Source: Troubleshoot connecting to a project, "test"
                Did this fix it? (y/n)
                > n
                Ruled out only-one-computer.
                No recommendation fits these facts.
                No recommendation is left, and no question would change that.

                Facts now: {"scope":"one-computer","ruledOut":["only-one-computer"]}
                Final ranking:

                No recommendation fits these facts (every fitting row is ruled out, or the facts exclude them all).
                What each fact did:
                  - only one computer fails to connect: set aside: no row that can apply uses it

                """);
    }

    @Test
    void withoutAFileItStartsFromNoFacts() {
        Session session = ask("q\n");

        assertThat(session.exit()).isZero();
        assertThat(session.out()).startsWith("Starting from no facts.\n");
        assertThat(session.out()).contains(WHAT_YOU_SEE + "> q\n");
        assertThat(session.out()).contains("Facts now: {}\n");
    }

    @Test
    void fromNothingItAsksWhatYouSeeAndTakesAPastedMessageThenTypedValues() {
        Session session = ask("TF31002: Unable to connect to this Team Foundation Server http://tfs01:8080/tfs\n2\n2\nd\nq\n");

        assertThat(session.exit()).isZero();
        assertThat(session.out()).contains("Heard: {\"errorMessage\":\"TF31002: Unable to connect to this Team Foundation Server"
                + " http://tfs01:8080/tfs\"}\n");
        assertThat(session.out()).contains("Facts now: {\"scope\":\"several-computers\",\"errorMessage\":\"TF31002: Unable to connect"
                + " to this Team Foundation Server http://tfs01:8080/tfs\",\"role\":\"user\",\"dontKnow\":[\"ssl-configured\"]}\n");
        assertThat(session.finalIds()).startsWith("contact-admin-check-server", "service-account-password");
        assertThat(session.out()).contains("For your administrator (a hand-off you can send as it is):\n"
                + "  To the administrator of the server: several computers cannot connect.\n");
    }

    @Test
    void symptomsByNumberAndAReleaseThatDoesNotExistIsRefusedWithThoseThatDo() throws IOException {
        Session session = ask("1 4\n2016\nTFS 2018\nq\n", facts("{\"product\": \"server\", \"scope\": \"one-computer\","
                + " \"client\": \"visual-studio\", \"visualStudioVersion\": \"2015\", \"context\": {\"remote-worker\": false,"
                + " \"ssl-configured\": false, \"multiple-server-versions\": false}}").toString());

        assertThat(session.out()).contains("> 2016\nserverVersion: '2016' is not a release of Azure DevOps Server or Team Foundation"
                + " Server. Releases: 2005, 2008, 2010, 2012, 2013, 2015, 2017, 2018, 2019, 2020, 2022.\n");
        assertThat(session.out()).contains("\"serverVersion\":\"TFS 2018\"");
        assertThat(session.finalIds()).startsWith("client-older-than-server");
    }

    @Test
    void badFactsInFileExitWith2AndSayWhy() throws IOException {
        Session session = ask("", facts("{\"scope\": \"x\"}").toString());

        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.out()).isEmpty();
        assertThat(session.err()).isEqualTo("error: scope: 'x' is not accepted. Accepted: one-computer, several-computers."
                + System.lineSeparator());
    }

    @Test
    void factsFromStandardInputAreRefusedSinceTheAnswersComeFromThere() {
        Session session = ask("{}\n", "-");

        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.err()).isEqualTo("error: FILE: ask reads its answers from standard input, so the facts must come "
                + "from a file, not '-'." + System.lineSeparator());
    }

    @Test
    void aMissingFileExitsWith2() {
        Session session = ask("", directory.resolve("missing.json").toString());

        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.err()).isEqualTo("error: FILE: '" + directory.resolve("missing.json") + "' does not exist."
                + System.lineSeparator());
    }
}
