package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;

/**
 * The kernel's idle scheduling class, for the workers of a window run (the lowest nice, see
 * {@link Comparison}). Only the workers go in it: a worker thread puts itself in it as it starts, and
 * worker processes and interpreters are started from a moment in it, so they inherit it from their first
 * instruction. The run's own threads (the one that starts the workers, hands out their work and watches
 * them, the pipe readers) stay in the normal class at the workers' nice value. They share the JVM's
 * internal locks with the window (allocating, starting threads), and when they were in the idle class too,
 * one that held such a lock queued behind 64 busy workers for a core while the window waited for it: the
 * load bench measured 100–350 ms between frames.
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

    /**
     * Puts the calling thread in the idle class while it starts worker processes (they inherit it), if the
     * run asks for it; true if it did, for {@link #leave}.
     */
    static boolean enterToStartProcesses(RunSettings settings) {
        return forWorkersOf(settings) && CpuProbe.get().moveToIdleClass(CpuProbe.get().nativeThreadId());
    }

    /** Takes the calling thread back out of the idle class after {@link #enterToStartProcesses}. */
    static void leave(boolean entered) {
        if (entered) leaveIfIn();
    }

    /**
     * Takes the calling thread out of the idle class if it is in it, at the nice value it has (allowed
     * without privileges): for an interpreter's pipe reader, started while the interpreter was.
     */
    static void leaveIfIn() {
        CpuProbe probe = CpuProbe.get();
        long tid = probe.nativeThreadId();
        if (probe.inIdleClass(tid)) probe.leaveIdleClass(tid);
    }
}
