package dev.gilscope.runtime;

import dev.gilscope.trace.EventBudget;
import java.util.BitSet;

/**
 * How every mode of one comparison is executed.
 *
 * @param workers worker threads (or processes) for the parallel modes; sequential always uses one
 * @param lock the emulated lock's knobs (ignored by free threads)
 * @param cores cores the workers may run on, or null for all the scheduler allows
 * @param recording whether events are recorded (exact totals are kept either way)
 * @param maxEvents cap on recorded events per mode
 * @param pool when the processes mode starts its worker processes
 * @param workerNice scheduling priority of the workers and worker processes (Linux nice, 0 to 19): the
 *     window runs them at the lowest, 19, and in the kernel's idle scheduling class, so it keeps drawing
 *     while they compute and start; the command line leaves it 0
 * @param cpython which real Python the cpython mode runs, and how
 * @param threadsInOwnJvm whether the thread modes run in a JVM of their own (the window's runs) instead of
 *     this one; see {@link ThreadHost}
 */
public record RunSettings(int workers, LockSettings lock, BitSet cores, boolean recording, long maxEvents, Pool pool,
                          int workerNice, CPythonSettings cpython, boolean threadsInOwnJvm) {

    /** The lowest priority a nice value gives; workers at it also go into the idle scheduling class. */
    public static final int LOWEST_NICE = 19;

    /** When worker processes start: inside the timed run, as a first {@code Pool()} call does, or before it. */
    public enum Pool { COLD, WARM }

    public static final int MAX_WORKERS = 256;

    public RunSettings {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + MAX_WORKERS + ", got " + workers);
        }
        if (cores != null) cores = (BitSet) cores.clone();
        if (maxEvents < 1) throw new IllegalArgumentException("the event cap must be positive");
        if (pool == null) pool = Pool.COLD;
        if (workerNice < 0 || workerNice > LOWEST_NICE) throw new IllegalArgumentException("nice must be 0 to 19, got " + workerNice);
        if (cpython == null) cpython = CPythonSettings.DEFAULT;
    }

    public RunSettings(int workers, LockSettings lock, BitSet cores, boolean recording, long maxEvents, Pool pool) {
        this(workers, lock, cores, recording, maxEvents, pool, 0, CPythonSettings.DEFAULT, false);
    }

    public static RunSettings defaults() {
        return new RunSettings(2, LockSettings.defaults(), null, true, EventBudget.DEFAULT_MAX_EVENTS, Pool.COLD, 0, CPythonSettings.DEFAULT, false);
    }

    @Override
    public BitSet cores() {
        return cores == null ? null : (BitSet) cores.clone();
    }

    public RunSettings withWorkers(int n) {
        return new RunSettings(n, lock, cores, recording, maxEvents, pool, workerNice, cpython, threadsInOwnJvm);
    }

    public RunSettings withLock(LockSettings newLock) {
        return new RunSettings(workers, newLock, cores, recording, maxEvents, pool, workerNice, cpython, threadsInOwnJvm);
    }

    public RunSettings withCores(BitSet newCores) {
        return new RunSettings(workers, lock, newCores, recording, maxEvents, pool, workerNice, cpython, threadsInOwnJvm);
    }

    public RunSettings withPool(Pool newPool) {
        return new RunSettings(workers, lock, cores, recording, maxEvents, newPool, workerNice, cpython, threadsInOwnJvm);
    }

    public RunSettings withWorkerNice(int nice) {
        return new RunSettings(workers, lock, cores, recording, maxEvents, pool, nice, cpython, threadsInOwnJvm);
    }

    public RunSettings withCPython(CPythonSettings newCPython) {
        return new RunSettings(workers, lock, cores, recording, maxEvents, pool, workerNice, newCPython, threadsInOwnJvm);
    }

    public RunSettings withRecording(boolean on) {
        return new RunSettings(workers, lock, cores, on, maxEvents, pool, workerNice, cpython, threadsInOwnJvm);
    }

    public RunSettings withThreadsInOwnJvm(boolean own) {
        return new RunSettings(workers, lock, cores, recording, maxEvents, pool, workerNice, cpython, own);
    }
}
