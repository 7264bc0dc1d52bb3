package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectionadvisor.admin.CompileProblemsTest.problems;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What advice may say as rules-drl/advice-policy.txt decides: the hosts it links to (by default those the documents
 * link to), and whether another file may reword a placeholder of a shipped row.
 */
class AdvicePolicyTest {
    private static final String MINE = """
            package org.connectionadvisor.drl;
            import org.connectionadvisor.rules.*;
            rule "Detail: my cache folder"
                @layer("finding")
                salience 1000
            when
                Os( name == "windows-10" )
            then
                insertLogical( Detail.of( kcontext, "cache-folder", "the [new tool](https://learn.microsoft.com/tool) folder" ) );
            end
            """;

    @Test
    void theDefaultHostsAreThoseTheDocumentsLinkTo() {
        assertThat(AdvicePolicy.forRules(null).linkHosts()).containsExactly("aka.ms", "azuredevopsvirtualagent.azurewebsites.net",
                "developercommunity.visualstudio.com", "docs.microsoft.com", "go.microsoft.com", "learn.microsoft.com",
                "msdn.microsoft.com", "status.dev.azure.com", "support.microsoft.com", "technet.microsoft.com",
                "visualstudio.microsoft.com", "www.visualstudio.com");
        assertThat(AdvicePolicy.forRules(null).path()).isEqualTo("rules-drl/advice-policy.txt");
    }

    @Test
    void anotherFileCannotRewordAPlaceholderOfAShippedRow() {
        List<DrlFile> files = new ArrayList<>(DrlFile.packaged());
        files.add(new DrlFile("zz-mine.drl", MINE));

        assertThat(problems(files.toArray(DrlFile[]::new))).containsExactly("zz-mine.drl:9: the wording {cache-folder} is given in"
                + " rules-drl/ssl-and-cache.drl: every Detail rule of a key is in one file, unless rules-drl/advice-policy.txt has the"
                + " line detail-from-any-file cache-folder (rule \"Detail: my cache folder\")");
    }

    @Test
    void theAdminMayLetItAndNameOtherHostsInTheOneFile() {
        List<DrlFile> files = new ArrayList<>(DrlFile.packaged());
        files.removeIf(DrlFile::isPolicy);
        files.add(new DrlFile("mine/advice-policy.txt", """
                # ours
                link-host learn.microsoft.com
                detail-from-any-file cache-folder
                link-host *.example.com
                link-host support.microsoft.com extra
                """));
        files.add(new DrlFile("zz-mine.drl", MINE));

        assertThat(problems(files.toArray(DrlFile[]::new))).contains(
                "mine/advice-policy.txt:4: 'link-host *.example.com' is not a setting: a setting is link-host HOST or"
                        + " detail-from-any-file KEY, one a line (# for a comment); a HOST is a name as learn.microsoft.com, a KEY"
                        + " lowercase words joined by hyphens",
                "mine/advice-policy.txt:5: 'link-host support.microsoft.com extra' is not a setting: a setting is link-host HOST or"
                        + " detail-from-any-file KEY, one a line (# for a comment); a HOST is a name as learn.microsoft.com, a KEY"
                        + " lowercase words joined by hyphens")
                .noneMatch(problem -> problem.startsWith("zz-mine.drl"))
                .anyMatch(problem -> problem.contains("links to aka.ms, which is not an allowed host: add it to mine/advice-policy.txt"
                        + " as link-host aka.ms if advice may link there"));
    }
}
