package dev.gilscope.workload;

import java.util.List;

/**
 * L4: the same products as {@link MatrixPure} on primitive arrays, computed inside
 * {@link Interpreter#withoutLock} as NumPy computes {@code a @ b} with the GIL released, so threads
 * do run in parallel there.
 */
public final class MatrixNative implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(4, 840, 1);

    /** The equivalent Python program; it needs NumPy (and Python 3.5+, for {@code @}). */
    static final String PYTHON = """
                import numpy as np
                from concurrent.futures import ThreadPoolExecutor

                N = $SIZE

                def matmul(seed):
                    rng = np.random.default_rng(seed)
                    a = rng.integers(-9, 10, size=(N, N)).astype(float)
                    b = rng.integers(-9, 10, size=(N, N)).astype(float)
                    return float((a @ b).sum())    # the product runs in C with the GIL released

                if __name__ == "__main__":
                    with ThreadPoolExecutor(max_workers=2) as pool:
                        print(list(pool.map(matmul, range($TASKS))))
                """;

    @Override public String name() { return "matrix-native"; }

    @Override public String summary() { return "SIZE x SIZE matrix product in native code that releases the lock (NumPy-style)"; }

    @Override public String sizeMeaning() { return "each task multiplies two SIZE x SIZE matrices"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    @Override public long maxSize() { return Matrices.MAX_SIZE; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "matmul", "range($TASKS)", PythonTask.Result.FLOAT, false, null));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Matrices.ProductRun((int) params.size(), params.tasks(), MatrixNative::multiplyAndSum);
    }

    /** Two native calls with a little Python between them: draw A and B, then {@code (a @ b).sum()}. */
    static double multiplyAndSum(Interpreter py, long seed, int n) {
        double[][] ab = new double[2][];
        py.withoutLock(() -> {
            double[][] drawn = Matrices.draw(seed, n);
            ab[0] = drawn[0];
            ab[1] = drawn[1];
            return 0;
        });
        py.checkpoint();
        // The total is a whole number far below 2^53, so it travels exactly through the long.
        return py.withoutLock(() -> (long) sum(multiply(ab[0], ab[1], n)));
    }

    /**
     * A 256 x 128 tile of B (256 KB) stays in one core's L2 cache while every row of A passes by.
     * Untiled, two threads streaming all of B from memory slowed each other down by a quarter.
     */
    static final int TILE_K = 256;
    static final int TILE_J = 128;

    /**
     * Row-major C = AB in i-k-j order, tiled over j and k: the inner loop streams along rows of B and C
     * (vectorizable), and the tiles keep two threads from fighting over the memory bus, so the
     * lock-free section really runs about twice as fast on two cores.
     */
    static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int j0 = 0; j0 < n; j0 += TILE_J) {
            int j1 = Math.min(n, j0 + TILE_J);
            for (int k0 = 0; k0 < n; k0 += TILE_K) {
                int k1 = Math.min(n, k0 + TILE_K);
                for (int i = 0; i < n; i++) {
                    int cRow = i * n;
                    for (int k = k0; k < k1; k++) {
                        double aik = a[i * n + k];
                        int bRow = k * n;
                        for (int j = j0; j < j1; j++) c[cRow + j] += aik * b[bRow + j];
                    }
                }
            }
        }
        return c;
    }

    static double sum(double[] values) {
        double total = 0;
        for (double value : values) total += value;
        return total;
    }
}
