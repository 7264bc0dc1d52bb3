package org.connectionadvisor.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label of the situation, written to the person at the computer ("you said the product is ...", "so you connect
 * from Visual Studio"), as the administrator reads it in a hand-off the user sends: the first "you" becomes "the user"
 * (with its verb in the third person), a later one "they", and "your" "the user's" or "their". The labels are the
 * advisor's own (facts are quoted through {@link org.connectionadvisor.Echo}), so the few verbs they use are known.
 */
final class ThirdPerson {
    private static final Pattern YOU = Pattern.compile("\\b(you|your) (\\w+)");
    /** The verbs that follow "you" in a label, each in the third person ("said" stays "said"). */
    private static final Map<String, String> VERBS = Map.ofEntries(Map.entry("are", "is"), Map.entry("have", "has"),
            Map.entry("do", "does"), Map.entry("work", "works"), Map.entry("want", "wants"), Map.entry("connect", "connects"),
            Map.entry("land", "lands"), Map.entry("run", "runs"),
            Map.entry("said", "said"), Map.entry("reported", "reported"), Map.entry("confirmed", "confirmed"),
            Map.entry("signed", "signed"), Map.entry("did", "did"));

    private ThirdPerson() {
    }

    /**
     * The label in the third person; a "you" before a word that is not one of the labels' verbs is left as it is, and
     * so is a quotation (between double quotes): a message's or a title's words are quoted as they are written.
     */
    static String of(String label) {
        String[] parts = label.split("\"", -1);
        StringBuilder text = new StringBuilder();
        boolean named = false;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append('"');
            }
            if (i % 2 == 1 && i < parts.length - 1) {
                text.append(parts[i]);
            } else {
                named = rewrite(parts[i], named, text);
            }
        }
        return text.toString();
    }

    /** Appends the part in the third person; true once the user has been named, in this part or before. */
    private static boolean rewrite(String part, boolean named, StringBuilder text) {
        Matcher you = YOU.matcher(part);
        while (you.find()) {
            String next = you.group(2);
            String replacement;
            if ("your".equals(you.group(1))) {
                replacement = (named ? "their " : "the user's ") + next;
            } else if (VERBS.containsKey(next)) {
                replacement = named ? "they " + next : "the user " + VERBS.get(next);
            } else {
                replacement = you.group();
            }
            named |= !replacement.equals(you.group());
            you.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        you.appendTail(text);
        return named;
    }
}
