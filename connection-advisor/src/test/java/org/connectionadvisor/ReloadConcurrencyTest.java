package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.connectionadvisor.admin.RuleReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * Diagnoses on several threads while the rules are reloaded many times, good and broken edits alternating: no
 * diagnosis fails, each sees one whole rule set (the old one or the new one, never a mix), and the rule bases that were
 * replaced are released.
 */
class ReloadConcurrencyTest {
    private static final List<String> OLD = List.of("base-row: The base row");
    private static final List<String> NEW = List.of("base-row: The base row, edited", "added-row: The added row");
    private static final int RELOADS = 24;

    @Test
    void diagnosesDuringReloadsSeeOneWholeRuleSetAndReplacedRuleBasesAreReleased(@TempDir Path rules) throws Exception {
        String broken = Files.readString(ReloadTest.FIXTURES.resolve("broken/syntax-error.drl"));
        ReloadTest.restoreBase(rules);
        ConnectionAdvisor advisor = ConnectionAdvisor.fromDirectory(rules);

        AtomicBoolean reloading = new AtomicBoolean(true);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger diagnoses = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<WeakReference<KieBase>> replaced = new ArrayList<>();
        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                workers.add(pool.submit(() -> {
                    do {
                        try {
                            List<String> seen = ReloadTest.titles(advisor);
                            if (!seen.equals(OLD) && !seen.equals(NEW)) {
                                wrong.add("a mixed rule set: " + seen);
                            }
                            diagnoses.incrementAndGet();
                        } catch (RuntimeException e) {
                            wrong.add("a diagnosis failed: " + e);
                        }
                    } while (reloading.get());
                }));
            }
            for (int reload = 0; reload < RELOADS; reload++) {
                boolean good = reload % 2 == 0;
                List<String> serving = ReloadTest.titles(advisor);
                if (good) {
                    replaced.add(new WeakReference<>(advisor.ruleBase().kieBase()));
                    Files.deleteIfExists(rules.resolve("syntax-error.drl"));
                    if (serving.equals(OLD)) {
                        ReloadTest.editGood(rules);
                    } else {
                        ReloadTest.restoreBase(rules);
                    }
                } else {
                    Files.writeString(rules.resolve("syntax-error.drl"), broken);
                }
                assertThat(advisor.reload().applied()).isEqualTo(good);
                assertThat(ReloadTest.titles(advisor)).isEqualTo(good ? (serving.equals(OLD) ? NEW : OLD) : serving);
            }
            reloading.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            String refused = ReloadTest.notReloaded(rules, List.of(rules.resolve("syntax-error.drl") + ":14: syntax error at 'then' (an"
                    + " unclosed parenthesis or quote, or a missing \"then\" or \"end\", just before it?) (rule \"unclosed-pattern\")"));
            assertThat(log.lines()).containsExactlyElementsOf(Collections.nCopies(RELOADS / 2, refused));
        } finally {
            reloading.set(false);
            pool.shutdownNow();
        }

        assertThat(wrong).isEmpty();
        assertThat(diagnoses.get()).isGreaterThanOrEqualTo(4);
        assertThat(replaced).hasSize(RELOADS / 2);
        for (int attempt = 0; attempt < 50 && replaced.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(replaced).allMatch(ref -> ref.get() == null, "released");
        assertThat(advisor.ruleBase().kieBase()).isNotNull();
    }
}
