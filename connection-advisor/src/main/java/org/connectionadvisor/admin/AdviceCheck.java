package org.connectionadvisor.admin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectionadvisor.RuleProblem;
import org.connectionadvisor.engine.Links;
import org.connectionadvisor.engine.Placeholders;
import org.connectionadvisor.Echo;

/**
 * What the texts of the consequences may say and how much of it: checked on the literals, before anything is built,
 * so that the wording of any diagnosis is bounded (the ranking fills placeholders and lists links in one pass over at
 * most {@link #MAX_WORDING} characters), shows no control or bidi character, and links only to the hosts the
 * {@link AdvicePolicy} allows; and so that the wording of another file's rows is not changed from a file of one's own.
 */
final class AdviceCheck {
    /** Characters in one resolution or step, before its placeholders are filled (the packaged rules' longest: under 800). */
    static final int MAX_TEXT = 4_000;
    /** Characters in one Detail's wording: what one placeholder can add. */
    static final int MAX_DETAIL = 1_000;
    /** Placeholders in one resolution or step. */
    static final int MAX_PLACEHOLDERS = 8;
    /** Texts of one Advice: the resolution and its steps. */
    static final int MAX_TEXTS = 30;
    /** Characters the rows of all files can show at most once every placeholder is filled with its longest wording. */
    static final int MAX_WORDING = 1_000_000;
    /** Topic and Finding names the rules conclude (a rule base grown to 5,000 rows has about 2,000). */
    static final int MAX_CONCLUSIONS = 10_000;

    private final AdvicePolicy policy;
    private final List<RuleProblem> problems;

    private AdviceCheck(AdvicePolicy policy, List<RuleProblem> problems) {
        this.policy = policy;
        this.problems = problems;
    }

    static void check(List<CheckedRule> rules, AdvicePolicy policy, List<RuleProblem> problems) {
        new AdviceCheck(policy, problems).run(rules);
    }

    private void run(List<CheckedRule> rules) {
        Map<String, Integer> longestDetail = new HashMap<>();
        Map<String, String> detailFile = new HashMap<>();
        Set<String> conclusions = new HashSet<>();
        for (CheckedRule rule : rules) {
            Consequence consequence = rule.consequence();
            if (consequence == null) {
                continue;
            }
            switch (consequence.type()) {
                case "Detail" -> {
                    String key = consequence.texts().get(0);
                    String text = consequence.texts().get(1);
                    if (!Placeholders.isKey(key)) {
                        refuse(rule, "Detail key \"" + key + "\" is not lowercase words joined by hyphens, as \"cache-folder\": only such"
                                + " a {key} is filled");
                    }
                    text(rule, text, MAX_DETAIL, "a Detail's wording");
                    longestDetail.merge(key, text.length(), Math::max);
                    String owner = detailFile.putIfAbsent(key, rule.file().path());
                    if (owner != null && !owner.equals(rule.file().path()) && !policy.sharesDetail(key)) {
                        refuse(rule, "the wording {" + key + "} is given in " + owner + ": every Detail rule of a key is in one file,"
                                + " unless " + policy.path() + " has the line detail-from-any-file " + key);
                    }
                }
                case "Advice" -> {
                    if (consequence.texts().size() > MAX_TEXTS) {
                        refuse(rule, "Advice.of has " + consequence.texts().size() + " texts, over the limit of " + MAX_TEXTS
                                + " (a resolution and its steps)");
                    }
                    consequence.texts().forEach(text -> text(rule, text, MAX_TEXT, "a resolution or step"));
                }
                default -> conclusions.add(consequence.type() + ":" + consequence.texts().get(0));
            }
        }
        if (conclusions.size() > MAX_CONCLUSIONS) {
            problems.add(new RuleProblem(rules.get(0).file().path(), 0, null, "the rules conclude " + conclusions.size()
                    + " Topic and Finding names, over the limit of " + MAX_CONCLUSIONS + ": they are facts other rules join on"));
        }
        long wording = 0;
        for (CheckedRule rule : rules) {
            if (rule.consequence() != null && "Advice".equals(rule.consequence().type())) {
                for (String text : rule.consequence().texts()) {
                    wording += text.length();
                    for (String key : Placeholders.keys(text)) {
                        wording += longestDetail.getOrDefault(key, 0);
                    }
                }
                if (wording > MAX_WORDING) {
                    refuse(rule, "with this row the rows' texts come to more than " + MAX_WORDING + " characters once their"
                            + " placeholders are filled: the limit of what one diagnosis words");
                    return;
                }
            }
        }
    }

    /** One text: its length and placeholders, its characters, its links. */
    private void text(CheckedRule rule, String text, int max, String what) {
        if (text.length() > max) {
            refuse(rule, what + " is " + text.length() + " characters, over the limit of " + max);
            return;
        }
        int placeholders = Placeholders.keys(text).size();
        if (placeholders > MAX_PLACEHOLDERS) {
            refuse(rule, what + " has " + placeholders + " placeholders, over the limit of " + MAX_PLACEHOLDERS);
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Echo.unprintable(c)) {
                refuse(rule, what + " holds the control or formatting character " + Echo.safe(Character.toString(c)) + " at character "
                        + (i + 1) + ": advice is plain text (no line breaks, tabs, escapes or bidi controls)");
                return;
            }
            i += Character.charCount(c);
        }
        for (int at = text.indexOf("]("); at >= 0; at = text.indexOf("](", at + 2)) {
            if (!text.startsWith("https://", at + 2) && !text.startsWith("http://", at + 2)) {
                refuse(rule, "a link in " + what + " is [text](https://HOST/...): '" + Echo.value(text.substring(at, Math.min(text.length(),
                        at + 40))) + "' is not");
                return;
            }
        }
        for (String host : Links.hosts(text)) {
            if (!policy.allowsHost(host)) {
                refuse(rule, what + " links to " + Echo.value(host) + ", which is not an allowed host: add it to " + policy.path()
                        + " as link-host " + Echo.value(host) + " if advice may link there");
            }
        }
    }

    private void refuse(CheckedRule rule, String message) {
        problems.add(new RuleProblem(rule.file().path(), rule.consequenceLine(), rule.descr().getName(), message));
    }
}
