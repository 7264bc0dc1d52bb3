package org.connectionadvisor;

import java.util.List;

/**
 * What a user who is not the administrator can send to the administrator when the problem is on several computers:
 * what was reported, what was ruled out, and the checks only an administrator can make, in the documents' order (most
 * likely first), each with its link. {@code text} says it all in plain words, ready to paste into a message.
 */
public record Handoff(List<String> reported, List<String> ruledOut, List<Check> checks, String text) {
    public Handoff {
        reported = List.copyOf(reported);
        ruledOut = List.copyOf(ruledOut);
        checks = List.copyOf(checks);
    }

    /** One check for the administrator: the row, its resolution (Markdown) and the link to read. */
    public record Check(String id, String title, String resolution, List<String> steps, String link) {
        public Check {
            steps = List.copyOf(steps);
        }
    }
}
