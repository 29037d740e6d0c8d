package dev.gilscope.workload;

import java.util.List;

/**
 * What matrix-pure and matrix-native share: the inputs (task i multiplies two matrices drawn from
 * seed i, entries whole numbers from -9 to 9, so every sum of products is exact in a double) and the
 * check of the answer.
 */
final class Matrices {

    static final int LOWEST_ENTRY = -9;
    static final int HIGHEST_ENTRY = 9;

    /** Keeps the native kernel's three arrays under 1 GB and every total exact. */
    static final long MAX_SIZE = 5_000;

    private Matrices() {
    }

    /** A and B of one task, row-major, drawn in that order from the task's seed. */
    static double[][] draw(long seed, int n) {
        SplitMix64 random = new SplitMix64(seed);
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int i = 0; i < a.length; i++) a[i] = random.between(LOWEST_ENTRY, HIGHEST_ENTRY);
        for (int i = 0; i < b.length; i++) b[i] = random.between(LOWEST_ENTRY, HIGHEST_ENTRY);
        return new double[][] {a, b};
    }

    /**
     * The independent check: the entries of C = AB add up to the sum over k of (column k of A summed)
     * times (row k of B summed), computed in O(n²) instead of O(n³).
     */
    static double expectedTotal(long seed, int n) {
        double[][] ab = draw(seed, n);
        double total = 0;
        for (int k = 0; k < n; k++) {
            double columnSum = 0;
            double rowSum = 0;
            for (int i = 0; i < n; i++) {
                columnSum += ab[0][i * n + k];
                rowSum += ab[1][k * n + i];
            }
            total += columnSum * rowSum;
        }
        return total;
    }

    /** Task i's seed is i, like {@code pool.map(matmul, range(TASKS))}. */
    static Outcome checkTotals(List<Double> totals, int n) {
        double sum = 0;
        for (int i = 0; i < totals.size(); i++) {
            double expected = expectedTotal(i, n);
            if (totals.get(i) != expected) {
                return TypedRun.wrong("task " + i + ": the entries of C add up to " + (long) (double) totals.get(i)
                        + ", but sum over k of colsum(A)[k] * rowsum(B)[k] is " + (long) expected);
            }
            sum += expected;
        }
        return Outcome.checked(true, totals.size() + " products of " + n + "x" + n + " matrices, entries of C adding up to "
                + TypedRun.grouped((long) sum), null);
    }

    /** Task {@code i} multiplies the {@code i}-th pair of seeded matrices with a kernel and adds up C. */
    static final class ProductRun extends TypedRun<Double> {

        /** One way to compute a task: pure Python lists, or native arrays with the lock released. */
        @FunctionalInterface
        interface Kernel {
            double multiplyAndSum(Interpreter py, long seed, int n);
        }

        private final int n;
        private final int tasks;
        private final Kernel kernel;

        ProductRun(int n, int tasks, Kernel kernel) {
            super(Double.class);
            this.n = n;
            this.tasks = tasks;
            this.kernel = kernel;
        }

        @Override public int taskCount() { return tasks; }

        @Override public Object input(int index) { return (long) index; }

        @Override public Object compute(Interpreter py, Object input) { return kernel.multiplyAndSum(py, (Long) input, n); }

        @Override Outcome check(List<Double> results) { return checkTotals(results, n); }
    }
}
