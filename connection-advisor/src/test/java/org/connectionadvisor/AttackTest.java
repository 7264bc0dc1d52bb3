package org.connectionadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import org.connectionadvisor.admin.RuleReloader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule files of issue 12, and more: each tries to run code, reach the disk, the process or the network, or spend
 * unbounded time or memory. Each file says what it tries ("// Tries:") and each line validate must refuse it with
 * ("// Refused: LINE: message"). Every one is refused within the deadline, without running or allocating anything
 * of what it asks for, while the previous rules keep answering; and a watcher survives them all.
 */
class AttackTest {
    static final Path ATTACKS = Path.of("connection-advisor/src/test/resources/attacks");
    /** What the attacks that reach for the disk would create; nothing may. */
    static final Path MARKER = Path.of("connection-advisor/target/attack-marker");
    private static final String REFUSED = "// Refused: ";
    /** Far below the 2 GB some attacks would take, far above what checking a file takes. */
    private static final long MEMORY_BOUND = 256L << 20;
    /** Far below the build deadline: the refusals come from the checks, not from the deadline. */
    private static final Duration TIME_BOUND = Duration.ofSeconds(10);

    /** One attack file and the problems validate reports for it, each "LINE: message". */
    record Attack(String name, Path file, List<String> refused) {
        @Override
        public String toString() {
            return name;
        }

        /** The problems as validate prints them, for the attack copied to {@code copy}. */
        List<String> problems(Path copy) {
            return refused.stream().map(problem -> copy + ":" + problem).toList();
        }
    }

    static List<Attack> attacks() throws IOException {
        try (Stream<Path> files = Files.list(ATTACKS)) {
            return files.filter(file -> file.toString().endsWith(".drl")).sorted().map(file -> {
                try {
                    List<String> refused = Files.readAllLines(file).stream().filter(line -> line.startsWith(REFUSED))
                            .map(line -> line.substring(REFUSED.length())).toList();
                    return new Attack(file.getFileName().toString().replace(".drl", ""), file, refused);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @TempDir
    static Path rules;
    private static final BlockingQueue<ReloadResult> HEARD = new LinkedBlockingQueue<>();
    private static ConnectionAdvisor advisor;

    @BeforeAll
    static void advisorOnTheBaseRules() throws IOException {
        Files.deleteIfExists(MARKER);
        ReloadTest.restoreBase(rules);
        advisor = ConnectionAdvisor.fromDirectory(rules, ReloadOptions.defaults().listener(HEARD::add));
    }

    @AfterAll
    static void nothingWasCreatedOnDisk() {
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void thereAreThirtyAttacksOrMoreEachSayingWhatItTriesAndHowItIsRefused() throws IOException {
        assertThat(attacks()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(attack -> {
            assertThat(Files.readString(attack.file())).startsWith("// Tries: ");
            assertThat(attack.refused()).isNotEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void eachAttackIsRefusedAtItsLinesInTimeAndInBoundedMemoryAndChangesNothing(Attack attack) throws Exception {
        Path copy = Files.copy(attack.file(), rules.resolve(attack.name() + ".drl"));
        List<String> problems = attack.problems(copy);
        Heap heap = Heap.measure();
        try (LogCapture log = LogCapture.of(RuleReloader.class)) {
            long start = System.nanoTime();
            ReloadResult result = advisor.reload();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.applied()).isFalse();
            assertThat(result.problems()).extracting(RuleProblem::format).containsExactlyElementsOf(problems);
            assertThat(HEARD.poll()).isEqualTo(result);
            assertThat(log.lines()).containsExactly(ReloadTest.notReloaded(rules, problems));
            assertThat(took).isLessThan(TIME_BOUND);
            assertThat(heap.grownSince()).as("tenured heap grown while checking").isLessThan(MEMORY_BOUND);
        } finally {
            Files.delete(copy);
        }
        assertThat(ReloadTest.titles(advisor)).containsExactly("base-row: The base row");
        assertThat(MARKER).doesNotExist();
    }

    /** Each attack dropped in turn into a watched directory, then a good edit: the watcher refuses each and takes the edit. */
    @Test
    void aWatcherSurvivesEveryAttackAndTakesInTheNextGoodEdit(@TempDir Path watched) throws Exception {
        ReloadTest.restoreBase(watched);
        BlockingQueue<ReloadResult> heard = new LinkedBlockingQueue<>();
        Path copy = watched.resolve("attack.drl");
        Set<String> warnings = new HashSet<>();
        try (LogCapture log = LogCapture.of(RuleReloader.class);
                ConnectionAdvisor watching = ConnectionAdvisor.fromDirectory(watched, ReloadOptions.defaults()
                        .watch(Duration.ofMillis(100)).listener(heard::add))) {
            for (Attack attack : attacks()) {
                Files.writeString(copy, Files.readString(attack.file()));
                List<String> problems = attack.problems(copy);
                ReloadTest.awaitResult(heard, result -> result.problems().stream().map(RuleProblem::format).toList().equals(problems));
                warnings.add(ReloadTest.notReloaded(watched, problems));
            }
            Files.delete(copy);
            ReloadTest.editGood(watched);

            ReloadTest.awaitResult(heard, result -> result.applied() && ReloadTest.titles(watching).equals(ReloadTest.EDITED));
            assertThat(log.lines()).as("a WARN line for each refused reload, and nothing else").isNotEmpty().allMatch(warnings::contains);
        }
        assertThat(MARKER).doesNotExist();
    }

    /** The tenured part of the heap, where an allocation too large for the young generation goes at once. */
    private record Heap(List<MemoryPoolMXBean> tenured, long before) {
        static Heap measure() {
            List<MemoryPoolMXBean> tenured = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported()).toList();
            tenured.forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Heap(tenured, tenured.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum());
        }

        long grownSince() {
            return tenured.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;
        }
    }
}
