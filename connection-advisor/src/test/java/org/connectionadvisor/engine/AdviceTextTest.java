package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The one placeholder parser and the link scan: what they read in a text, and that a text built to make a pattern
 * backtrack or a scan go quadratic is read in one pass (the bound is generous: it holds on a loaded machine).
 */
class AdviceTextTest {
    private static final Duration ONE_PASS = Duration.ofSeconds(5);

    @Test
    void aPlaceholderIsABraceAKeyAndABraceAndAnyOtherBraceIsText() {
        String text = "{a}{b{c} {} {Upper} {d-1} {e";
        assertThat(Placeholders.keys(text)).containsExactly("a", "c", "d-1");
        assertThat(Placeholders.fill(text, Map.of("a", "A", "c", "C")::get)).isEqualTo("A{bC {} {Upper} {d-1} {e");
        assertThat(Placeholders.isKey("cache-folder")).isTrue();
        assertThat(Placeholders.isKey("cache folder")).isFalse();
        assertThat(Placeholders.isKey("")).isFalse();
    }

    @Test
    void markdownLinksAreReadAsThePatternReadThem() {
        assertThat(Links.markdown("See [a](https://learn.microsoft.com/x) and [b [c]](http://aka.ms/y), not [d](ftp://e) or [f] (https://g)"
                + " or [h](https://) or [i](https://j k)")).containsExactly("https://learn.microsoft.com/x");
        assertThat(Links.markdown("[a](https://x/1)[b](https://x/1)[[c](https://x/2)")).containsExactly("https://x/1", "https://x/2");
        assertThat(Links.hosts("go to HTTPS://User@Learn.Microsoft.com:443/x, https://aka.ms?q and ftp://no"))
                .containsExactly("learn.microsoft.com", "aka.ms");
    }

    @Test
    void markdownIsWrittenPlainWithOrWithoutTheTargets() {
        String advice = "**First**, see [the guide](https://learn.microsoft.com/x), then [[c](https://aka.ms/y) and [f] (https://g).";
        assertThat(Links.plain(advice, true))
                .isEqualTo("First, see the guide <https://learn.microsoft.com/x>, then [c <https://aka.ms/y> and [f] (https://g).");
        assertThat(Links.plain(advice, false)).isEqualTo("First, see the guide, then [c and [f] (https://g).");
    }

    @Test
    void textsBuiltToBacktrackAreReadInOnePass() {
        String brackets = "[".repeat(2_000_000);
        String openTargets = "[](http://a".repeat(200_000);
        String braces = "{a".repeat(1_000_000);
        assertTimeoutPreemptively(ONE_PASS, () -> {
            assertThat(Links.markdown(brackets)).isEmpty();
            assertThat(Links.markdown(openTargets)).isEmpty();
            assertThat(Links.plain(brackets, true)).isEqualTo(brackets);
            assertThat(Links.hosts(openTargets)).containsExactly("a[", "a");
            assertThat(Placeholders.keys(braces)).isEmpty();
            assertThat(Placeholders.fill(braces, key -> "x")).isEqualTo(braces);
        });
        assertThat(Links.markdown("[x](http://a" + "[](http://a".repeat(3) + ")")).containsExactly("http://a[](http://a[](http://a[](http://a");
    }
}
