package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;


class EchoTest {
    @Test
    void controlAndInvisibleCharactersAreEscapedAndPrintableOnesKept() {
        assertThat(Echo.safe("a\nb\tc\rd")).isEqualTo("a\\nb\\tc\\rd");
        assertThat(Echo.safe("\u001b]0;pwned\u0007")).isEqualTo("\\u001b]0;pwned\\u0007");
        assertThat(Echo.safe("nul\u0000 del\u007f csi\u009b")).isEqualTo("nul\\u0000 del\\u007f csi\\u009b");
        assertThat(Echo.safe("bidi\u202e zero\u200b line\u2028 para\u2029")).isEqualTo("bidi\\u202e zero\\u200b line\\u2028 para\\u2029");
        assertThat(Echo.safe("lone \ud800 pair \ud83d\ude00")).isEqualTo("lone \\ud800 pair \ud83d\ude00");
        assertThat(Echo.safe("ünïcødé C:\\Users \"quoted\"")).isEqualTo("ünïcødé C:\\Users \"quoted\"");
        assertThat(Echo.safe(null)).isNull();
    }

    @Test
    void urlCredentialsAreRedacted() {
        assertThat(Echo.safe("https://alice:s3cret@dev.azure.com/fabrikam")).isEqualTo("https://***@dev.azure.com/fabrikam");
        assertThat(Echo.safe("see http://alice@tfs:8080/tfs and ftp://u:p@h")).isEqualTo("see http://***@tfs:8080/tfs and ftp://***@h");
        assertThat(Echo.safe("'https://a:b@x','https://c:d@y'")).isEqualTo("'https://***@x','https://***@y'");
        assertThat(Echo.safe("https://a:b@x,https://c:d@y")).isEqualTo("https://***@x,https://***@y");
        // A password with @ or / in it loses all of it, not only what precedes the first @.
        assertThat(Echo.safe("https://alice:p@ss/w@rd@host/x")).isEqualTo("https://***@host/x");
        // Without a scheme: user:password@host is redacted, an e-mail address is not.
        assertThat(Echo.safe("alice:s3cret@tfs.contoso.com/tfs")).isEqualTo("***@tfs.contoso.com/tfs");
        assertThat(Echo.safe("mail admin@contoso.com")).isEqualTo("mail admin@contoso.com");
        assertThat(Echo.safe("https://dev.azure.com/fabrikam")).isEqualTo("https://dev.azure.com/fabrikam");
        assertThat(Echo.safe("https://***@host")).isEqualTo("https://***@host");
        assertThat(Echo.safe("//alice@host http://http://alice@host")).isEqualTo("//***@host http://http://***@host");
        assertThat(Echo.redact("TF31002 at https://u:p@tfs\nagain")).isEqualTo("TF31002 at https://***@tfs\nagain");
    }

    @Test
    void aQuotedValueIsCutAfterTwoHundredCharacters() {
        assertThat(Echo.value("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(Echo.value("x".repeat(201))).isEqualTo("x".repeat(200) + "...");
        assertThat(Echo.value("\u001b".repeat(100))).isEqualTo("\\u001b".repeat(34) + "...");
        assertThat(Echo.value("https://alice:" + "s".repeat(500) + "@host")).isEqualTo("https://***@host");
    }

    @Test
    void jsonEscapesWhatJacksonLeavesRaw() {
        assertThat(Echo.json(Map.of("m", "esc\u001b del\u007f csi\u009b bidi\u202e line\u2028 é \ud83d\ude00")))
                .isEqualTo("{\"m\":\"esc\\u001B del\\u007F csi\\u009b bidi\\u202e line\\u2028 é \ud83d\ude00\"}");
    }

    @Test
    void aLongTextCostsLinearTime() {
        String words = "a:b ".repeat(2_500_000) + "https://" + "x".repeat(10_000_000);
        long start = System.nanoTime();
        assertThat(Echo.redact(words)).hasSize(words.length());
        assertThat(Echo.value(words)).hasSize(203);
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
