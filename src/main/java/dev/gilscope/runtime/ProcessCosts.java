package dev.gilscope.runtime;

/**
 * What the processes mode paid for its parallelism.
 *
 * @param spawnNanos time the worker lanes spent starting (summed over workers)
 * @param serializeNanos time spent turning task values into bytes and back, both directions, in every process
 * @param bytesTransferred serialized task inputs and results sent through the pipes
 * @param clockGapNanos largest time from a child's clock stamp to its arrival in gilscope: both read the same
 *     monotonic clock, so this bounds how far a child's events could be misplaced on the shared time axis
 * @param processCpuNanos CPU time of the worker processes as a whole (their JIT compiler and garbage
 *     collector threads too), summed; the lanes' CPU time counts only the threads that run tasks
 */
public record ProcessCosts(long spawnNanos, long serializeNanos, long bytesTransferred, long clockGapNanos,
                           long processCpuNanos) {}
