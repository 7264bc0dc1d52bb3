package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.connectionadvisor.Facts;
import org.connectionadvisor.Vocabulary;
import org.connectionadvisor.rules.Input;
import org.junit.jupiter.api.Test;

/** The hand-off speaks of the user to the administrator: every label the situation can give, in the third person. */
class ThirdPersonTest {
    private static List<String> labels(Facts facts) {
        return Situation.of(facts, row -> "Check that you have the permissions the action needs").inputs().stream()
                .map(Input::label).toList();
    }

    private static Facts everyFlag(boolean yes) {
        String context = Vocabulary.CONTEXT_FLAGS.labels().keySet().stream()
                .filter(flag -> !flag.equals(Vocabulary.SIGNED_IN_WITH_PERSONAL))
                .map(flag -> "\"" + flag + "\": " + yes).collect(Collectors.joining(", "));
        String symptoms = Vocabulary.SYMPTOM_CODES.labels().keySet().stream().map(code -> "\"" + code + "\"")
                .collect(Collectors.joining(", "));
        return Facts.fromJson("{\"product\": \"tfs\", \"client\": \"visual-studio\", \"context\": {" + context + "},"
                + " \"symptoms\": [" + symptoms + "], \"confirmed\": [\"check-permissions\"]}");
    }

    @Test
    void noLabelOfTheSituationSpeaksToTheUserOnceInTheThirdPerson() {
        List<String> labels = new java.util.ArrayList<>(labels(everyFlag(true)));
        labels.addAll(labels(everyFlag(false)));
        labels.addAll(labels(Facts.fromJson("{\"errorMessage\": \"on the VPN, it worked yesterday: TF31002\"}")));
        labels.addAll(labels(Facts.fromJson("{\"errorMessage\": \"working from home; it stopped working: TF31003\"}")));

        // Outside quotations: a quoted title or message keeps its words (below).
        assertThat(labels).allSatisfy(label -> assertThat(ThirdPerson.of(label).replaceAll("\"[^\"]*\"", "\"...\"")).as(label)
                .doesNotContainPattern("\\byou(r)?\\b"));
    }

    @Test
    void aQuotationKeepsItsWords() {
        String tf31003 = labels(Facts.fromJson("{\"errorMessage\": \"Either you have not entered the necessary credentials, "
                + "or your user account does not have permission to connect\"}")).stream()
                .filter(label -> label.contains("text")).findFirst().orElseThrow();

        assertThat(ThirdPerson.of(tf31003))
                .isEqualTo("the error message is TF31003's text (\"Either you have not entered the necessary credentials, ...\")");
        assertThat(ThirdPerson.of("you confirmed \"Check that you have the permissions the action needs\""))
                .isEqualTo("the user confirmed \"Check that you have the permissions the action needs\"");
        // After a quotation, the user has been named.
        assertThat(ThirdPerson.of("you said \"VPN\", so you work remotely")).isEqualTo("the user said \"VPN\", so they work remotely");
        // An unpaired quote quotes nothing.
        assertThat(ThirdPerson.of("you said 5\" of snow")).isEqualTo("the user said 5\" of snow");
    }

    @Test
    void theFirstYouIsTheUserALaterOneTheyAndTheVerbAgrees() {
        assertThat(ThirdPerson.of("you said you work remotely")).isEqualTo("the user said they work remotely");
        assertThat(ThirdPerson.of("you connect from Visual Studio (Team Explorer)")).isEqualTo("the user connects from Visual Studio (Team Explorer)");
        assertThat(ThirdPerson.of("TF31002 is shown by Visual Studio (Team Explorer), so you connect from Visual Studio"))
                .isEqualTo("TF31002 is shown by Visual Studio (Team Explorer), so the user connects from Visual Studio");
        assertThat(ThirdPerson.of("you said no personal and work or school account share your sign-in address"))
                .isEqualTo("the user said no personal and work or school account share their sign-in address");
        assertThat(ThirdPerson.of("the message says you are working from home, so you work remotely"))
                .isEqualTo("the message says the user is working from home, so they work remotely");
        // A host name is not a pronoun.
        assertThat(ThirdPerson.of("the server URL's host you.example is not an Azure DevOps Services address"))
                .isEqualTo("the server URL's host you.example is not an Azure DevOps Services address");
    }
}
