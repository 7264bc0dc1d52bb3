package org.connectionadvisor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** Work under a deadline: its result, or what it threw, or an abandonment at the limit that nothing later waits for. */
class DeadlineTest {
    @Test
    void workThatNeverEndsIsAbandonedAtTheLimitAndLaterWorkGoesOn() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        long start = System.nanoTime();

        assertThatThrownBy(() -> Deadline.run("stuck work", Duration.ofMillis(300), () -> {
            started.countDown();
            while (true) {
                try {
                    never.await(); // deaf to the interrupt, as a build stuck in a loop is
                } catch (InterruptedException e) {
                    // ignored
                }
            }
        })).isInstanceOf(Deadline.Exceeded.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(10));
        assertThat(started.getCount()).isZero();
        assertThat(Deadline.run("later work", Duration.ofSeconds(10), () -> "done")).isEqualTo("done");
    }

    @Test
    void whatTheWorkThrowsIsThrownToTheCaller() {
        StackOverflowError overflow = new StackOverflowError();
        assertThatThrownBy(() -> Deadline.run("work", Duration.ofSeconds(10), () -> {
            throw overflow;
        })).isSameAs(overflow);
        IllegalStateException failure = new IllegalStateException("failed");
        assertThatThrownBy(() -> Deadline.run("work", Duration.ofSeconds(10), () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void aDurationIsShownAsAPersonWritesIt() {
        assertThat(Deadline.shown(Duration.ofSeconds(60))).isEqualTo("60 s");
        assertThat(Deadline.shown(Duration.ofMillis(250))).isEqualTo("250 ms");
    }
}
