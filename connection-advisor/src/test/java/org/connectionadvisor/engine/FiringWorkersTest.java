package org.connectionadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.connectionadvisor.DiagnosisException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker a session of rules from files settles on: its answer in time, or the caller's error at the deadline. */
class FiringWorkersTest {
    private static final Duration DEADLINE = Duration.ofMillis(50);
    private static final String OVERRAN = "the rules did not settle within the diagnosis deadline of 50 ms (it passed inside a"
            + " firing step, halted after the rule it evaluates); they do too much work for these facts";

    private final FiringWorkers workers = new FiringWorkers();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    /** A first step in time: from then on the caller waits only the deadline and the grace (see the last test). */
    @BeforeEach
    void warm() {
        assertThat(workers.settle(DEADLINE, () -> true, () -> { }, () -> { })).isTrue();
    }

    @Test
    void aStepInTimeGivesItsAnswerOrItsErrorAndNeitherLeavesNorResets() {
        assertThat(workers.settle(DEADLINE, () -> true, () -> heard.add("leave"), () -> heard.add("reset"))).isTrue();
        assertThatThrownBy(() -> workers.settle(DEADLINE, () -> {
            throw new DiagnosisException("rule \"r\" keeps firing");
        }, () -> heard.add("leave"), () -> heard.add("reset"))).isInstanceOf(DiagnosisException.class).hasMessage("rule \"r\" keeps firing");
        assertThat(heard).isEmpty();
    }

    @Test
    void pastTheDeadlineTheCallerLeavesAndTheWorkerResetsWhenTheStepEnds() throws Exception {
        CountDownLatch stepEnds = new CountDownLatch(1);
        CountDownLatch reset = new CountDownLatch(1);

        assertThatThrownBy(() -> workers.settle(DEADLINE, () -> awaited(stepEnds), () -> heard.add("leave on " + Thread.currentThread().getName()),
                () -> {
                    heard.add("reset on " + Thread.currentThread().getName());
                    reset.countDown();
                })).isInstanceOf(DiagnosisException.class).hasMessage(OVERRAN);
        assertThat(heard).containsExactly("leave on main");

        stepEnds.countDown();
        assertThat(reset.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(heard).containsExactly("leave on main", "reset on connection-advisor-firing");
    }

    @Test
    void whileTwoStepsOverrunTheNextDiagnosisFailsAtOnceAndAfterThemItRuns() throws Exception {
        CountDownLatch stepsEnd = new CountDownLatch(1);
        CountDownLatch reset = new CountDownLatch(FiringWorkers.MAX_OVERRUNNING);
        for (int i = 0; i < FiringWorkers.MAX_OVERRUNNING; i++) {
            assertThatThrownBy(() -> workers.settle(DEADLINE, () -> awaited(stepsEnd), () -> { }, reset::countDown)).hasMessage(OVERRAN);
        }

        assertThatThrownBy(() -> workers.settle(DEADLINE, () -> true, () -> { }, () -> { }))
                .isInstanceOf(DiagnosisException.class)
                .hasMessage("the rules are still busy with 2 diagnoses that overran the diagnosis deadline of 50 ms; they do too"
                        + " much work for some facts");

        stepsEnd.countDown();
        assertThat(reset.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.settle(DEADLINE, () -> true, () -> { }, () -> { })).isTrue();
    }

    /** Until a step has ended in time, Drools may still be compiling constraints: a slow first step is waited for. */
    @Test
    void theFirstStepOnNewRulesMayTakeLongerThanTheDeadline() {
        FiringWorkers cold = new FiringWorkers();

        assertThat(cold.settle(DEADLINE, () -> pause(Duration.ofMillis(500)), () -> heard.add("leave"), () -> heard.add("reset"))).isTrue();
        assertThatThrownBy(() -> cold.settle(DEADLINE, () -> pause(Duration.ofMillis(500)), () -> heard.add("leave"), () -> heard.add("reset")))
                .hasMessage(OVERRAN);
        assertThat(heard).containsExactly("leave");
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
