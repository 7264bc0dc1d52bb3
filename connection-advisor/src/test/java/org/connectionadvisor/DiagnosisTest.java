package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DiagnosisTest {
    @Test
    void questionsAndTheReportOnTheFactsAreWorkedOutOnlyWhenAskedForAndOnlyOnce() {
        AtomicInteger plans = new AtomicInteger();
        AtomicInteger reports = new AtomicInteger();
        Diagnosis diagnosis = new Diagnosis(List.of(), () -> {
            plans.incrementAndGet();
            return List.of();
        }, () -> {
            reports.incrementAndGet();
            return List.of();
        }, java.util.Optional.empty());

        assertThat(plans).hasValue(0);
        assertThat(reports).hasValue(0);
        diagnosis.questions();
        diagnosis.questions();
        diagnosis.heard();
        diagnosis.heard();
        assertThat(plans).hasValue(1);
        assertThat(reports).hasValue(1);
    }
}
