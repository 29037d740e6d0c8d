package dev.gilscope.runtime;

/**
 * How the cpython mode's run was made and watched.
 *
 * @param interpreter "CPython 3.11.7"
 * @param path the interpreter's program
 * @param style how the program ran its tasks
 * @param samplePeriodNanos how often the interpreter's threads were sampled
 * @param samples samples taken
 * @param samplerCpuNanos CPU time the sampling itself took: its cost to the machine during the run
 */
public record RealPython(String interpreter, String path, CPythonSettings.Style style, long samplePeriodNanos,
                         long samples, long samplerCpuNanos) {

    /** How often the cpython mode samples the interpreter's threads: a fifth of CPython's default 5 ms switch interval. */
    public static final long SAMPLE_PERIOD_NANOS = 1_000_000;

    /** The sampler's cost as a share of one core over {@code wallNanos}. */
    public double samplerShareOfCore(long wallNanos) {
        return wallNanos <= 0 ? 0 : (double) samplerCpuNanos / wallNanos;
    }
}
