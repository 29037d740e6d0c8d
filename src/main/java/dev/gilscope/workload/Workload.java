package dev.gilscope.workload;

/**
 * One kind of computation gilscope can run in every mode. Implementations are stateless; all state of
 * one run lives in the {@link WorkloadRun} that {@link #prepare} returns.
 */
public interface Workload {

    /** The command-line name, e.g. {@code count-primes}. */
    String name();

    /** One line for listings. */
    String summary();

    /** What {@link WorkloadParams#size()} means for this workload, e.g. "primes are counted below SIZE". */
    String sizeMeaning();

    /** Parameters that make a sequential run last about 2 s on a 2-core machine. */
    WorkloadParams defaults();

    /** The equivalent Python program, for display next to the board, with the default parameters. */
    default String pythonCode() {
        return PythonCode.fill(pythonTask().orElseThrow().template(), defaults());
    }

    /** How a real CPython runs {@link #pythonCode()}; empty where gilscope cannot run it in one yet. */
    default java.util.Optional<PythonTask> pythonTask() { return java.util.Optional.empty(); }

    /**
     * Checks what a real CPython's run of {@link #pythonTask()} returned, as this workload's own runs are
     * checked.
     *
     * @param results each task's result, converted by {@link PythonTask#results()}, in task order
     * @param shared the value of {@link PythonTask#sharedGlobal()} after the run, or null
     * @param companion what {@link PythonTask#companion()} appended (numbers), empty without one
     */
    default Outcome checkPython(WorkloadParams params, Object[] results, Object shared, java.util.List<?> companion) {
        if (!pythonTask().orElseThrow().checked()) {
            return Outcome.checked(true, results.length + " results, not checked (the program draws its own random inputs)", null);
        }
        return prepare(params).finish(results);
    }

    /** Largest accepted size; larger values are refused with a clear message before anything runs. */
    default long maxSize() { return Integer.MAX_VALUE; }

    /**
     * Refuses parameters this workload cannot run, with a message for the user; call it before anything
     * runs ({@link #prepare} calls it too). Checks {@link #maxSize()}, and whatever else a workload
     * needs (sum-squares: the squares of its last numbers must fit in 64 bits).
     */
    default void requireValid(WorkloadParams params) {
        if (params.size() > maxSize()) {
            throw new IllegalArgumentException(
                    name() + ": size must be at most " + maxSize() + " (" + sizeMeaning() + "), got " + params.size());
        }
    }

    /**
     * Builds the inputs and fresh shared state for one run of one mode. Deterministic: the same
     * parameters give the same inputs, so every mode must arrive at the same answer.
     */
    WorkloadRun prepare(WorkloadParams params);

    /**
     * The run a worker process computes its tasks with: the same shared state as {@link #prepare}, but
     * its inputs need not be built, since they arrive over the pipe. Only {@link WorkloadRun#compute}
     * may be used on it. Workloads with large inputs (array-sum) override it so a
     * child does not spend its start-up generating data it never reads.
     */
    default WorkloadRun prepareWorker(WorkloadParams params) { return prepare(params); }
}
