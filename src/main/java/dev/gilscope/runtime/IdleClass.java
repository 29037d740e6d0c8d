package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import java.io.IOException;

/**
 * The kernel's idle scheduling class, for the workers of a window run (the lowest nice, see
 * {@link Comparison}). Only the workers go in it: a worker thread puts itself in it as it starts, and a
 * worker process or interpreter is started by a short-lived thread in it, so it inherits it from its
 * first instruction. The run's own threads (the one that starts the workers, hands out their work and
 * watches them, the pipe readers) stay in the normal class at the workers' nice value. They share the
 * JVM's internal locks with the window (allocating, starting threads), and when they were in the idle
 * class too, one that held such a lock queued behind 64 busy workers for a core while the window waited
 * for it: the load bench measured 100–350 ms between frames. They never enter it even for a moment,
 * because without privileges a thread cannot leave it (the kernel counts it as nice 20).
 */
final class IdleClass {

    private IdleClass() {}

    /** Starts a process; may fail as {@link ProcessBuilder#start} does. */
    interface ProcessStart {
        Process start() throws IOException;
    }

    /** Whether a run with these settings puts its workers in the idle class. */
    static boolean forWorkersOf(RunSettings settings) {
        return settings.workerNice() == RunSettings.LOWEST_NICE;
    }

    /** Puts the calling thread, a worker that is starting, in the idle class if its run asks for it. */
    static void enterAsWorker(RunSettings settings) {
        if (forWorkersOf(settings)) CpuProbe.get().moveToIdleClass(CpuProbe.get().nativeThreadId());
    }

    /**
     * Starts a worker process or interpreter, from a thread of its own in the idle class if the run asks
     * for it (the process inherits it), and returns once it has started.
     */
    static Process start(RunSettings settings, ProcessStart start) throws IOException {
        if (!forWorkersOf(settings)) return start.start();
        Process[] started = new Process[1];
        IOException[] failed = new IOException[1];
        Thread starter = Thread.ofPlatform().name("gilscope-starter").start(() -> {
            try {
                enterAsWorker(settings);
                started[0] = start.start();
            } catch (IOException e) {
                failed[0] = e;
            } catch (RuntimeException | Error e) { // told to the caller, never a process that is not there
                failed[0] = new IOException(e.toString(), e);
            }
        });
        Uninterruptibly.join(starter, () -> {}); // a start takes milliseconds; the process must not be lost to an interrupt
        if (failed[0] != null) throw failed[0];
        return started[0];
    }
}
