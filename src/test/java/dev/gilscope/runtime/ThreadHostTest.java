package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thread modes run in a JVM of their own, as the window runs them: the same answers and figures as
 * in gilscope's own process, the lanes arriving while the mode runs, and the host never left behind,
 * whether the run ends, is cancelled, or the host is killed.
 */
class ThreadHostTest {

    private static final Workload PRIMES = Workloads.byName("count-primes").orElseThrow();
    private static final RunSettings APART = RunSettings.defaults().withWorkers(3).withThreadsInOwnJvm(true)
            .withLock(LockSettings.defaults().withInterval(1_000_000));
    private static final List<Mode> THREAD_MODES = List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS);

    @Test
    void theThreadModesGiveTheSameAnswersAndFiguresAsInThisProcessWithTheirLanesArrivingLive() throws Exception {
        WorkloadParams params = new WorkloadParams(6, 200_000, 1);
        ComparisonResult here = Comparison.run(PRIMES, params, APART.withThreadsInOwnJvm(false), THREAD_MODES,
                new Comparison.Listener() {}, new RunControl());
        Map<Mode, Integer> lanesSeenLive = new HashMap<>();
        Map<Mode, Long> hostPids = new HashMap<>();
        ComparisonResult apart = Comparison.run(PRIMES, params, APART, THREAD_MODES, new Comparison.Listener() {
            @Override
            public void modeStarted(Mode mode, ModeTrace trace) {
                // While the mode runs (checked from another thread): lanes with events, before the run ends
                Thread.ofPlatform().start(() -> {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!trace.finished() && System.nanoTime() < until) {
                        int withEvents = (int) trace.lanes().stream().filter(l -> l.buffer().size() > 1).count();
                        if (withEvents > 0 && !trace.finished()) lanesSeenLive.merge(mode, withEvents, Math::max);
                        hostOf(ProcessHandle.current()).ifPresent(pid -> hostPids.put(mode, pid));
                        sleep(2);
                    }
                });
            }
        }, new RunControl());

        for (int m = 0; m < THREAD_MODES.size(); m++) {
            ModeResult h = here.modes().get(m), a = apart.modes().get(m);
            assertTrue(a.resultOk(), a.mode() + ": " + a.failure());
            assertEquals(h.outcome().answer(), a.outcome().answer(), a.mode() + ": the same checked answer");
            assertEquals(names(h), names(a), a.mode() + ": the same lanes");
            assertEquals(6, a.trace().lanes().stream().mapToInt(l -> l.totals().tasksRun()).sum(), "every task run once");
            assertTrue(lanesSeenLive.getOrDefault(a.mode(), 0) > 0, a.mode() + ": lanes filled while it ran: " + lanesSeenLive);
            assertNotNull(hostPids.get(a.mode()), a.mode() + ": ran in a child JVM");
            for (Lane lane : a.trace().lanes()) {
                assertEquals(LaneState.SPAWNING.ordinal(), lane.buffer().aux(0), "a lane starts with its thread being started");
                assertTrue(lane.buffer().timeNanos(0) >= a.trace().startNanos(), "events on the mode's own time axis");
                assertTrue(lane.totals().cpuNanos() > 0, "CPU time from the host's kernel accounting");
                long tid = lane.totals().nativeThreadId();
                assertFalse(Files.exists(Path.of("/proc/self/task", Long.toString(tid))), "not a thread of this process: " + tid);
            }
            assertTrue(a.wallNanos() > 0 && a.cpuNanos() > 0);
        }
        assertEquals(1, hostPids.values().stream().distinct().count(), "one host for the whole comparison: " + hostPids);
        ModeResult gil = apart.modes().get(1);
        assertTrue(gil.lock().counters().handoffs() > 0, "the lock's counters come home: " + gil.lock().counters());
        assertTrue(gil.lock().heldNanos() > 0, "lock figures computed from the events that came home");
        awaitNoChildren();
    }

    @Test
    void atTheLowestNiceOnlyTheHostsWorkerThreadsGoIntoTheIdleClass() throws Exception {
        assumeTrue(CpuProbe.get().canPinThreads(), "needs Linux");
        Map<String, Integer> policy = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                hostOf(ProcessHandle.current()).ifPresent(pid -> policy.putAll(threadPolicies(pid)));
                sleep(5);
            }
        });
        ComparisonResult r = Comparison.run(Workloads.byName("io-wait").orElseThrow(), new WorkloadParams(4, 300, 1),
                APART.withWorkerNice(RunSettings.LOWEST_NICE), List.of(Mode.GIL_THREADS), new Comparison.Listener() {},
                new RunControl());
        done.set(true);
        watcher.join();
        assertTrue(r.modes().get(0).resultOk(), r.modes().get(0).failure());
        assertTrue(policy.keySet().stream().anyMatch(k -> k.startsWith("gilscope-gil-th")), "worker threads seen: " + policy);
        policy.forEach((thread, p) -> assertEquals(thread.startsWith("gilscope-gil-th") ? 5 : 0, p,
                thread + ": only workers in SCHED_IDLE (5), the host's own threads in SCHED_OTHER (0): " + policy));
        awaitNoChildren();
    }

    @Test
    void aHostKilledInTheMiddleOfAModeEndsItNamingTheHostAndTheNextModeRunsInANewOne() throws Exception {
        List<Long> killed = new java.util.ArrayList<>();
        ComparisonResult r = runAndDoToTheHost(pid -> {
            killed.add(pid);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        });
        assertEquals(1, killed.size());
        ModeResult gil = r.modes().get(0);
        assertEquals("the thread modes' JVM (pid " + killed.get(0) + ") was killed by signal 9", gil.failure());
        assertTrue(gil.trace().lanes().stream().anyMatch(l -> l.buffer().size() > 10), "what came home before is kept");
        assertTrue(r.modes().get(1).resultOk(), "the next mode runs in a new host: " + r.modes().get(1).failure());
        awaitNoChildren();
    }

    @ParameterizedTest(name = "cancel {0} ms after the host is up")
    @ValueSource(ints = {-1, 0, 100, 400, 900})
    void aCancelAtAnyMomentEndsTheRunAndTheHostWithinASecond(int afterMillis) throws Exception {
        RunControl control = new RunControl();
        CompletableFuture<ComparisonResult> running = CompletableFuture.supplyAsync(() -> Comparison.run(PRIMES,
                new WorkloadParams(400, 300_000, 1), APART, List.of(Mode.GIL_THREADS, Mode.FREE_THREADS),
                new Comparison.Listener() {}, control));
        if (afterMillis >= 0) { // -1: while the host is still starting
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (hostOf(ProcessHandle.current()).isEmpty() && System.nanoTime() < until) sleep(2);
            sleep(afterMillis);
        }
        control.cancel("stopped by the test");
        long cancelledAt = System.nanoTime();
        ComparisonResult r = running.get(10, TimeUnit.SECONDS);
        while ((ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) || !runThreads().isEmpty())
                && System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(1)) {
            sleep(10);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "no child process a second after the cancel");
        assertEquals(List.of(), runThreads(), "no thread of the run a second after the cancel");
        assertTrue(r.modes().size() <= 1, "the comparison stops at the cancelled mode");
        r.modes().forEach(m -> assertEquals("cancelled: stopped by the test", m.failure()));
    }

    @Test
    void aHostTheSystemShowsStoppedEndsItsModeNamingItAndTheNextModeRunsInANewOne() throws Exception {
        List<Long> stopped = new java.util.ArrayList<>();
        ComparisonResult r = runAndDoToTheHost(pid -> {
            stopped.add(pid);
            signal("STOP", pid); // as a debugger or Ctrl-Z would
        });
        assertEquals(1, stopped.size());
        assertEquals("the thread modes' JVM (pid " + stopped.get(0) + ") " + StoppedProcesses.why(), r.modes().get(0).failure());
        assertTrue(r.modes().get(1).resultOk(), "the next mode runs in a new host: " + r.modes().get(1).failure());
        awaitNoChildren();
    }

    @Test
    void whereTheHostCannotStartTheThreadModesRunInThisJvm() {
        String previous = System.setProperty(WorkerProcess.JAVA_PROPERTY, "/no/such/jdk/bin/java");
        ComparisonResult r;
        List<Long> childrenWhileRunning = new java.util.ArrayList<>();
        try {
            r = Comparison.run(PRIMES, new WorkloadParams(4, 200_000, 1), APART, List.of(Mode.GIL_THREADS),
                    new Comparison.Listener() {
                        @Override
                        public void modeStarted(Mode mode, ModeTrace trace) {
                            childrenWhileRunning.add(ProcessHandle.current().children().count());
                        }
                    }, new RunControl());
        } finally {
            if (previous == null) System.clearProperty(WorkerProcess.JAVA_PROPERTY);
            else System.setProperty(WorkerProcess.JAVA_PROPERTY, previous);
        }
        ModeResult gil = r.modes().get(0);
        assertTrue(gil.resultOk(), gil.failure());
        assertEquals(List.of(0L), childrenWhileRunning, "no host: the mode ran in this JVM");
        assertEquals(3, gil.trace().lanes().size());
        assertTrue(gil.lock().counters().handoffs() > 0);
    }

    /** This process's threads of a run: the reader of the host's messages, and any worker. */
    private static List<String> runThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("gilscope-") && !n.startsWith("gilscope-warm-up") && !n.startsWith("gilscope-threads-stderr"))
                .toList();
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs gil-threads then free-threads in their own JVM and, once gil-threads' lanes have begun to
     * arrive, does {@code something} to the host (given its pid).
     */
    private static ComparisonResult runAndDoToTheHost(java.util.function.LongConsumer something) {
        return Comparison.run(PRIMES, new WorkloadParams(100, 300_000, 1), APART, List.of(Mode.GIL_THREADS, Mode.FREE_THREADS),
                new Comparison.Listener() {
                    @Override
                    public void modeStarted(Mode mode, ModeTrace trace) {
                        if (mode != Mode.GIL_THREADS) return;
                        Thread.ofPlatform().start(() -> {
                            while (trace.lanes().stream().noneMatch(l -> l.buffer().size() > 10)) sleep(5);
                            hostOf(ProcessHandle.current()).ifPresent(something::accept);
                        });
                    }
                }, new RunControl());
    }

    private static List<String> names(ModeResult r) {
        return r.trace().lanes().stream().map(Lane::name).toList();
    }

    private static java.util.Optional<Long> hostOf(ProcessHandle parent) {
        return parent.children().filter(p -> p.info().arguments().map(a -> List.of(a).contains(ThreadHostMain.class.getName()))
                .orElse(false)).map(ProcessHandle::pid).findFirst();
    }

    /** Scheduling policy of each thread of process {@code pid}, by thread name. */
    private static Map<String, Integer> threadPolicies(long pid) {
        Map<String, Integer> policies = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    int policy = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[38]);
                    policies.put(name + " " + task.getFileName(), policy);
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException ended) {
            // the host ended
        }
        return policies;
    }

    private static void awaitNoChildren() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) sleep(10);
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "the host ends with its comparison");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
