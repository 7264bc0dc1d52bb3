package org.connectionadvisor.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.engine.Placeholders;
import org.connectionadvisor.Echo;

/**
 * What advice may say, as the administrator decides in one file beside the rules (rules-drl/advice-policy.txt): the
 * hosts texts may link to, and the wordings ({@code {key}}) that Detail rules of more than one file may give. A rules
 * directory without the file gets the packaged one.
 */
public final class AdvicePolicy {
    /** The file's name, in a rules directory (its top level) and in rules-drl/. */
    public static final String FILE = DrlFile.POLICY_FILE;
    private static final String LINK_HOST = "link-host";
    private static final String SHARED_DETAIL = "detail-from-any-file";
    private static final String SETTINGS = LINK_HOST + " HOST or " + SHARED_DETAIL + " KEY, one a line (# for a comment)";

    private final String path;
    private final Set<String> linkHosts;
    private final Set<String> sharedDetails;

    private AdvicePolicy(String path, Set<String> linkHosts, Set<String> sharedDetails) {
        this.path = path;
        this.linkHosts = Set.copyOf(linkHosts);
        this.sharedDetails = Set.copyOf(sharedDetails);
    }

    /** The policy among a rule set's files, else the packaged one; its problems, each at its line, go to {@code problems}. */
    static AdvicePolicy of(List<DrlFile> files, List<RuleProblem> problems) {
        for (DrlFile file : files) {
            if (file.isPolicy()) {
                return parse(file, problems);
            }
        }
        return parse(packagedFile(), problems);
    }

    /** The policy of the rules in a directory (its policy file, else the packaged one), or of the packaged rules for null. */
    public static AdvicePolicy forRules(Path directory) {
        DrlFile file = directory == null ? packagedFile() : DrlFile.fromDirectory(directory).stream().filter(DrlFile::isPolicy)
                .findFirst().orElseGet(AdvicePolicy::packagedFile);
        return parse(file, new ArrayList<>());
    }

    /** The file the policy was read from, as problems name it. */
    public String path() {
        return path;
    }

    /** The hosts advice may link to, sorted, as {@code validate} shows them. */
    public List<String> linkHosts() {
        return linkHosts.stream().sorted().toList();
    }

    boolean allowsHost(String host) {
        return linkHosts.contains(host);
    }

    boolean sharesDetail(String key) {
        return sharedDetails.contains(key);
    }

    static AdvicePolicy parse(DrlFile file, List<RuleProblem> problems) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> shared = new LinkedHashSet<>();
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf('#');
            String[] words = (comment >= 0 ? line.substring(0, comment) : line).strip().split("[ \t]+");
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            if (words.length == 2 && LINK_HOST.equals(words[0]) && isHost(words[1])) {
                hosts.add(words[1].toLowerCase(Locale.ROOT));
            } else if (words.length == 2 && SHARED_DETAIL.equals(words[0]) && Placeholders.isKey(words[1])) {
                shared.add(words[1]);
            } else {
                problems.add(new RuleProblem(file.path(), i + 1, null, "'" + Echo.value(line.strip()) + "' is not a setting: a setting is " + SETTINGS
                        + "; a HOST is a name as learn.microsoft.com, a KEY lowercase words joined by hyphens"));
            }
        }
        return new AdvicePolicy(file.path(), hosts, shared);
    }

    private static boolean isHost(String word) {
        return word.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.){1,10}[A-Za-z]{2,63}");
    }

    private static DrlFile packagedFile() {
        String resource = DrlFile.PACKAGED_LOCATION + "/" + FILE;
        try (InputStream in = AdvicePolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the packaged advice policy (" + resource + ") is missing from the class path");
            }
            return new DrlFile(DrlFile.PACKAGED + "/" + FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
