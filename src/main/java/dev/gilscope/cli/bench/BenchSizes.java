package dev.gilscope.cli.bench;

import dev.gilscope.workload.WorkloadParams;

/**
 * How big each measurement is. {@link #full()} keeps every CPU-bound mode at half a second or more
 * while the whole bench stays within a few minutes on two cores; {@link #quick()} is a smoke run.
 *
 * @param eventsPerRound events per timed round of the per-event cost loops
 * @param costRounds timed rounds of those loops (after as many warm-up rounds)
 * @param overhead count-primes for the recording on/off runs (run with 2 workers)
 * @param overheadPairs interleaved on/off pairs per mode
 * @param handoff count-primes for the hand-off latency run (2 tasks, 2 workers)
 * @param cpuBound count-primes for L1, L7, L8 and L10 (tasks divisible by 8)
 * @param speedupRounds rounds of the CPU-bound and native speed-up rows (L1, L4, L7, L8, L10); each round's
 *     runs go back to back, and the median of the rounds' ratios is reported
 * @param matrix matrix-native for L4 (4 tasks, 4 workers)
 * @param io io-wait for L5 (4 tasks, 4 workers)
 * @param latency io-latency for L6 at switch intervals 0.5 and 5 ms
 * @param latencyLong io-latency for L6 at 50 ms: long enough for about 20 samples behind the lock
 * @param counter shared-counter for L9
 * @param counterRuns runs of each L9 case: a warm run of 2 M increments sees only a handful of switches,
 *     so one run loses 0 or hundreds of thousands of updates almost by chance; the median is reported
 */
public record BenchSizes(String name, int eventsPerRound, int costRounds, WorkloadParams overhead, int overheadPairs,
                         WorkloadParams handoff, WorkloadParams cpuBound, int speedupRounds, WorkloadParams matrix, WorkloadParams io,
                         WorkloadParams latency, WorkloadParams latencyLong, WorkloadParams counter,
                         int counterRuns) {

    public static BenchSizes full() {
        return new BenchSizes("full", 4_000_000, 5,
                p(4, 600_000), 7,
                p(2, 1_500_000),
                p(8, 600_000), 3,
                p(4, 700),
                p(4, 200),
                p(2, 1_000_000),
                p(2, 1_500_000),
                p(2, 10_000_000), 7);
    }

    public static BenchSizes quick() {
        return new BenchSizes("quick", 1_000_000, 3,
                p(2, 300_000), 3,
                p(2, 600_000),
                p(8, 200_000), 1,
                p(4, 450),
                p(4, 200),
                p(2, 300_000),
                p(2, 1_000_000),
                p(2, 2_000_000), 5);
    }

    private static WorkloadParams p(int tasks, long size) {
        return new WorkloadParams(tasks, size, 1);
    }
}
