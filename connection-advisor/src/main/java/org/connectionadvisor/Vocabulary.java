package org.connectionadvisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The input vocabulary of the knowledge inventory: fields, accepted values, aliases, and the errors for the rest. */
public final class Vocabulary {
    public static final String PRODUCT = "product";
    public static final String SCOPE = "scope";
    public static final String CLIENT = "client";
    public static final String OS = "os";
    public static final String VISUAL_STUDIO_VERSION = "visualStudioVersion";
    public static final String SERVER_VERSION = "serverVersion";
    public static final String SYMPTOMS = "symptoms";
    public static final String CONTEXT = "context";
    public static final String ERROR_MESSAGE = "errorMessage";
    public static final String SERVER_URL = "serverUrl";
    public static final String CONFIRMED = "confirmed";
    public static final String RULED_OUT = "ruledOut";
    /** Who is asking: "user" or "administrator". */
    public static final String ROLE = "role";
    /** The questions answered "I don't know": they are not asked again. */
    public static final String DONT_KNOW = "dontKnow";
    /** The question id that sets which of the two accounts the user signed in with. */
    public static final String SIGNED_IN_WITH = "signed-in-with";
    /** The answer value that says "I don't know" to any question. */
    public static final String DONT_KNOW_ANSWER = "dont-know";

    public static final List<String> FIELDS = List.of(PRODUCT, SCOPE, CLIENT, VISUAL_STUDIO_VERSION, SERVER_VERSION, OS,
            SYMPTOMS, CONTEXT, ERROR_MESSAGE, SERVER_URL, CONFIRMED, RULED_OUT, ROLE, DONT_KNOW);

    /** A closed set of values with labels, in the inventory's order, plus aliases that map onto them. */
    public record Choice(String field, Map<String, String> labels, Map<String, String> aliases, Map<String, String> byNormalized) {
        Choice(String field, Map<String, String> labels, Map<String, String> aliases) {
            this(field, labels, aliases, byNormalized(labels, aliases));
        }

        private static Map<String, String> byNormalized(Map<String, String> labels, Map<String, String> aliases) {
            Map<String, String> byNormalized = new java.util.HashMap<>();
            aliases.forEach((alias, value) -> byNormalized.put(normalized(alias), value));
            labels.keySet().forEach(value -> byNormalized.put(normalized(value), value));
            return Map.copyOf(byNormalized);
        }

        /** The canonical value of a given one: case, spaces, hyphens and underscores do not matter. */
        public String canonical(String given) {
            String value = byNormalized.get(normalized(Limits.value(field, given)));
            if (value == null) {
                throw unknownValue(field, given, labels.keySet(), aliases.keySet());
            }
            return value;
        }

        public String label(String value) {
            return labels.get(value);
        }
    }

    /** Lower case, without spaces, hyphens and underscores: how values are compared. */
    private static String normalized(String value) {
        StringBuilder normalized = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                normalized.append(Character.toLowerCase(c));
            }
        }
        return normalized.toString();
    }

    public static final Choice PRODUCTS = new Choice(PRODUCT,
            labels("services", "Azure DevOps Services (formerly VSTS, in the cloud)",
                    "server", "Azure DevOps Server (formerly Team Foundation Server, on premises)"),
            labels("vsts", "services", "azure-devops-services", "services", "cloud", "services",
                    "visual-studio-team-services", "services", "visual-studio-online", "services", "vso", "services",
                    "tfs", "server", "team-foundation-server", "server", "azure-devops-server", "server",
                    "on-premises", "server"));
    public static final Choice SCOPES = new Choice(SCOPE,
            labels("one-computer", "one computer, while others connect",
                    "several-computers", "several computers or users"),
            Map.of());
    public static final Choice CLIENTS = new Choice(CLIENT,
            labels("visual-studio", "Visual Studio (Team Explorer)", "browser", "a web browser"), Map.of());
    /**
     * Windows 11 is accepted as users say it, but the documents list no cache folder for it: a diagnosis shows every
     * folder they list, as for an unknown version.
     */
    public static final String WINDOWS_11 = "windows-11";
    public static final Choice OPERATING_SYSTEMS = new Choice(OS,
            labels(WINDOWS_11, "Windows 11", "windows-10", "Windows 10", "windows-8", "Windows 8", "windows-7", "Windows 7",
                    "windows-vista", "Windows Vista"),
            labels("win11", WINDOWS_11, "win10", "windows-10"));
    public static final Choice ROLES = new Choice(ROLE,
            labels("user", "you are not the administrator of the server or organization",
                    "administrator", "you are the administrator of the server or organization"),
            labels("admin", "administrator", "not-the-administrator", "user"));
    /** The answers "I don't know" may be given as; case, spaces and hyphens do not matter. */
    private static final List<String> DONT_KNOW_WORDS = List.of("dontknow", "don'tknow", "idontknow", "idon'tknow",
            "unknown", "notsure");
    public static final Choice SYMPTOM_CODES = new Choice(SYMPTOMS,
            labels("TF31002", "TF31002: unable to connect",
                    "TF31003", "TF31003: missing credentials or no permission",
                    "HTTP-401", "401 Not Authorized",
                    "cannot-connect", "cannot connect (no error code)",
                    "blank-signin-flash", "a blank sign-in dialog or screen flashes several times",
                    "redirected-to-signin", "after entering the right credentials you land on the sign-in page again",
                    "work-or-personal-prompt", "a 401 page asks \"Work or school, or Personal account\"",
                    "vs-hangs-on-query", "Visual Studio stops responding when you run a query",
                    "read-only-or-blocked", "errors say actions are read-only or blocked"),
            Map.of("401", "HTTP-401"));
    /** Remote work in users' words (VPN, working from home); case, spaces and hyphens do not matter. */
    private static final Map<String, String> REMOTE_WORK_ALIASES = Map.of("vpn", "remote-worker", "on-vpn", "remote-worker",
            "working-from-home", "remote-worker", "work-from-home", "remote-worker", "remote", "remote-worker",
            "remote-work", "remote-worker", "working-remotely", "remote-worker");
    /** The context flag "it worked until recently": something changed ("it worked yesterday"). */
    public static final String RECENT_CHANGE = "recent-change";
    /** A recent change in users' words ("it worked yesterday"); case, spaces and hyphens do not matter. */
    private static final Map<String, String> RECENT_CHANGE_ALIASES = Map.of("worked-yesterday", RECENT_CHANGE,
            "it-worked-yesterday", RECENT_CHANGE, "it-worked-before", RECENT_CHANGE, "stopped-working", RECENT_CHANGE,
            "changed-recently", RECENT_CHANGE, "something-changed", RECENT_CHANGE);
    public static final Choice CONTEXT_FLAGS = new Choice(CONTEXT,
            labels("remote-worker", "you work remotely",
                    "ssl-configured", "the server has SSL (HTTPS) configured",
                    "multiple-organizations", "you have more than one organization",
                    "org-connected-to-directory", "the organization is connected to Microsoft Entra ID (Azure AD)",
                    "personal-and-work-accounts", "a personal and a work or school account share your sign-in address",
                    "signed-in-with-work", "you signed in with the work or school account",
                    "signed-in-with-personal", "you signed in with the personal Microsoft account",
                    "b2b-guest", "you are a B2B guest in the tenant",
                    "multiple-server-versions", "clients connect to servers of different versions",
                    "wants-different-credentials", "you want to sign in from Visual Studio with other credentials",
                    RECENT_CHANGE, "it worked until recently (something changed)"),
            aliases(REMOTE_WORK_ALIASES, RECENT_CHANGE_ALIASES));

    /** How each context flag reads when the answer is no. */
    public static final Map<String, String> CONTEXT_FLAGS_NO = labels("remote-worker", "you do not work remotely",
            "ssl-configured", "the server does not have SSL (HTTPS) configured",
            "multiple-organizations", "you have only one organization",
            "org-connected-to-directory", "the organization is not connected to Microsoft Entra ID (Azure AD)",
            "personal-and-work-accounts", "no personal and work or school account share your sign-in address",
            "signed-in-with-work", "you did not sign in with the work or school account",
            "signed-in-with-personal", "you did not sign in with the personal Microsoft account",
            "b2b-guest", "you are not a B2B guest in the tenant",
            "multiple-server-versions", "clients do not connect to servers of different versions",
            "wants-different-credentials", "you do not want to sign in with other credentials",
            RECENT_CHANGE, "it did not work before either");

    public static final String SIGNED_IN_WITH_WORK = "signed-in-with-work";
    public static final String SIGNED_IN_WITH_PERSONAL = "signed-in-with-personal";
    /** The answers to {@link #SIGNED_IN_WITH} and the context flag each one sets; the two flags exclude each other. */
    public static final Map<String, String> SIGNED_IN_WITH_ANSWERS = labels("work", SIGNED_IN_WITH_WORK,
            "personal", SIGNED_IN_WITH_PERSONAL);

    /** Server releases by year as they were named; the answers to the server version question. */
    public static final Map<String, String> SERVER_RELEASES = labels("2005", "Team Foundation Server 2005",
            "2008", "Team Foundation Server 2008", "2010", "TFS 2010", "2012", "TFS 2012", "2013", "TFS 2013",
            "2015", "TFS 2015", "2017", "TFS 2017", "2018", "TFS 2018", "2019", "Azure DevOps Server 2019",
            "2020", "Azure DevOps Server 2020", "2022", "Azure DevOps Server 2022");

    /**
     * What the advisor asks to learn an input: a field, {@link #SIGNED_IN_WITH} (for the two signed-in-with
     * flags), or another context flag (answered yes or no). A new context flag needs its question here.
     */
    private static final Map<String, String> QUESTIONS = labels(
            PRODUCT, "Which product do you connect to?",
            SCOPE, "Does the problem happen on one computer only, or on several computers or for several users?",
            CLIENT, "Do you connect from Visual Studio or from a web browser?",
            OS, "Which Windows version does the client computer run?",
            VISUAL_STUDIO_VERSION, "Which Visual Studio release do you use?",
            SERVER_VERSION, "Which server release do you connect to?",
            SIGNED_IN_WITH, "Which account did you sign in with?",
            ROLE, "Are you the administrator of the server or organization?",
            "remote-worker", "Do you work remotely (outside the network the server is on)?",
            "ssl-configured", "Does the server use SSL (an https:// address)?",
            "multiple-organizations", "Do you work with several organizations connected to different directories?",
            "org-connected-to-directory", "Is the organization connected to Microsoft Entra ID (Azure AD)?",
            "personal-and-work-accounts",
            "Do you have both a personal Microsoft account and a work or school account with the same sign-in address?",
            "b2b-guest", "Are you a B2B guest in the organization's tenant?",
            "multiple-server-versions", "Do the clients connect to servers of different versions?",
            "wants-different-credentials", "Do you want to sign in from Visual Studio with other credentials?",
            RECENT_CHANGE, "Did it work until recently (yesterday, say), so that something changed?");

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20[0-3]\\d)(?!\\d)");
    /** The update after a year: "2013.2", "2013 Update 2", "2013 update 2". */
    private static final Pattern UPDATE = Pattern.compile("(?:\\.|\\s+update\\s+)(\\d{1,2})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAJOR = Pattern.compile("^\\s*(?:visual studio\\s+)?(\\d{1,2})(?:\\.\\d+)*\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Visual Studio's internal major versions, so "16.11" reads as the 2019 release. */
    private static final Map<Integer, Integer> VISUAL_STUDIO_MAJOR_TO_YEAR = Map.of(8, 2005, 9, 2008, 10, 2010,
            11, 2012, 12, 2013, 14, 2015, 15, 2017, 16, 2019, 17, 2022, 18, 2026);
    /** The Visual Studio releases the version reader knows; the answers to the Visual Studio version question. */
    public static final Map<String, String> VISUAL_STUDIO_RELEASES = java.util.Collections.unmodifiableMap(
            VISUAL_STUDIO_MAJOR_TO_YEAR.values().stream().sorted().collect(java.util.stream.Collectors.toMap(
                    String::valueOf, year -> "Visual Studio " + year, (a, b) -> a, LinkedHashMap::new)));

    /** The releases the questions offer, by field, read once: planning questions tries each of them many times. */
    private static final Map<String, Map<String, Double>> ANSWERED_RELEASES = Map.of(
            SERVER_VERSION, releases(SERVER_VERSION, SERVER_RELEASES.keySet()),
            VISUAL_STUDIO_VERSION, releases(VISUAL_STUDIO_VERSION, VISUAL_STUDIO_RELEASES.keySet()));

    private static Map<String, Double> releases(String field, Collection<String> answers) {
        Map<String, Double> releases = new HashMap<>();
        answers.forEach(answer -> releases.put(answer, parseRelease(field, answer)));
        return Map.copyOf(releases);
    }

    private Vocabulary() {
    }

    /** Whether an answer says "I don't know" ("dont-know", "I don't know", "unknown", "not sure"). */
    public static boolean dontKnow(String answer) {
        return DONT_KNOW_WORDS.contains(normalized(answer).replace("\u2019", "'"));
    }

    /** The question that asks for an input, a {@code Facts.with} question id. */
    public static String question(String id) {
        String text = QUESTIONS.get(id);
        if (text == null) {
            throw new IllegalStateException("Vocabulary has no question for '" + id + "'; add one to QUESTIONS.");
        }
        return text;
    }

    private static Map<String, String> aliases(Map<String, String> one, Map<String, String> other) {
        Map<String, String> both = new HashMap<>(one);
        both.putAll(other);
        return Map.copyOf(both);
    }

    private static Map<String, String> labels(String... valueLabelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            labels.put(valueLabelPairs[i], valueLabelPairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** The release year in a version such as "2013.1", "TFS 2012", "Azure DevOps Server 2022" or "16.11". */
    public static int releaseYear(String field, String version) {
        return (int) release(field, version);
    }

    /**
     * The release as a number: the year, with the update after the point ("2013.2", "2013 Update 2": 2013.2). A Visual
     * Studio version number ("16.11") gives its year. Updates above 9 count as 9, which no release reached.
     */
    public static double release(String field, String version) {
        Double answer = ANSWERED_RELEASES.getOrDefault(field, Map.of()).get(version);
        return answer != null ? answer : parseRelease(field, version);
    }

    private static double parseRelease(String field, String version) {
        Matcher year = YEAR.matcher(version);
        if (year.find()) {
            Matcher update = UPDATE.matcher(version.substring(year.end()));
            int number = update.lookingAt() ? Math.min(9, Integer.parseInt(update.group(1))) : 0;
            return released(field, version, Integer.parseInt(year.group(1))) + number / 10.0;
        }
        Matcher major = MAJOR.matcher(version);
        if (VISUAL_STUDIO_VERSION.equals(field) && major.matches()) {
            Integer mapped = VISUAL_STUDIO_MAJOR_TO_YEAR.get(Integer.parseInt(major.group(1)));
            if (mapped != null) {
                return mapped;
            }
        }
        throw new InvalidFactsException(field, version,
                field + ": '" + Echo.value(version) + "' is not a version. Accepted: a release year such as 2019 or 2013.1,"
                        + " optionally with the product name ('TFS 2012', 'Azure DevOps Server 2022')"
                        + (VISUAL_STUDIO_VERSION.equals(field) ? ", or a Visual Studio version number such as 16.11" : "")
                        + ".");
    }

    /** The year, if the product had a release that year; else one line naming the releases there are. */
    private static int released(String field, String version, int year) {
        Map<String, String> releases = SERVER_VERSION.equals(field) ? SERVER_RELEASES : VISUAL_STUDIO_RELEASES;
        if (!releases.containsKey(String.valueOf(year))) {
            throw new InvalidFactsException(field, version, field + ": '" + Echo.value(version) + "' is not a release of "
                    + (SERVER_VERSION.equals(field) ? "Azure DevOps Server or Team Foundation Server" : "Visual Studio")
                    + ". Releases: " + String.join(", ", releases.keySet()) + ".");
        }
        return year;
    }

    public static InvalidFactsException unknownValue(String field, String given, Collection<String> accepted,
            Collection<String> aliases) {
        StringBuilder message = new StringBuilder()
                .append(field).append(": '").append(Echo.value(given)).append("' is not accepted. Accepted: ")
                .append(String.join(", ", accepted));
        if (!aliases.isEmpty()) {
            message.append(" (also: ").append(String.join(", ", aliases.stream().sorted().toList())).append(')');
        }
        message.append('.');
        List<String> candidates = new ArrayList<>(accepted);
        candidates.addAll(aliases);
        closest(given, candidates).ifPresent(near -> message.append(" Did you mean '").append(near).append("'?"));
        return new InvalidFactsException(field, given, message.toString());
    }

    public static InvalidFactsException unknownField(String given) {
        StringBuilder message = new StringBuilder("'").append(Echo.value(given)).append("' is not a known field. Accepted fields: ")
                .append(String.join(", ", FIELDS)).append('.');
        closest(given, FIELDS).ifPresent(near -> message.append(" Did you mean '").append(near).append("'?"));
        return new InvalidFactsException(given, null, message.toString());
    }

    /** The accepted word nearest to a typo, if it is near enough to be a likely intent; none for a value too long to be one. */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        if (given.length() > Limits.VALUE_CHARS) {
            return Optional.empty();
        }
        String needle = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, needle.length() / 3);
        if (bestDistance <= tolerance) {
            return Optional.of(best);
        }
        return containingEveryWord(needle, candidates);
    }

    /** A shortened id ("wrong-url") still names its row when exactly one candidate holds all of its words. */
    private static Optional<String> containingEveryWord(String needle, Collection<String> candidates) {
        List<String> words = List.of(needle.split("[^a-z0-9]+"));
        List<String> matches = candidates.stream()
                .filter(candidate -> words.stream().allMatch(word -> word.isEmpty() || candidate.toLowerCase(Locale.ROOT).contains(word)))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
