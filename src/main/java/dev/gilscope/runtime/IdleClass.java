package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;

/**
 * The kernel's idle scheduling class, for the workers of a window run (the lowest nice, see
 * {@link Comparison}). Only the workers go in it: a worker thread puts itself in it as it starts, and a
 * worker process or interpreter is started by a short-lived thread in it ({@link WorkerStart}), so it
 * inherits it from its first instruction. The run's own threads (the one that starts the workers, hands
 * out their work and watches them, the pipe readers) stay in the normal class at the workers' nice value. They share the
 * JVM's internal locks with the window (allocating, starting threads), and when they were in the idle
 * class too, one that held such a lock queued behind 64 busy workers for a core while the window waited
 * for it: the load bench measured 100–350 ms between frames. They never enter it even for a moment,
 * because without privileges a thread cannot leave it (the kernel counts it as nice 20).
 */
final class IdleClass {

    private IdleClass() {}

    /** Whether a run with these settings puts its workers in the idle class. */
    static boolean forWorkersOf(RunSettings settings) {
        return settings.workerNice() == RunSettings.LOWEST_NICE;
    }

    /** Puts the calling thread, a worker that is starting, in the idle class if its run asks for it. */
    static void enterAsWorker(RunSettings settings) {
        if (forWorkersOf(settings)) CpuProbe.get().moveToIdleClass(CpuProbe.get().nativeThreadId());
    }
}
