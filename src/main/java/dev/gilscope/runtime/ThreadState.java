package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTotals;
import dev.gilscope.workload.Interpreter;
import java.util.BitSet;
import java.util.function.LongSupplier;

/**
 * One worker thread's interpreter state (CPython's {@code PyThreadState}): the {@link Interpreter} that
 * workload code talks to, and the recorder of the worker's lane.
 *
 * <p>The hot path is {@link #checkpoint()}: a counter decrement and a volatile read (new lock) or two
 * counter decrements (legacy lock) when nothing is pending. Everything else (recording, sampling the core, taking the lock) happens at state changes,
 * which are rare next to check points. Recording is checked once per state change ("will this be
 * recorded?") before anything is gathered.
 *
 * <p>Confined to its worker thread, except that the thread which creates it records the
 * {@code SPAWNING} state before starting the worker ({@link Thread#start()} orders the two).
 */
public final class ThreadState implements Interpreter {

    /** Check points between two core samples: about every 10 µs of pure-Python work here. */
    static final int CHECKPOINTS_PER_CORE_SAMPLE = 4096;

    private final Gil gil;
    private final Lane lane;
    private final LaneBuffer buffer;
    private final LaneTotals totals;
    private final CpuProbe probe;
    private final boolean recording;
    private final boolean lockEnabled;
    private final boolean legacy;
    private final boolean everyStep;
    private final int legacyTicks;
    private final BitSet cores;

    /** Check points left until the legacy lock is released and retaken (once a second thread exists). */
    private int ticker;
    /** Check points left until the next core sample. */
    private int untilCoreSample = CHECKPOINTS_PER_CORE_SAMPLE;
    private int lastCore = CpuProbe.UNKNOWN_CORE;
    /** Volatile: the executor's thread watches it for a worker hung where it should compute (see AsleepWorkers). */
    private volatile LaneState state;
    /** Whether this thread holds the lock (always false for free threads). */
    private boolean holding;
    /**
     * When another thread last took the lock from this one, or 0 once this thread has seen it. A
     * legacy tick releases and retakes without a lane state change; if another thread got in between,
     * this thread's hold really ended here, and its lane must say so. Guarded by the Gil's mutex.
     */
    long lostLockAtNanos;
    private long stateSinceNanos;
    private long cpuAtBeginNanos;

    /**
     * @param cores cores to pin the worker to, or null to leave it to the scheduler
     * @param recording false to keep only the exact totals (for measuring what recording costs)
     */
    public ThreadState(Gil gil, Lane lane, CpuProbe probe, BitSet cores, boolean recording) {
        this.gil = gil;
        this.lane = lane;
        this.buffer = lane.buffer();
        this.totals = lane.totals();
        this.probe = probe;
        this.recording = recording;
        this.lockEnabled = gil.enabled();
        this.legacy = gil.legacy();
        this.everyStep = gil.settings().checkpoints() == LockSettings.CheckpointPlacement.EVERY_STEP;
        this.legacyTicks = gil.settings().legacyTicks();
        this.ticker = legacyTicks;
        this.cores = cores;
    }

    /** What this worker is doing now (its lane's state, recorded or not). */
    LaneState state() {
        return state;
    }

    public Lane lane() {
        return lane;
    }

    /** The lock this thread runs behind (for tests that watch its counters while running). */
    Gil gil() {
        return gil;
    }

    // ---- lifecycle (called by the executors) ----

    /** Called by the creating thread just before it starts the worker. */
    void spawning() {
        state = LaneState.SPAWNING;
        stateSinceNanos = System.nanoTime();
        if (recording) buffer.add(stateSinceNanos, EventKind.STATE, probe.currentCore(), state.ordinal(), 0);
    }

    /** First thing on the worker thread: pin, note CPU time, take the lock (as a new Python thread does). */
    void begin() {
        if (cores != null) probe.pinCurrentThread(cores);
        totals.setNativeThreadId(probe.nativeThreadId());
        cpuAtBeginNanos = probe.threadCpuNanos();
        if (lockEnabled) {
            gil.take(this);
        } else {
            enter(LaneState.RUNNING_WITHOUT_LOCK);
        }
    }

    /** Last thing on the worker thread: release the lock for good, go idle. */
    void end() {
        try {
            enter(LaneState.IDLE); // before the release, so the next holder's lane never overlaps this one
        } finally {
            try {
                if (holding) dropLock(true); // whatever happened, the others must get the lock
            } finally {
                totals.addCpuNanos(probe.threadCpuNanos() - cpuAtBeginNanos);
            }
        }
    }

    /**
     * Records a phase that is not the interpreter's own doing (a worker process deserializing, sending
     * results, waiting for work); the lock is left as it is.
     */
    void enterPhase(LaneState phase) {
        enter(phase);
    }

    /** Time spent in each {@link LaneState}, by ordinal, so far. */
    long[] nanosByState() {
        long[] nanos = new long[LaneState.values().length];
        for (LaneState s : LaneState.values()) nanos[s.ordinal()] = totals.nanosIn(s);
        return nanos;
    }

    void taskStarted(int task) {
        if (recording) buffer.add(System.nanoTime(), EventKind.TASK_START, lastCore, 0, task);
    }

    void taskEnded(int task) {
        totals.taskDone();
        if (recording) buffer.add(System.nanoTime(), EventKind.TASK_END, lastCore, 0, task);
    }

    // ---- the Interpreter contract (hot path first) ----

    @Override
    public void checkpoint() {
        if (--untilCoreSample == 0) sampleCore();
        if (legacy) {
            if (--ticker == 0) legacyTick();
        } else if (gil.dropRequest) {
            handleDropRequest();
        }
    }

    @Override
    public void step() {
        if (everyStep) checkpoint();
    }

    @Override
    public long withoutLock(LongSupplier nativeSection) {
        if (!lockEnabled) {
            checkCancelled();
            return nativeSection.getAsLong();
        }
        enter(LaneState.RUNNING_WITHOUT_LOCK);
        dropLock(false);
        try {
            return nativeSection.getAsLong();
        } finally {
            gil.take(this);
        }
    }

    @Override
    public long blockingIo(long nanos) {
        long wakeAt = System.nanoTime() + nanos;
        LaneState resumeIn = lockEnabled ? LaneState.RUNNING_WITH_LOCK : LaneState.RUNNING_WITHOUT_LOCK;
        enter(LaneState.IO_WAIT);
        if (lockEnabled) dropLock(false);
        try {
            sleepUntil(wakeAt);
        } finally {
            if (lockEnabled) {
                gil.take(this);
            } else {
                enter(resumeIn);
            }
        }
        return System.nanoTime() - wakeAt;
    }

    @Override
    public void lostUpdates(long count) {
        if (recording) buffer.add(System.nanoTime(), EventKind.LOST_UPDATE, lastCore, 0, count);
    }

    // ---- called by the Gil, holding its mutex ----

    /** In take(), the lock is held by another; {@code lostAtNanos}: see {@link #lostLockAtNanos}. */
    void waitingForLock(long lostAtNanos) {
        if (state == LaneState.RUNNING_WITH_LOCK && lostAtNanos != 0) {
            enter(LaneState.WAITING_FOR_LOCK, lostAtNanos); // lost the legacy race: the hold ended then
        } else {
            enter(LaneState.WAITING_FOR_LOCK);
        }
    }

    /** This thread's wait that began at {@code waitStartedNanos} timed out with no switch: it asks {@code holder} to drop. */
    void requestedDrop(ThreadState holder, long waitStartedNanos) {
        if (recording) {
            buffer.add(System.nanoTime(), EventKind.DROP_REQUEST, lastCore, holder == null ? -1 : holder.lane.index(),
                    waitStartedNanos);
        }
    }

    void forcedSwitch() {
        if (recording) buffer.add(System.nanoTime(), EventKind.FORCED_SWITCH, lastCore, 0, 0);
    }

    /**
     * After take(): {@code from} is the previous holder if the lock changed hands (then
     * {@code switchedAtNanos} is when, measured under the lock's mutex), else null; {@code lostAtNanos}:
     * see {@link #lostLockAtNanos} (0 if this thread waited, which was recorded already).
     */
    void tookLock(ThreadState from, long switchedAtNanos, long droppedAtNanos, long lostAtNanos) {
        holding = true;
        if (state == LaneState.RUNNING_WITH_LOCK && lostAtNanos != 0) {
            // Between this thread's legacy release and its retake, others held the lock.
            enter(LaneState.WAITING_FOR_LOCK, lostAtNanos);
        }
        if (recording && from != null) { // recorded before the state change, so events stay in time order
            long latency = droppedAtNanos == 0 ? -1 : System.nanoTime() - droppedAtNanos;
            buffer.add(switchedAtNanos, EventKind.HANDOFF, lastCore, from.lane.index(), latency);
        }
        enter(LaneState.RUNNING_WITH_LOCK);
    }

    // ---- internals ----

    private void handleDropRequest() {
        checkCancelled();
        if (!lockEnabled) return; // free threads: the breaker only carries cancellation
        enter(LaneState.WAITING_FOR_LOCK);
        dropLock(false);
        gil.take(this);
    }

    private void legacyTick() {
        ticker = legacyTicks;
        checkCancelled();
        if (!lockEnabled || !gil.multiThreaded()) return;
        dropLock(false);
        gil.take(this);
    }

    private void dropLock(boolean finalRelease) {
        holding = false;
        gil.drop(this, finalRelease);
    }

    void checkCancelled() {
        if (gil.cancelled) throw new RunCancelledException(gil.cancelReason());
    }

    private void sampleCore() {
        untilCoreSample = CHECKPOINTS_PER_CORE_SAMPLE;
        if (!recording) return;
        int core = probe.currentCore();
        if (core != lastCore) {
            lastCore = core;
            buffer.add(System.nanoTime(), EventKind.CORE, core, 0, 0);
        }
    }

    /** Moves the lane to {@code next} now, adding the time spent in the previous state; returns the time. */
    private long enter(LaneState next) {
        return enter(next, System.nanoTime());
    }

    private long enter(LaneState next, long now) {
        if (next == state) return now;
        if (state != null) totals.addStateNanos(state, now - stateSinceNanos);
        state = next;
        stateSinceNanos = now;
        if (recording) {
            lastCore = probe.currentCore();
            buffer.add(now, EventKind.STATE, lastCore, next.ordinal(), 0);
        }
        return now;
    }

    private void sleepUntil(long wakeAtNanos) {
        long left;
        while ((left = wakeAtNanos - System.nanoTime()) > 0) {
            checkCancelled();
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                checkCancelled();
                throw new RunCancelledException("interrupted");
            }
        }
    }
}
