package dev.gilscope.workload;

/**
 * One prepared run of a workload in one mode: its task inputs, the shared state its tasks touch (the
 * module-level globals of the Python program) and the check of the combined answer.
 *
 * <p>Inputs and results are plain values (boxed numbers, {@code long[]}, {@code double[]},
 * {@code BigInteger}, records of these) so that the processes mode can serialize them.
 */
public interface WorkloadRun {

    int taskCount();

    /** The argument of task {@code index}, as the Python program would pass it to the mapped function. */
    Object input(int index);

    /** Computes one task on the calling worker; must only talk to the lock through {@code py}. */
    Object compute(Interpreter py, Object input);

    /**
     * The longest a task may sleep by design (blocked in I/O), 0 for one that only computes. A worker
     * asleep much longer than this in the middle of its work is taken for hung.
     */
    default long longestWaitNanos() { return 0; }

    /**
     * Work that runs on its own extra thread next to the pool while the tasks run (the I/O probe of
     * {@code io-latency}); in sequential mode it runs before the tasks on the one thread.
     */
    default int companionCount() { return 0; }

    default void runCompanion(Interpreter py, int index) {
        throw new UnsupportedOperationException("no companion work");
    }

    /** Combines the results (indexed by task) and checks them against an independent computation. */
    Outcome finish(Object[] results);
}
