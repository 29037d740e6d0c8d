package dev.gilscope.workload;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;

/** Sum of x*x over a range of integers per task, in a pure-Python loop (the seeds' {@code cpu_work}). */
public final class SumSquares implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(4, 150_000_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                from concurrent.futures import ProcessPoolExecutor

                def sum_squares(numbers):
                    total = 0
                    for x in numbers:
                        total += x * x
                    return total

                if __name__ == "__main__":
                    size = $SIZE
                    spans = [range(i * size, (i + 1) * size) for i in range($TASKS)]
                    with ProcessPoolExecutor(max_workers=2) as pool:   # or ThreadPoolExecutor
                        print(sum(pool.map(sum_squares, spans)))
                """;

    /** The first number whose square does not fit in a signed 64-bit long. */
    static final long FIRST_UNSQUARABLE = 3_037_000_500L;

    /** The argument of one task: {@code range(start, stop)}, which pickles to three numbers. */
    public record Span(long start, long stop) implements Serializable {
    }

    @Override public String name() { return "sum-squares"; }

    @Override public String summary() { return "sum of x*x over SIZE consecutive integers per task (pure Python, CPU-bound)"; }

    @Override public String sizeMeaning() { return "how many numbers each task squares; task i covers [i*SIZE, (i+1)*SIZE)"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    @Override public long maxSize() { return FIRST_UNSQUARABLE; }

    /** Refuses runs whose last numbers' squares would overflow the 64-bit multiply. */
    @Override
    public void requireValid(WorkloadParams params) {
        Workload.super.requireValid(params);
        if ((long) params.tasks() * params.size() > FIRST_UNSQUARABLE) {
            throw new IllegalArgumentException(name() + ": tasks x size must be at most " + FIRST_UNSQUARABLE
                    + " so that every square fits in 64 bits, got " + params.tasks() + " x " + params.size());
        }
    }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "sum_squares", "[range(i * $SIZE, (i + 1) * $SIZE) for i in range($TASKS)]", PythonTask.Result.BIG_INTEGER));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    /** {@code total += x * x} with a 128-bit total (two longs), as exact as Python's unbounded ints. */
    static BigInteger sumOfSquares(Interpreter py, Span span) {
        long low = 0;
        long high = 0;
        for (long x = span.start(); x < span.stop(); x++) {
            long square = x * x;
            low += square;
            if (Long.compareUnsigned(low, square) < 0) high++; // carry out of the low word
            py.checkpoint();
        }
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** The independent check: the sum of x*x for 0 <= x < n is n(n-1)(2n-1)/6. */
    static BigInteger closedForm(long n) {
        BigInteger big = BigInteger.valueOf(n);
        return big.multiply(big.subtract(BigInteger.ONE))
                .multiply(big.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
    }

    private static final class Run extends TypedRun<BigInteger> {
        private final WorkloadParams params;

        Run(WorkloadParams params) {
            super(BigInteger.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return new Span(index * params.size(), (index + 1) * params.size()); }

        @Override public Object compute(Interpreter py, Object input) { return sumOfSquares(py, (Span) input); }

        @Override
        Outcome check(List<BigInteger> results) {
            BigInteger total = BigInteger.ZERO;
            for (int i = 0; i < results.size(); i++) {
                Span span = (Span) input(i);
                BigInteger expected = closedForm(span.stop()).subtract(closedForm(span.start()));
                if (!results.get(i).equals(expected)) {
                    return wrong("task " + i + " summed the squares of range(" + span.start() + ", " + span.stop() + ") to "
                            + results.get(i) + "; the closed form n(n-1)(2n-1)/6 gives " + expected);
                }
                total = total.add(expected);
            }
            long n = (long) params.tasks() * params.size();
            return Outcome.checked(true, "sum of x*x for x below " + grouped(n) + " = " + total, null);
        }
    }
}
