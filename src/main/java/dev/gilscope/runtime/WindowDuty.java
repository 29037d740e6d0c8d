package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;

/**
 * Takes a thread that serves the window, not the workload, out of the kernel's idle class: the pipe
 * readers of worker processes and interpreters, the processes mode's dispatcher once its pool has started,
 * the cpython mode's sampler once its interpreter has. A window run puts its whole comparison in the idle
 * class ({@link Comparison}), and these threads inherit it. But they share the JVM's internal locks with
 * the window's own threads (allocating, for one), and in the idle class one that held such a lock could
 * queue behind 64 busy worker processes for a core while the window waited for it: the load bench
 * measured 100–350 ms between frames in the processes mode, and under 50 ms once they left it. Out of it,
 * at the nice value they have, they stay below the window and ahead of the workers.
 */
final class WindowDuty implements AutoCloseable {

    private final long threadId;
    private final boolean left;

    private WindowDuty(long threadId, boolean left) {
        this.threadId = threadId;
        this.left = left;
    }

    /** Moves the calling thread out of the idle class if it is in it; {@link #close} puts it back. */
    static WindowDuty begin() {
        CpuProbe probe = CpuProbe.get();
        long tid = probe.nativeThreadId();
        return new WindowDuty(tid, probe.inIdleClass(tid) && probe.leaveIdleClass(tid));
    }

    /** Moves the calling thread out of the idle class for the rest of its life (it starts nothing that needs it). */
    static void forTheRestOfThisThread() {
        begin();
    }

    /** Back into the idle class, so what the thread starts next (another mode's workers) inherits it again. */
    @Override
    public void close() {
        if (left) CpuProbe.get().moveToIdleClass(threadId);
    }
}
