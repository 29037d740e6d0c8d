package dev.gilscope.workload;

/**
 * What a run of a workload produced and whether it was right.
 *
 * @param resultOk whether the combined answer matched the independent check
 * @param answer a short human-readable form of the answer, e.g. "9592 primes below 100000, 4 times"
 * @param message why the check failed (null when {@code resultOk})
 * @param lostUpdates shared-counter updates overwritten by another thread, or null where it does not apply
 * @param ioLatency extra wake-up latency of the I/O probe, or null where it does not apply
 */
public record Outcome(boolean resultOk, String answer, String message, Long lostUpdates, LatencySummary ioLatency) {

    public static Outcome checked(boolean ok, String answer, String whatWentWrong) {
        return new Outcome(ok, answer, ok ? null : whatWentWrong, null, null);
    }

    /**
     * Percentiles of a latency sample, in milliseconds, and how many samples fell in each bin of
     * {@link #BIN_EDGES_MILLIS} (a histogram that reads the same at a 0.5 ms and a 50 ms switch interval).
     */
    public record LatencySummary(int samples, double p50Millis, double p90Millis, double p99Millis, double maxMillis,
                                 java.util.List<Integer> histogram) {

        /** Upper edges of the histogram's bins, 1-2-5 steps; the last bin holds everything from 100 ms up. */
        public static final double[] BIN_EDGES_MILLIS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};

        public static LatencySummary ofNanos(long[] nanos, int count) {
            long[] sorted = java.util.Arrays.copyOf(nanos, count);
            java.util.Arrays.sort(sorted);
            Integer[] bins = new Integer[BIN_EDGES_MILLIS.length + 1];
            java.util.Arrays.fill(bins, 0);
            for (long n : sorted) bins[bin(n / 1e6)]++;
            if (count == 0) return new LatencySummary(0, 0, 0, 0, 0, java.util.List.of(bins));
            return new LatencySummary(count, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                    sorted[count - 1] / 1e6, java.util.List.of(bins));
        }

        private static int bin(double millis) {
            int b = 0;
            while (b < BIN_EDGES_MILLIS.length && millis >= BIN_EDGES_MILLIS[b]) b++;
            return b;
        }

        private static double millis(long[] sorted, double quantile) {
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
