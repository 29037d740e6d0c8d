package dev.gilscope.workload;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose sequence is fixed by its seed on
 * every JVM, so every mode, thread and child process builds the same inputs.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [low, high]} (multiply-shift instead of a slow 64-bit division). */
    int between(int low, int high) {
        long span = (long) high - low + 1;
        return (int) (low + (((next() >>> 32) * span) >>> 32));
    }
}
