package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The processes mode with real child JVMs: answers, lanes, costs, and what happens when a worker dies. */
class ProcessModeTest {

    private static final Workload PRIMES = Workloads.byName("count-primes").orElseThrow();

    private static ModeResult processes(Workload workload, WorkloadParams params, RunSettings settings) {
        return Comparison.run(workload, params, settings, List.of(Mode.PROCESSES), new Comparison.Listener() {},
                new RunControl()).modes().get(0);
    }

    @AfterEach
    void noWorkerProcessOutlivesARun() {
        List<String> left = workerProcesses();
        assertTrue(left.isEmpty(), "worker processes still running: " + left);
    }

    @Test
    void processesGiveTheCheckedAnswerAndRecordEveryCostOnTheirLanes() {
        ModeResult r = processes(PRIMES, new WorkloadParams(4, 60_000, 1), RunSettings.defaults());
        assertTrue(r.resultOk(), r.failure());
        assertEquals(List.of("main", "P1", "P2"), r.trace().lanes().stream().map(Lane::name).toList());
        for (Lane worker : r.trace().lanes().subList(1, 3)) {
            List<LaneState> states = states(worker);
            assertEquals(LaneState.SPAWNING, states.get(0), worker.name() + " starts by being spawned");
            assertTrue(states.containsAll(List.of(LaneState.DESERIALIZING, LaneState.RUNNING_WITH_LOCK,
                    LaneState.SERIALIZING, LaneState.TRANSFERRING, LaneState.IDLE)), worker.name() + ": " + states);
            assertTrue(worker.totals().tasksRun() >= 1, "both workers compute");
            assertTrue(worker.totals().cpuNanos() > 0, "the child's CPU time comes home");
            assertTrue(worker.totals().nativeThreadId() > 0, "the lane knows its process id");
            assertTrue(hasTaskEvents(worker), "the child's own events come home");
        }
        ProcessCosts costs = r.processCosts();
        assertNotNull(costs);
        assertTrue(costs.spawnNanos() > 0 && costs.serializeNanos() > 0 && costs.bytesTransferred() > 0, costs.toString());
        assertTrue(costs.clockGapNanos() >= 0, "a child's clock stamp never arrives before it was taken");
        assertTrue(costs.clockGapNanos() < 1_000_000_000L, "child and parent share one clock: " + costs);
    }

    @Test
    void eachProcessHasItsOwnGlobalCounter() {
        Workload counter = Workloads.byName("shared-counter").orElseThrow();
        ModeResult r = processes(counter, new WorkloadParams(2, 10_000, 1), RunSettings.defaults());
        assertTrue(r.resultOk(), r.failure());
        assertTrue(r.outcome().answer().contains("each worker process incremented its own copy"), r.outcome().answer());
    }

    @Test
    void aWarmPoolStartsBeforeTheClock() {
        ModeResult r = processes(PRIMES, new WorkloadParams(2, 20_000, 1), RunSettings.defaults().withPool(RunSettings.Pool.WARM));
        assertTrue(r.resultOk(), r.failure());
        for (Lane worker : r.trace().lanes().subList(1, 3)) {
            long spawnedAt = worker.buffer().timeNanos(0);
            assertTrue(spawnedAt < r.trace().startNanos(), worker.name() + " should be spawned before time zero");
        }
    }

    @Test
    void aWorkerKilledMidRunFailsTheRunNamingItAndTheLostTasks() throws Exception {
        LongRun run = longRun(new RunControl());
        var running = run.result();
        long victim = awaitWorkerPid(run.trace(), "P2");
        new ProcessBuilder("kill", "-9", Long.toString(victim)).start().waitFor();
        ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> running.get()).modes().get(0);
        assertNotNull(r.failure());
        assertTrue(r.failure().startsWith("P2 (pid " + victim + ") was killed by signal 9"), r.failure());
        assertTrue(r.failure().contains("tasks lost with it: 1"), r.failure());
        assertNull(r.outcome());

        ModeResult again = processes(PRIMES, new WorkloadParams(2, 20_000, 1), RunSettings.defaults());
        assertTrue(again.resultOk(), "the next run works: " + again.failure());
    }

    @Test
    void aWorkerThatStopsAnsweringEndsTheRunNamingItAndTheNextRunWorks() throws Exception {
        LongRun run = longRun(new RunControl());
        var running = run.result();
        long victim = awaitWorkerPid(run.trace(), "P1");
        new ProcessBuilder("kill", "-STOP", Long.toString(victim)).start().waitFor(); // hung: alive, but never answers
        ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> running.get()).modes().get(0);
        assertNotNull(r.failure());
        assertTrue(r.failure().startsWith("P1 (pid " + victim + ") stopped answering"), r.failure());
        assertTrue(r.failure().contains("tasks lost with it: 0"), r.failure());
        assertTrue(r.trace().lanes().get(0).buffer().size() > 2, "what was recorded before stays: the tasks sent");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(victim).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) Thread.sleep(20);
        assertFalse(ProcessHandle.of(victim).map(ProcessHandle::isAlive).orElse(false), "the stopped worker is ended");

        ModeResult again = processes(PRIMES, new WorkloadParams(2, 20_000, 1), RunSettings.defaults());
        assertTrue(again.resultOk(), "the next run works: " + again.failure());
    }

    @Test
    void aWorkerAsleepWithItsTaskEndsTheRunNamingItAndTheNextRunWorks() throws Exception {
        // The kernel's freezer puts the worker to sleep where it is: alive, asleep, never answering, and
        // not stopped by a signal (which the system would show) — as a deadlocked worker would be.
        Path freezer = Path.of("/sys/fs/cgroup/freezer");
        Assumptions.assumeTrue(Files.isWritable(freezer), "no writable cgroup freezer here (it needs root and cgroup v1's freezer)");
        Path group = Files.createDirectories(freezer.resolve("gilscope-test-" + ProcessHandle.current().pid()));
        long victim = -1;
        try {
            LongRun run = longRun(new RunControl());
            victim = awaitWorkerPid(run.trace(), "P1");
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(victim));
            Files.writeString(group.resolve("freezer.state"), "FROZEN");
            ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> run.result().get()).modes().get(0);
            assertNotNull(r.failure());
            assertTrue(r.failure().startsWith("P1 (pid " + victim + ") has been asleep for 10 s in the middle of its work"
                    + " without using any CPU"), r.failure());
            assertTrue(r.failure().endsWith("it is hung, by a deadlock or a wait that never ends; tasks lost with it: 0"), r.failure());
        } finally {
            Files.writeString(group.resolve("freezer.state"), "THAWED"); // the kill it was sent lands once it thaws
        }
        long thawed = System.nanoTime();
        long pid = victim;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() - thawed < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the hung worker is ended");
        Files.delete(group);

        ModeResult again = processes(PRIMES, new WorkloadParams(2, 20_000, 1), RunSettings.defaults());
        assertTrue(again.resultOk(), "the next run works: " + again.failure());
    }

    @Test
    void aWorkerThatCannotStartIsOneClearLine() {
        String previous = System.setProperty(WorkerProcess.JAVA_PROPERTY, "/no/such/jdk/bin/java");
        try {
            ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> processes(PRIMES, new WorkloadParams(2, 20_000, 1), RunSettings.defaults()));
            assertNotNull(r.failure());
            assertTrue(r.failure().startsWith("P1 could not be started (/no/such/jdk/bin/java)"), r.failure());
            assertEquals(1, r.failure().lines().count());
        } finally {
            if (previous == null) System.clearProperty(WorkerProcess.JAVA_PROPERTY);
            else System.setProperty(WorkerProcess.JAVA_PROPERTY, previous);
        }
    }

    @Test
    void aWorkerExitsWhenItsParentIsGone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        List<String> cmd = new ArrayList<>(WorkerProcess.command());
        cmd.set(cmd.size() - 1, Long.toString(parent.pid())); // its "parent" is the sleep
        Process worker = new ProcessBuilder(cmd).redirectErrorStream(true).start(); // stdin stays open
        try {
            Thread.sleep(300);
            assertTrue(worker.isAlive(), "the worker waits for work while its parent lives");
            parent.destroyForcibly().waitFor();
            assertTrue(worker.waitFor(10, TimeUnit.SECONDS), "the worker must exit once its parent is gone");
        } finally {
            worker.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    @Test
    void cancelKillsTheWorkersAtOnce() throws Exception {
        RunControl control = new RunControl();
        LongRun run = longRun(control);
        var running = run.result();
        awaitWorkerPid(run.trace(), "P1");
        control.cancel("stopped by the user");
        ModeResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> running.get()).modes().get(0);
        assertEquals("cancelled: stopped by the user", r.failure());
    }

    // ---- helpers ----

    /** A processes run of two long tasks, started on another thread, and its trace once it has begun. */
    private record LongRun(CompletableFuture<ComparisonResult> result, ModeTrace trace) {}

    private static LongRun longRun(RunControl control) throws Exception {
        CompletableFuture<ModeTrace> started = new CompletableFuture<>();
        CompletableFuture<ComparisonResult> result = CompletableFuture.supplyAsync(() -> Comparison.run(PRIMES,
                new WorkloadParams(2, 20_000_000, 1), RunSettings.defaults(), List.of(Mode.PROCESSES),
                new Comparison.Listener() {
                    @Override
                    public void modeStarted(Mode mode, ModeTrace trace) {
                        started.complete(trace);
                    }
                }, control));
        return new LongRun(result, started.get(30, TimeUnit.SECONDS));
    }

    private static long awaitWorkerPid(ModeTrace trace, String name) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Lane lane : trace.lanes()) {
                // the worker has sent events home once its lane has more than the parent's SPAWNING
                if (lane.name().equals(name) && lane.totals().nativeThreadId() > 0) {
                    Thread.sleep(500); // let it get into its first task
                    return lane.totals().nativeThreadId();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never started");
    }

    private static List<String> workerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(ProcessWorkerMain.class.getName()))
                .toList();
    }

    private static List<LaneState> states(Lane lane) {
        List<LaneState> states = new ArrayList<>();
        LaneBuffer b = lane.buffer();
        for (int i = 0; i < b.size(); i++) if (b.kind(i) == EventKind.STATE) states.add(LaneState.ofOrdinal(b.aux(i)));
        return states;
    }

    private static boolean hasTaskEvents(Lane lane) {
        LaneBuffer b = lane.buffer();
        for (int i = 0; i < b.size(); i++) if (b.kind(i) == EventKind.TASK_START) return true;
        return false;
    }
}
