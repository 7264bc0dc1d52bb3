package org.connectionadvisor.cli;

import java.util.List;

/**
 * Whether what a command printed is what a page shows: line by line, where a line {@code ...} stands for any number
 * of lines (none included) and a line ending in {@code ...} for any line starting with what comes before it.
 */
final class OutputPattern {
    private static final String ELLIPSIS = "...";

    private OutputPattern() {
    }

    static boolean matches(List<String> expected, List<String> actual) {
        // matched[i][j]: expected lines from i on match actual lines from j on.
        boolean[][] matched = new boolean[expected.size() + 1][actual.size() + 1];
        matched[expected.size()][actual.size()] = true;
        for (int i = expected.size() - 1; i >= 0; i--) {
            String pattern = expected.get(i).stripTrailing();
            for (int j = actual.size(); j >= 0; j--) {
                if (pattern.strip().equals(ELLIPSIS)) {
                    matched[i][j] = matched[i + 1][j] || (j < actual.size() && matched[i][j + 1]);
                } else {
                    matched[i][j] = j < actual.size() && line(pattern, actual.get(j)) && matched[i + 1][j + 1];
                }
            }
        }
        return matched[0][0];
    }

    private static boolean line(String pattern, String actual) {
        if (pattern.endsWith(ELLIPSIS)) {
            return actual.startsWith(pattern.substring(0, pattern.length() - ELLIPSIS.length()));
        }
        return actual.stripTrailing().equals(pattern);
    }
}
