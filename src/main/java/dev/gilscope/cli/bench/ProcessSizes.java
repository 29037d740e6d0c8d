package dev.gilscope.cli.bench;

import dev.gilscope.workload.WorkloadParams;

/**
 * How big each measurement of the {@code processes} section is. {@link #full()} keeps the section
 * within about a minute on two cores, {@link #quick()} within about fifteen seconds.
 *
 * @param dispatchTasks near-empty tasks (count-primes below 2) sent one by one through a warm pool of 1
 * @param dispatchWarmUp how many of the first of those are left out of the figures: the child's JIT
 *     compiler is still at work on its loop then
 * @param startups cold starts of a single worker with the class-data archive present, and as many with it
 *     deleted just before (interleaved), and as many bare JVM starts
 * @param cpuBound count-primes for L2 (run with 2 workers, cold and warm pool)
 * @param cpuBoundRounds rounds of the L2 runs (sequential, cold, warm back to back); the median ratio is reported
 * @param tinyTasks prime-check for L3: tiny tasks, chunk size 1 and Pool.map's own default chunk size
 * @param bigData array-sum for L11
 */
public record ProcessSizes(String name, int dispatchTasks, int dispatchWarmUp, int startups, WorkloadParams cpuBound,
                           int cpuBoundRounds, WorkloadParams tinyTasks, WorkloadParams bigData) {

    public static ProcessSizes full() {
        return new ProcessSizes("full", 4_000, 1_000, 8, p(8, 600_000), 3, p(20_000, 10_000_000), p(8, 1_000_000));
    }

    public static ProcessSizes quick() {
        return new ProcessSizes("quick", 1_500, 500, 3, p(8, 600_000), 1, p(20_000, 10_000_000), p(4, 1_000_000));
    }

    private static WorkloadParams p(int tasks, long size) {
        return new WorkloadParams(tasks, size, 1);
    }
}
