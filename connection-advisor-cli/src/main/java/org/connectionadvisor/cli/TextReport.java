package org.connectionadvisor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import org.connectionadvisor.Actor;
import org.connectionadvisor.Band;
import org.connectionadvisor.Diagnosis;
import org.connectionadvisor.Handoff;
import org.connectionadvisor.Heard;
import org.connectionadvisor.PlainText;
import org.connectionadvisor.Question;
import org.connectionadvisor.Recommendation;
import org.connectionadvisor.Source;

/**
 * A diagnosis for a person at a terminal: a numbered list with why and where from, what each fact did, then the open
 * questions.
 */
final class TextReport {
    private TextReport() {
    }

    static void print(Diagnosis diagnosis, PrintWriter out) {
        print(diagnosis, diagnosis.questions(), out);
    }

    /** The same report with the questions chosen by the caller (ask leaves out those already asked). */
    static void print(Diagnosis diagnosis, List<Question> questions, PrintWriter out) {
        if (diagnosis.recommendations().isEmpty()) {
            out.println("No recommendation fits these facts (every fitting row is ruled out, or the facts exclude them all).");
        }
        for (Recommendation r : diagnosis.recommendations()) {
            printRecommendation(r, out);
            out.println();
        }
        diagnosis.handoff().ifPresent(handoff -> printHandoff(handoff, out));
        printHeard(diagnosis.heard(), out);
        printQuestions(questions, out);
    }

    static void printRecommendation(Recommendation r, PrintWriter out) {
        out.printf("%d. %s%n", r.rank(), r.title());
        out.printf("   [%s, %s%s%s]%n", r.id(), r.status().word(), r.band() == Band.FIRST_STEP ? ", one of the documents' first steps" : "",
                r.actor() == Actor.ADMINISTRATOR ? ", only an administrator can do this" : "");
        out.println("   " + PlainText.of(r.resolution()));
        for (int i = 0; i < r.steps().size(); i++) {
            out.printf("     %d) %s%n", i + 1, PlainText.of(r.steps().get(i)));
        }
        out.println("   Why: " + String.join("; ", r.because()) + ".");
        if (!r.supportedBy().isEmpty()) {
            out.println("   Supported by: " + String.join("; ", r.supportedBy()) + ".");
        }
        out.println("   Source: " + r.sources().stream().map(TextReport::source).collect(Collectors.joining("; ")));
    }

    /** The message for the administrator, to copy as it is. */
    static void printHandoff(Handoff handoff, PrintWriter out) {
        out.println("For your administrator (a hand-off you can send as it is):");
        handoff.text().lines().forEach(line -> out.println("  " + line));
        out.println();
    }

    /** Every fact given or inferred, with what it did, so none is silently dropped. */
    static void printHeard(List<Heard> heard, PrintWriter out) {
        if (heard.isEmpty()) {
            return;
        }
        out.println("What each fact did:");
        for (Heard fact : heard) {
            out.printf("  - %s%s: %s%n", fact.label(), fact.inferred() ? " (inferred)" : "", fact.summary());
        }
        out.println();
    }

    static void printQuestions(List<Question> questions, PrintWriter out) {
        if (questions.isEmpty()) {
            return;
        }
        out.println("Questions that would narrow this down, most useful first:");
        for (Question q : questions) {
            out.printf("  - %s (%s: %s)%s%n", q.text(), q.id(),
                    q.answers().stream().map(a -> a.value()).collect(Collectors.joining(" | ")),
                    q.answeredBy() == Actor.ADMINISTRATOR ? " [usually answered by an administrator]" : "");
        }
    }

    private static String source(Source source) {
        return source.title() + (source.section().isEmpty() ? "" : ", \"" + source.section() + "\"");
    }
}
