package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Segments;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole comparisons on real workloads: what the board will draw must be true. */
class ComparisonTest {

    private static final Workload PRIMES = Workloads.byName("count-primes").orElseThrow();
    private static final WorkloadParams SMALL = new WorkloadParams(2, 250_000, 1);
    private static final RunSettings FAST_SWITCHING =
            RunSettings.defaults().withLock(LockSettings.defaults().withInterval(1_000_000));

    private static ComparisonResult compare(RunSettings settings, Mode... modes) {
        return Comparison.run(PRIMES, SMALL, settings, List.of(modes), new Comparison.Listener() {}, new RunControl());
    }

    @Test
    void everyModeGivesTheSameCheckedAnswerAndTheLanesTheBoardNeeds() {
        ComparisonResult c = compare(FAST_SWITCHING, Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS);
        assertEquals(3, c.modes().size());
        for (ModeResult r : c.modes()) {
            assertTrue(r.resultOk(), r.mode() + ": " + r.failure());
            assertEquals(c.modes().get(0).outcome().answer(), r.outcome().answer());
            int expectedLanes = r.mode() == Mode.SEQUENTIAL ? 1 : 2;
            assertEquals(expectedLanes, r.trace().lanes().size(), r.mode().toString());
            for (Lane lane : r.trace().lanes()) {
                List<LaneState> states = states(lane);
                assertEquals(LaneState.SPAWNING, states.get(0), "a lane starts with its thread being started");
                assertEquals(LaneState.IDLE, states.get(states.size() - 1), "a lane ends idle");
                assertEquals(expectedLanes == 1 ? 2 : 1, lane.totals().tasksRun(), "two tasks shared by the workers");
                assertTrue(lane.totals().cpuNanos() > 0, "CPU time comes from the kernel");
            }
        }
        assertEquals(1.0, c.speedup(c.modes().get(0)), 1e-12);
    }

    @Test
    void cpuBoundThreadsBehindTheLockTakeTurnsAndNeverHoldTogether() {
        ModeResult r = compare(FAST_SWITCHING, Mode.GIL_THREADS).modes().get(0);
        List<long[]> holds = new ArrayList<>();
        for (Lane lane : r.trace().lanes()) {
            List<long[]> laneHolds = segments(r, lane, LaneState.RUNNING_WITH_LOCK);
            assertTrue(laneHolds.size() >= 3, lane.name() + " should get the lock several times: " + laneHolds.size());
            holds.addAll(laneHolds);
        }
        holds.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < holds.size(); i++) {
            assertTrue(holds.get(i)[0] >= holds.get(i - 1)[1], "two lanes shown holding the lock at once");
        }
        assertTrue(r.lock().lockWaitFraction() > 0.2, "two CPU-bound threads spend much of their time waiting");
        assertTrue(r.lock().counters().handoffs() >= 4);
    }

    @Test
    void freeThreadsRunAtTheSameTime() {
        ModeResult r = compare(RunSettings.defaults(), Mode.FREE_THREADS).modes().get(0);
        long[] t1 = segments(r, r.trace().lanes().get(0), LaneState.RUNNING_WITHOUT_LOCK).get(0);
        long[] t2 = segments(r, r.trace().lanes().get(1), LaneState.RUNNING_WITHOUT_LOCK).get(0);
        assertTrue(Math.min(t1[1], t2[1]) > Math.max(t1[0], t2[0]), "both threads compute at once");
    }

    @Test
    void pinnedToOneCoreEveryRecordedCoreIsThatCore() {
        CpuProbe probe = CpuProbe.get();
        assumeTrue(probe.canPinThreads() && probe.currentCore() >= 0, "needs Linux sched_getcpu/sched_setaffinity");
        int core = probe.allowedCores().nextSetBit(0);
        BitSet only = new BitSet();
        only.set(core);
        // worker processes too: started by a thread pinned to the core, they inherit it
        for (ModeResult r : compare(RunSettings.defaults().withCores(only), Mode.FREE_THREADS, Mode.PROCESSES).modes()) {
            assertTrue(r.resultOk(), r.failure());
            for (Lane lane : r.trace().lanes()) {
                if (lane.name().equals("main")) continue; // the processes mode's dispatcher is not a worker
                LaneBuffer b = lane.buffer();
                boolean sawCore = false;
                for (int i = 1; i < b.size(); i++) { // event 0 is recorded by the parent before the worker starts
                    if (b.kind(i) == EventKind.STATE || b.kind(i) == EventKind.CORE) {
                        assertEquals(core, b.core(i), r.mode() + " " + lane.name() + " ran outside its core at " + b.event(i));
                        sawCore = true;
                    }
                }
                assertTrue(sawCore, r.mode() + " " + lane.name());
            }
        }
    }

    @Test
    void unpinnedCoresAreRealCoresOfThisMachine() {
        CpuProbe probe = CpuProbe.get();
        assumeTrue(probe.currentCore() >= 0, "needs sched_getcpu");
        BitSet allowed = probe.allowedCores();
        ModeResult r = compare(RunSettings.defaults(), Mode.FREE_THREADS).modes().get(0);
        for (Lane lane : r.trace().lanes()) {
            LaneBuffer b = lane.buffer();
            for (int i = 0; i < b.size(); i++) {
                int core = b.core(i);
                assertFalse(core < -1 || (core >= 0 && !allowed.get(core)), "core " + core + " is not one of " + allowed);
            }
        }
    }

    private static List<LaneState> states(Lane lane) {
        List<LaneState> states = new ArrayList<>();
        LaneBuffer b = lane.buffer();
        for (int i = 0; i < b.size(); i++) if (b.kind(i) == EventKind.STATE) states.add(LaneState.ofOrdinal(b.aux(i)));
        return states;
    }

    private static List<long[]> segments(ModeResult r, Lane lane, LaneState wanted) {
        List<long[]> found = new ArrayList<>();
        LaneBuffer b = lane.buffer();
        Segments.forEach(b, b.size(), r.trace().endNanos(), (state, start, end, core) -> {
            if (state == wanted) found.add(new long[] {start, end});
        });
        return found;
    }

    private static final int NICE = 16, POLICY = 38; // fields 19 and 41 of /proc/…/stat, counted after the command name

    /** One /proc stat field of every live thread of this process whose name starts with {@code prefix}, by thread id. */
    private static java.util.Map<String, Integer> fieldOfThreads(String prefix, int field) throws java.io.IOException {
        java.util.Map<String, Integer> values = new java.util.HashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    if (!java.nio.file.Files.readString(task.resolve("comm")).strip().startsWith(prefix)) continue;
                    values.put(task.getFileName().toString(), statField(task.resolve("stat"), field));
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return values;
    }

    private static int statField(java.nio.file.Path stat, int field) throws java.io.IOException {
        String line = java.nio.file.Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[field]);
    }

    /**
     * Runs io-wait in gil-threads and processes with {@code settings} and returns one stat field of every
     * worker thread and worker process, as last seen while they ran.
     */
    private static java.util.Map<String, Integer> workersSeen(RunSettings settings, int field) throws Exception {
        Workload io = Workloads.byName("io-wait").orElseThrow();
        java.util.Map<String, Integer> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong runnerTid = new java.util.concurrent.atomic.AtomicLong(); // the run's own thread
        Thread watcher = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    lastSeen.putAll(fieldOfThreads("gilscope-gil-th", field)); // comm is cut to 15 characters
                    fieldOfThreads("gilscope-P", field).forEach((tid, value) -> lastSeen.put("reader " + tid, value));
                    long runner = runnerTid.get();
                    if (runner > 0) {
                        try {
                            lastSeen.put("runner " + runner, statField(java.nio.file.Path.of("/proc/self/task", runner + "", "stat"), field));
                        } catch (java.io.IOException ended) {
                            // the run is over
                        }
                    }
                    ProcessHandle.current().children().forEach(child -> {
                        try {
                            lastSeen.put("process " + child.pid(), statField(java.nio.file.Path.of("/proc", child.pid() + "", "stat"), field));
                        } catch (java.io.IOException ended) {
                            // the worker process ended while we looked
                        }
                    });
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ComparisonResult r = Comparison.run(io, new WorkloadParams(4, 300, 1), settings,
                List.of(Mode.PROCESSES, Mode.GIL_THREADS), new Comparison.Listener() {
                    @Override
                    public void modeStarted(Mode mode, ModeTrace trace) {
                        runnerTid.set(CpuProbe.get().nativeThreadId()); // called on the run's own thread
                    }
                }, new RunControl());
        done.set(true);
        watcher.join();
        for (ModeResult m : r.modes()) assertTrue(m.resultOk(), m.failure());
        assertTrue(lastSeen.keySet().stream().anyMatch(k -> !k.startsWith("process") && !k.startsWith("reader") && !k.startsWith("runner")),
                "worker threads seen: " + lastSeen);
        assertTrue(lastSeen.keySet().stream().anyMatch(k -> k.startsWith("process")), "worker processes seen: " + lastSeen);
        assertTrue(lastSeen.keySet().stream().anyMatch(k -> k.startsWith("reader")), "worker processes' readers seen: " + lastSeen);
        return lastSeen;
    }

    @Test
    void workersOfAWindowRunYieldTheCpuToTheWindow() throws Exception {
        assumeTrue(CpuProbe.get().canPinThreads(), "needs Linux");
        java.util.Map<String, Integer> nice = workersSeen(RunSettings.defaults().withWorkerNice(7), NICE);
        assertTrue(nice.values().stream().allMatch(n -> n == 7), "every worker, worker process and reader at nice 7: " + nice);
        assertTrue(fieldOfThreads("main", NICE).values().stream().allMatch(n -> n == 0), "the rest of the process is as it was");
    }

    @Test
    void atTheLowestNiceWorkersGoIntoTheIdleSchedulingClassSoTheWindowPreemptsThemAtOnce() throws Exception {
        assumeTrue(CpuProbe.get().canPinThreads(), "needs Linux");
        java.util.Map<String, Integer> policy = workersSeen(RunSettings.defaults().withWorkerNice(RunSettings.LOWEST_NICE), POLICY);
        assertTrue(policy.entrySet().stream().filter(e -> !e.getKey().startsWith("reader") && !e.getKey().startsWith("runner"))
                .allMatch(e -> e.getValue() == 5), "every worker and worker process in SCHED_IDLE (5): " + policy);
        // The run's own threads serve the window: in the idle class they kept it waiting behind busy workers.
        assertTrue(policy.keySet().stream().anyMatch(k -> k.startsWith("runner")), "the run's thread seen: " + policy);
        assertTrue(policy.entrySet().stream().filter(e -> e.getKey().startsWith("reader") || e.getKey().startsWith("runner"))
                .allMatch(e -> e.getValue() == 0), "the run's thread and the worker processes' readers in SCHED_OTHER (0): " + policy);
        assertTrue(fieldOfThreads("main", POLICY).values().stream().allMatch(p -> p == 0), "the rest of the process stays SCHED_OTHER");
    }
}
