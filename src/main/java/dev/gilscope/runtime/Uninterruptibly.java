package dev.gilscope.runtime;

/** Waiting for a thread that must be waited for, whatever happens: an interrupt is kept for the caller. */
final class Uninterruptibly {

    private Uninterruptibly() {}

    /** Waits until {@code t} has ended; each interrupt meanwhile runs {@code onInterrupt} and is set again at the end. */
    static void join(Thread t, Runnable onInterrupt) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                onInterrupt.run();
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
