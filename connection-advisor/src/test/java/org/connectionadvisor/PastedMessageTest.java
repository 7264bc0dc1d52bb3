package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a pasted error message tells: codes as whole words, the documents' message texts, and the first server address. */
class PastedMessageTest {
    @Test
    void codesCountAsWholeWordsOnly() {
        assertThat(PastedMessage.of("TF31002: Unable to connect").symptoms()).extracting(PastedMessage.Clue::code)
                .containsExactly("TF31002");
        assertThat(PastedMessage.of("error TF310021 and ATF31003").symptoms()).isEmpty();
        assertThat(PastedMessage.of("HTTP 401 from the server").symptoms()).extracting(PastedMessage.Clue::code)
                .containsExactly("HTTP-401");
        // 401 inside a number or a version is no status code.
        assertThat(PastedMessage.of("build 1.401 and 401.5 and 14012").symptoms()).isEmpty();
    }

    @Test
    void theDocumentsMessageTextsNameTheirSymptoms() {
        assertThat(PastedMessage.of("Either you have not entered the necessary credentials, or your user account does not "
                + "have permission to connect to the Azure DevOps Server").symptoms()).singleElement()
                .isEqualTo(new PastedMessage.Clue("TF31003",
                        "the error message is TF31003's text (\"Either you have not entered the necessary credentials, ...\")"));
        assertThat(PastedMessage.of("UNABLE TO CONNECT TO THIS AZURE DEVOPS SERVER").symptoms()).extracting(PastedMessage.Clue::code)
                .containsExactly("TF31002");
        assertThat(PastedMessage.of("401 - Work or school, or Personal account").symptoms()).extracting(PastedMessage.Clue::code)
                .containsExactly("HTTP-401", "work-or-personal-prompt");
        assertThat(PastedMessage.of("The remote server returned an error: (401) Unauthorized.").symptoms())
                .extracting(PastedMessage.Clue::label).containsExactly("the error message contains 401");
    }

    @Test
    void theFirstAddressWithAHostIsTheServerUrl() {
        assertThat(PastedMessage.of("TF31002: Unable to connect to this Team Foundation Server tfs01.\n"
                + "Team Foundation Server Url: http://tfs01:8080/tfs.").url()).isEqualTo("http://tfs01:8080/tfs");
        assertThat(PastedMessage.of("see https:// and then (https://dev.azure.com/fabrikam)").url())
                .isEqualTo("https://dev.azure.com/fabrikam");
        assertThat(PastedMessage.of("no address here").url()).isNull();
        assertThat(PastedMessage.of(null)).isEqualTo(PastedMessage.NONE);
    }
}
