package org.connectionadvisor;

import org.connectionadvisor.engine.Links;

/** Advice text as a terminal or a plain message shows it: recommendations' texts are Markdown (links and bold). */
public final class PlainText {
    private PlainText() {
    }

    /** "[text](url)" becomes "text &lt;url&gt;" and bold marks go, in one pass (no regular expression to backtrack). */
    public static String of(String markdown) {
        return Links.plain(markdown, true);
    }
}
