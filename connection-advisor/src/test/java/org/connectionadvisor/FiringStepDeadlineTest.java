package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One firing step that does more work than the diagnosis deadline allows, in rules within every limit of the subset:
 * the caller gets its one-line error at the deadline, while the step, which Drools cannot stop, ends on a worker.
 */
class FiringStepDeadlineTest {
    /** The rows the facts confirm: every one of them, as many as a facts input takes. */
    static final int ROWS = 50;
    /** Row rules that never fire, so that one firing step evaluates the networks of them all. */
    static final int SCANS = 100;
    /** The {@code not}s of each: each compares every combination with every confirmed row. */
    static final int NOTS = 8;

    @TempDir
    Path rules;

    /**
     * The attack: 100 row rules, each joining three patterns (a topic and two confirmed rows: 2,500 combinations), each
     * combination tested against every confirmed row by 8 {@code not}s whose constraint no index serves and no row
     * meets, then a {@code not} that always blocks: no rule fires, so one firing step (one call to fire at most 64
     * rules) evaluates all 100 networks. Each rule is within every limit of the subset; the first pattern of each
     * differs, so that Drools cannot share their networks. (SECURITY.md gives how long the step takes without the halt.)
     */
    static String attack() {
        String rows = IntStream.rangeClosed(1, ROWS).mapToObj(i -> row(String.format("r%02d", i), 100, "Topic( name == \"never\" )"))
                .collect(Collectors.joining());
        String scans = IntStream.rangeClosed(1, SCANS).mapToObj(i -> row("scan" + i, 500, """
                $t : Topic( name == "a" )
                    $a : Confirmed( row != "%d" )
                    $b : Confirmed()
                """.formatted(i) + "    not Confirmed( row < $t.name )\n".repeat(NOTS) + "    not Topic( name == \"a\" )"))
                .collect(Collectors.joining());
        return """
                package org.connectionadvisor.drl;

                import org.connectionadvisor.rules.*;

                rule "topic"
                    @layer("finding")
                    salience 1000
                when
                    Symptom( code == "TF31002" )
                then
                    insertLogical( Topic.of( kcontext, "a" ) );
                end

                """ + scans + rows;
    }

    private static String row(String id, int salience, String when) {
        return """
                rule "%s"
                    @row("%s")
                    @title("%s")
                    @source("TEST")
                    @section("attacks")
                    salience %d
                when
                    %s
                then
                    insertLogical( Advice.of( kcontext, "fine" ) );
                end
                """.formatted(id, id, id, salience, when);
    }

    static Facts allRowsConfirmed() {
        return Facts.builder()
                .symptoms("TF31002")
                .confirmed(IntStream.rangeClosed(1, ROWS).mapToObj(i -> String.format("r%02d", i)).toArray(String[]::new))
                .build();
    }

    @Test
    void aStepPastTheDeadlineEndsTheDiagnosisAtTheDeadlineWithOneLineAndIsHalted() throws Exception {
        Files.writeString(rules.resolve("attack.drl"), attack());
        try (ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules, ReloadOptions.defaults().diagnosisDeadline(Duration.ofMillis(500)))) {
            assertThat(advisor.diagnose(Facts.builder().symptoms("TF31002").build()).recommendations()).isEmpty();
            assertThatThrownBy(() -> advisor.diagnose(allRowsConfirmed()))
                    .isInstanceOf(DiagnosisException.class)
                    .hasMessage("the rules did not settle within the diagnosis deadline of 500 ms (it passed inside a firing step,"
                            + " halted after the rule it evaluates); they do too much work for these facts");
            long waited = 0;
            while (!firing().isEmpty() && waited++ < 3_000) {
                Thread.sleep(10);
            }
            assertThat(firing()).as("the step ends: the rule it was evaluating, then a halt").isEmpty();
            assertThat(advisor.diagnose(Facts.builder().symptoms("TF31002").build()).recommendations()).isEmpty();
        }
    }

    private static List<Thread> firing() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("connection-advisor-firing") && thread.getState() == Thread.State.RUNNABLE)
                .toList();
    }
}
