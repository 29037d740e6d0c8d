package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Segments;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cpython mode against a real interpreter found on this machine (skipped, saying so, where there is
 * none): what the kernel shows of its threads and processes, the answer, and the clean end of a cancel.
 */
class CPythonModeTest {

    private static final Workload PRIMES = Workloads.byName("count-primes").orElseThrow();
    private static PythonInterpreter python;

    @BeforeAll
    static void findPython() {
        python = PythonInterpreter.preferred().orElse(null);
    }

    private static void needPython() {
        Assumptions.assumeTrue(python != null, "no Python on PATH, in ~/.pyenv or /usr/bin: the cpython mode cannot be tried here");
        Assumptions.assumeTrue(python.gilEnabled(), "the preferred Python runs without its GIL: these checks are for a GIL build");
    }

    private static ModeResult cpython(CPythonSettings.Style style, WorkloadParams params, RunControl control) {
        RunSettings settings = RunSettings.defaults().withCPython(new CPythonSettings(python.path().toString(), style));
        return Comparison.run(PRIMES, params, settings, List.of(Mode.CPYTHON), new Comparison.Listener() {}, control)
                .modes().get(0);
    }

    @AfterEach
    void noInterpreterOutlivesARun() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!harnessProcesses().isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(List.of(), harnessProcesses(), "interpreters still running the harness");
    }

    @Test
    void threadsBehindTheRealGilUseAboutOneCoreAndTakeTurnsHoldingIt() {
        needPython();
        ModeResult r = cpython(CPythonSettings.Style.THREADS, new WorkloadParams(4, 150_000, 1), new RunControl());
        assertTrue(r.resultOk(), r.failure());
        assertEquals(List.of("T1", "T2"), r.trace().lanes().stream().map(Lane::name).toList());
        assertEquals(python.label(), r.realPython().interpreter());
        // The kernel's own accounting: two CPU-bound threads behind one lock keep about one core busy.
        double coresBusy = (double) r.cpuNanos() / r.wallNanos();
        assertTrue(coresBusy < 1.35, "cores busy on average: " + coresBusy);
        assertTrue(r.lock().counters().handoffs() >= 10, "the lock changed hands " + r.lock().counters().handoffs() + " times");
        long waited = 0;
        for (Lane lane : r.trace().lanes()) {
            long held = lane.totals().nanosIn(LaneState.RUNNING_WITH_LOCK);
            assertTrue(held > r.wallNanos() / 5, lane.name() + " held the lock for a share of the run: " + held);
            assertEquals(2, lane.totals().tasksRun(), lane.name() + " ran two of the four tasks");
            waited += lane.totals().nanosIn(LaneState.WAITING_FOR_LOCK);
        }
        assertTrue(waited > r.wallNanos() / 4, "while one held the lock, the other waited for it: " + waited / 1e6 + " ms");
        assertTrue(bothComputing(r.trace(), true) < r.wallNanos() / 10,
                "behind one lock, two workers seldom compute at once");
    }

    @Test
    void withOneCoreNamedTheInterpreterAndItsPoolRunOnlyThere() {
        needPython();
        dev.gilscope.sampling.CpuProbe probe = dev.gilscope.sampling.CpuProbe.get();
        Assumptions.assumeTrue(probe.canPinThreads(), "needs sched_setaffinity");
        int core = probe.allowedCores().nextSetBit(0);
        java.util.BitSet only = new java.util.BitSet();
        only.set(core);
        RunSettings settings = RunSettings.defaults().withCores(only)
                .withCPython(new CPythonSettings(python.path().toString(), CPythonSettings.Style.PROCESSES));
        ModeResult r = Comparison.run(PRIMES, new WorkloadParams(4, 150_000, 1), settings, List.of(Mode.CPYTHON),
                new Comparison.Listener() {}, new RunControl()).modes().get(0);
        assertTrue(r.resultOk(), r.failure());
        int seen = 0;
        for (Lane lane : r.trace().lanes()) {
            var b = lane.buffer();
            for (int i = 0; i < b.size(); i++) {
                if (b.core(i) < 0) continue; // an event with no core sampled
                assertEquals(core, b.core(i), lane.name() + " ran outside the core it was given at " + b.event(i));
                seen++;
            }
        }
        assertTrue(seen > 0, "cores were sampled: " + describe(r.trace()));
    }

    @Test
    void processesComputeAtTheSameTime() {
        needPython();
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: nothing can run side by side");
        ModeResult r = cpython(CPythonSettings.Style.PROCESSES, new WorkloadParams(4, 150_000, 1), new RunControl());
        assertTrue(r.resultOk(), r.failure());
        assertEquals(List.of("P1", "P2"), r.trace().lanes().stream().map(Lane::name).toList());
        // Each process has its own lock, so both compute at once. On which cores is the kernel's choice: on this
        // shared machine another program may hold one core for a while, and the two then share the other.
        long together = bothComputing(r.trace(), false);
        assertTrue(together > r.wallNanos() / 2,
                "two processes compute at once for most of the run: " + together / 1e6 + " ms of " + r.wallNanos() / 1e6
                        + " ms; " + describe(r.trace()));
        for (Lane lane : r.trace().lanes()) {
            assertEquals(LaneState.SPAWNING, firstState(lane), lane.name() + " starts by being spawned");
        }
    }

    @Test
    void anIoThreadBesideComputingThreadsSleepsThenWaitsForTheLock() {
        needPython();
        Workload latency = Workloads.byName("io-latency").orElseThrow();
        RunSettings settings = RunSettings.defaults().withCPython(new CPythonSettings(python.path().toString(), CPythonSettings.Style.THREADS));
        // computing long enough that most of the probe's samples fall while both threads compute, not before they start
        ModeResult r = Comparison.run(latency, new WorkloadParams(2, 200_000, 1), settings, List.of(Mode.CPYTHON),
                new Comparison.Listener() {}, new RunControl()).modes().get(0);
        assertTrue(r.resultOk(), r.failure());
        assertTrue(r.outcome().ioLatency().samples() >= 20, "the probe's own measurements come home: " + r.outcome().ioLatency());
        assertTrue(r.outcome().ioLatency().p50Millis() > 0.5,
                "next to two computing threads the probe wakes late, waiting for the lock: " + r.outcome().ioLatency());
        Lane io = r.trace().lanes().get(r.trace().lanes().size() - 1);
        assertEquals("IO", io.name());
        assertTrue(io.totals().nanosIn(LaneState.IO_WAIT) > 0, "asleep in time.sleep: I/O");
        assertTrue(io.totals().nanosIn(LaneState.WAITING_FOR_LOCK) > io.totals().nanosIn(LaneState.IO_WAIT),
                "then, at 5 ms a switch against 1 ms of sleep, mostly waiting for the lock");
    }

    @Test
    void cancellingEndsTheInterpreterAndItsPoolWithinASecond() throws Exception {
        needPython();
        RunControl control = new RunControl();
        try {
            CompletableFuture<ModeResult> running = longRunWithBothWorkersStarted(CPythonSettings.Style.PROCESSES, control).result();
            assertTrue(harnessProcesses().size() >= 3, "the interpreter and its two workers: " + harnessProcesses());
            long cancelledAt = System.nanoTime();
            control.cancel("cancelled by the test");
            ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> running.get());
            while (!harnessProcesses().isEmpty() && System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(1)) Thread.sleep(10);
            assertEquals(List.of(), harnessProcesses(), "within a second of the cancel");
            assertEquals("cancelled by the test", r.failure());
        } finally {
            control.cancel("the test ended"); // a failed check must not leave a fifty-million-number count running
        }
    }

    /** A run of two very long tasks in the interpreter, once both its workers have said who they are. */
    private static LongRun longRunWithBothWorkersStarted(CPythonSettings.Style style, RunControl control)
            throws Exception {
        CompletableFuture<ModeTrace> started = new CompletableFuture<>();
        CompletableFuture<ModeResult> running = CompletableFuture.supplyAsync(() -> Comparison.run(PRIMES,
                new WorkloadParams(2, 50_000_000, 1), RunSettings.defaults().withCPython(
                        new CPythonSettings(python.path().toString(), style)),
                List.of(Mode.CPYTHON), new Comparison.Listener() {
                    @Override
                    public void modeStarted(Mode mode, ModeTrace trace) {
                        started.complete(trace);
                    }
                }, control).modes().get(0));
        ModeTrace trace = started.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Both workers have said who they are (their lanes know their thread or process ids).
        while (!bothWorkersStarted(trace) && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(bothWorkersStarted(trace), "the run's two workers started");
        return new LongRun(running, trace);
    }

    private record LongRun(CompletableFuture<ModeResult> result, ModeTrace trace) {}

    @Test
    void aStoppedInterpreterEndsTheRunNamingIt() throws Exception {
        needPython();
        RunControl control = new RunControl();
        try {
            CompletableFuture<ModeResult> running = longRunWithBothWorkersStarted(CPythonSettings.Style.THREADS, control).result();
            long interpreter = harnessProcesses().getFirst();
            new ProcessBuilder("kill", "-STOP", Long.toString(interpreter)).start().waitFor();
            ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> running.get());
            assertTrue(r.failure() != null && r.failure().startsWith(python.label() + " stopped answering"), r.failure());
        } finally {
            control.cancel("the test ended");
        }
    }

    @Test
    void aPoolWorkerKilledInTheMiddleOfATaskEndsTheRunNamingIt() throws Exception {
        needPython();
        RunControl control = new RunControl();
        try {
            LongRun run = longRunWithBothWorkersStarted(CPythonSettings.Style.PROCESSES, control);
            long victim = run.trace().lanes().get(1).totals().nativeThreadId(); // a pool worker's only thread: its pid
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (cpuNanos(victim) < 200_000_000L && System.nanoTime() < deadline) Thread.sleep(20); // inside its task
            new ProcessBuilder("kill", "-KILL", Long.toString(victim)).start().waitFor();
            // multiprocessing.Pool itself would wait for ever for the task that died with it
            ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run.result().get());
            assertNotNull(r.failure());
            String named = python.label() + ", pool worker pid " + victim + " (P2), ended in the middle of task ";
            assertTrue(r.failure().startsWith(named + "0;") || r.failure().startsWith(named + "1;"), r.failure());
            long endedAt = System.nanoTime();
            while (!harnessProcesses().isEmpty() && System.nanoTime() - endedAt < TimeUnit.SECONDS.toNanos(1)) Thread.sleep(10);
            assertEquals(List.of(), harnessProcesses(), "the interpreter and the rest of its pool are gone");
        } finally {
            control.cancel("the test ended");
        }
    }

    /** CPU time of a single-threaded process so far, or -1 once it is gone. */
    private static long cpuNanos(long pid) throws java.io.IOException {
        try {
            String schedstat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (java.nio.file.NoSuchFileException gone) {
            return -1;
        }
    }

    private static boolean bothWorkersStarted(ModeTrace trace) {
        List<Lane> lanes = trace.lanes();
        return lanes.size() == 2 && lanes.stream().allMatch(l -> l.totals().nativeThreadId() > 0);
    }

    @Test
    void anInterpreterEndsWhenTheProgramThatStartedItDies() throws Exception {
        needPython();
        // The harness as gilscope starts it, but from a shell that is then killed as gilscope might be.
        java.nio.file.Path harness = java.nio.file.Files.createTempFile("gilscope-harness-test-", ".py");
        try (var in = CPythonModeExecutor.class.getResourceAsStream("harness.py")) {
            java.nio.file.Files.write(harness, in.readAllBytes());
        }
        java.nio.file.Path program = java.nio.file.Files.createTempFile("gilscope-program-", ".txt");
        java.nio.file.Files.writeString(program, PRIMES.pythonTask().orElseThrow().program(new WorkloadParams(2, 50_000_000, 1))
                + "\n#INPUTS\n[50000000] * 2\n");
        Process shell = new ProcessBuilder("sh", "-c", "'" + python.path() + "' -u '" + harness + "' processes 2 1 count_primes - - 0.005 100 - < '"
                + program + "' > /dev/null & wait").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (processesRunning(harness).size() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(processesRunning(harness).size() >= 3, "the interpreter and its pool started: " + processesRunning(harness));
            shell.destroyForcibly().waitFor(); // kill -9 of the program that started the interpreter
            long killedAt = System.nanoTime();
            while (!processesRunning(harness).isEmpty() && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(2)) Thread.sleep(20);
            assertEquals(List.of(), processesRunning(harness), "within two seconds, nothing of the run is left");
        } finally {
            processesRunning(harness).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            java.nio.file.Files.deleteIfExists(harness);
            java.nio.file.Files.deleteIfExists(program);
        }
    }

    private static List<Long> processesRunning(java.nio.file.Path script) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(script.toString())).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    @Test
    void aPathThatIsNotAPythonIsRefusedSayingWhatWasWrong() {
        RunRequest missing = new RunRequest("count-primes", "cpython", 2, null, null, null, 5.0, "new", 100, true,
                "back-edges", null, "cold", 1000, "/no/such/python3", null);
        RunRequest.InvalidException e = assertThrows(RunRequest.InvalidException.class, missing::check);
        assertEquals(RunRequest.Field.PYTHON, e.field());
        assertTrue(e.problem().contains("no such file"), e.problem());

        PythonInterpreter.NotUsableException notPython = assertThrows(PythonInterpreter.NotUsableException.class,
                () -> PythonInterpreter.at(Path.of("/bin/true")));
        assertTrue(notPython.getMessage().startsWith("/bin/true did not answer as a Python"), notPython.getMessage());

        ModeResult r = Comparison.run(PRIMES, new WorkloadParams(2, 1_000, 1), RunSettings.defaults().withCPython(
                new CPythonSettings("/bin/true", CPythonSettings.Style.THREADS)), List.of(Mode.CPYTHON),
                new Comparison.Listener() {}, new RunControl()).modes().get(0);
        assertNotNull(r.failure());
        assertTrue(r.failure().startsWith("/bin/true did not answer as a Python"), r.failure());
    }

    /** Time during which two lanes computed at once (if {@code onTwoCores}, only while on different cores). */
    private static long bothComputing(ModeTrace trace, boolean onTwoCores) {
        List<long[]> computing = new ArrayList<>(); // start, end, core, lane
        List<Lane> lanes = trace.lanes();
        for (int l = 0; l < lanes.size(); l++) {
            Lane lane = lanes.get(l);
            int index = l;
            Segments.forEach(lane.buffer(), lane.buffer().size(), trace.endNanos(), (state, start, end, core) -> {
                if (state.isCompute()) computing.add(new long[] {start, end, core, index});
            });
        }
        long overlap = 0;
        for (long[] a : computing) {
            for (long[] b : computing) {
                if (a[3] < b[3] && (!onTwoCores || a[2] != b[2])) overlap += Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
            }
        }
        return overlap;
    }

    private static String describe(ModeTrace trace) {
        StringBuilder out = new StringBuilder();
        for (Lane lane : trace.lanes()) {
            out.append(lane.name()).append(":");
            Segments.forEach(lane.buffer(), lane.buffer().size(), trace.endNanos(), (state, start, end, core) -> {
                if (end - start > 5_000_000) out.append(" ").append(state).append("@").append(core).append(" ").append((end - start) / 1_000_000).append("ms");
            });
            out.append("; ");
        }
        return out.toString();
    }

    private static LaneState firstState(Lane lane) {
        LaneState[] first = new LaneState[1];
        Segments.forEach(lane.buffer(), lane.buffer().size(), Long.MAX_VALUE, (state, start, end, core) -> {
            if (first[0] == null) first[0] = state;
        });
        return first[0];
    }

    /** Processes of this machine running gilscope's harness: the interpreter and its pool's workers. */
    private static List<Long> harnessProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains("gilscope-harness-")).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
