package dev.gilscope.workload;

import java.math.BigInteger;
import java.util.List;

/** Every task computes SIZE! with a loop of big-integer multiplications, as {@code result *= k} does. */
public final class Factorials implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(4, 30_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                from concurrent.futures import ProcessPoolExecutor

                def factorial(n):
                    result = 1
                    for k in range(2, n + 1):
                        result *= k
                    return result

                if __name__ == "__main__":
                    with ProcessPoolExecutor(max_workers=2) as pool:   # or ThreadPoolExecutor
                        results = list(pool.map(factorial, [$SIZE] * $TASKS))
                    print([r.bit_length() for r in results])
                """;

    @Override public String name() { return "factorials"; }

    @Override public String summary() { return "SIZE! by a loop of big-integer multiplications (pure Python, CPU-bound)"; }

    @Override public String sizeMeaning() { return "each task computes SIZE!"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    /** A million factorial has 18.5 million bits; the loop would take many minutes. */
    @Override public long maxSize() { return 1_000_000; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "factorial", "[$SIZE] * $TASKS", PythonTask.Result.BIG_INTEGER));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    /** One multiplication per iteration, a check point at each back-edge. */
    static BigInteger factorialByLoop(Interpreter py, long n) {
        BigInteger result = BigInteger.ONE;
        for (long k = 2; k <= n; k++) {
            result = result.multiply(BigInteger.valueOf(k));
            py.checkpoint();
        }
        return result;
    }

    /** The independent check: multiply balanced halves, so Karatsuba and Toom-Cook do the work. */
    static BigInteger productTree(long low, long high) {
        if (low > high) return BigInteger.ONE;
        if (high - low < 8) {
            BigInteger product = BigInteger.valueOf(low);
            for (long k = low + 1; k <= high; k++) product = product.multiply(BigInteger.valueOf(k));
            return product;
        }
        long middle = (low + high) >>> 1;
        return productTree(low, middle).multiply(productTree(middle + 1, high));
    }

    static long digitSum(BigInteger value) {
        String digits = value.toString();
        long sum = 0;
        for (int i = 0; i < digits.length(); i++) sum += digits.charAt(i) - '0';
        return sum;
    }

    private static final class Run extends TypedRun<BigInteger> {
        private final WorkloadParams params;

        Run(WorkloadParams params) {
            super(BigInteger.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return params.size(); }

        @Override public Object compute(Interpreter py, Object input) { return factorialByLoop(py, (Long) input); }

        @Override
        Outcome check(List<BigInteger> results) {
            long n = params.size();
            BigInteger expected = productTree(2, n);
            for (int i = 0; i < results.size(); i++) {
                BigInteger result = results.get(i);
                if (!result.equals(expected)) {
                    return wrong("task " + i + " computed " + n + "! with " + grouped(result.bitLength()) + " bits and digit sum "
                            + grouped(digitSum(result)) + "; the product tree gives " + grouped(expected.bitLength())
                            + " bits and digit sum " + grouped(digitSum(expected)));
                }
            }
            return Outcome.checked(true, n + "! has " + grouped(expected.bitLength()) + " bits and digit sum "
                    + grouped(digitSum(expected)) + ", " + results.size() + (results.size() == 1 ? " time" : " times"), null);
        }
    }
}
