package org.connectionadvisor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web addresses in advice text, found in one pass without a regular expression (a pattern that backtracks could
 * be made to take minutes on text of many '['): the targets of Markdown links {@code [text](https://...)}, which
 * the advisor lists, and the host of every http(s) address anywhere in a text, which the rule checks hold to the
 * hosts an administrator allows.
 */
public final class Links {
    private Links() {
    }

    /**
     * The targets of the text's Markdown links {@code [text](http(s)://...)}, each once, in order: a target runs to
     * the first ')' and holds no white space, and the link text holds no ']'.
     */
    public static Set<String> markdown(String text) {
        Set<String> links = new LinkedHashSet<>();
        scan(text, (open, close, end) -> links.add(text.substring(close + 2, end)));
        return links;
    }

    /**
     * The text with its Markdown links written for reading, in the same one pass: {@code [text](url)} becomes
     * "text &lt;url&gt;" with {@code targets}, else "text" (for a message that gives each link apart); bold marks go.
     */
    public static String plain(String markdown, boolean targets) {
        StringBuilder plain = new StringBuilder(markdown.length());
        int[] copied = {0};
        scan(markdown, (open, close, end) -> {
            plain.append(markdown, copied[0], open).append(markdown, open + 1, close);
            if (targets) {
                plain.append(" <").append(markdown, close + 2, end).append('>');
            }
            copied[0] = end + 1;
        });
        return plain.append(markdown, copied[0], markdown.length()).toString().replace("**", "");
    }

    /** A Markdown link: its '[' at {@code open}, its ']' at {@code close}, its target up to the ')' at {@code end}. */
    private interface LinkFound {
        void at(int open, int close, int end);
    }

    private static void scan(String text, LinkFound found) {
        int open = -1; // the last '[' since the last ']'
        int stop = -1; // the first ')' or white space at or after the last target looked at: targets only move forward
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                open = i;
            } else if (c == ']') {
                int opened = open;
                open = -1;
                if (opened < 0 || i + 1 >= text.length() || text.charAt(i + 1) != '(') {
                    continue;
                }
                int start = i + 2;
                int scheme = schemeLength(text, start);
                if (scheme == 0) {
                    continue;
                }
                if (stop < start) {
                    stop = start;
                    while (stop < text.length() && text.charAt(stop) != ')' && !Character.isWhitespace(text.charAt(stop))) {
                        stop++;
                    }
                }
                if (stop < text.length() && text.charAt(stop) == ')' && stop > start + scheme) {
                    found.at(opened, i, stop);
                    i = stop;
                }
            }
        }
    }

    /** The host (lowercase) of every http:// or https:// address in a text, in order, each once. */
    public static List<String> hosts(String text) {
        List<String> hosts = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf("://"); at >= 0; at = lower.indexOf("://", at + 3)) {
            if (!(lower.startsWith("http", at - 4) || lower.startsWith("https", at - 5))) {
                continue;
            }
            int end = at + 3;
            while (end < lower.length() && "/?#)] \t\n\r\"'<>".indexOf(lower.charAt(end)) < 0) {
                end++;
            }
            String authority = lower.substring(at + 3, end);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            int port = host.lastIndexOf(':');
            host = port >= 0 && !host.endsWith("]") ? host.substring(0, port) : host;
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private static int schemeLength(String text, int at) {
        return text.startsWith("https://", at) ? "https://".length() : text.startsWith("http://", at) ? "http://".length() : 0;
    }
}
