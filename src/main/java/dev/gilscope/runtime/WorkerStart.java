package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import java.io.IOException;
import java.util.BitSet;

/**
 * Starts a worker process or an interpreter as the run's workers should run, from its first
 * instruction: in the idle class if the run asks for it ({@link IdleClass}), and only on the run's cores
 * if it names some ({@code --cores}). Both are per thread on Linux and inherited by a process from the
 * thread that starts it, and by every thread and process it starts in turn (a pool's workers too), so
 * a short-lived thread takes them on and starts the process; the run's own threads are left as they are.
 */
final class WorkerStart {

    private WorkerStart() {}

    /** Starts a process; may fail as {@link ProcessBuilder#start} does. */
    interface ProcessStart {
        Process start() throws IOException;
    }

    /** Starts a worker process or interpreter and returns once it has started. */
    static Process start(RunSettings settings, ProcessStart start) throws IOException {
        BitSet cores = settings.cores();
        if (!IdleClass.forWorkersOf(settings) && cores == null) return start.start();
        Process[] started = new Process[1];
        IOException[] failed = new IOException[1];
        Thread starter = Thread.ofPlatform().name("gilscope-starter").start(() -> {
            IdleClass.enterAsWorker(settings);
            if (cores != null) CpuProbe.get().pinCurrentThread(cores);
            try {
                started[0] = start.start();
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        Uninterruptibly.join(starter, () -> {}); // a start takes milliseconds; the process must not be lost to an interrupt
        if (failed[0] != null) throw failed[0];
        return started[0];
    }
}
