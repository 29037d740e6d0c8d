package dev.gilscope.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Matrix product the pure-Python way: lists of lists of boxed floats and a triple loop, holding the
 * lock throughout. The contrast to {@link MatrixNative} (L4).
 */
public final class MatrixPure implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(4, 300, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                import random
                from concurrent.futures import ThreadPoolExecutor

                N = $SIZE

                def matmul(seed):
                    rng = random.Random(seed)
                    a = [[float(rng.randint(-9, 9)) for _ in range(N)] for _ in range(N)]
                    b = [[float(rng.randint(-9, 9)) for _ in range(N)] for _ in range(N)]
                    c = [[sum(a[i][k] * b[k][j] for k in range(N)) for j in range(N)] for i in range(N)]
                    return sum(map(sum, c))

                if __name__ == "__main__":
                    with ThreadPoolExecutor(max_workers=2) as pool:
                        print(list(pool.map(matmul, range($TASKS))))
                """;

    @Override public String name() { return "matrix-pure"; }

    @Override public String summary() { return "SIZE x SIZE matrix product with lists of lists (pure Python, CPU-bound)"; }

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
        return new Matrices.ProductRun((int) params.size(), params.tasks(), MatrixPure::multiplyAndSum);
    }

    /** Task {@code seed}: build A and B as Python lists, multiply, add up C. */
    static double multiplyAndSum(Interpreter py, long seed, int n) {
        SplitMix64 random = new SplitMix64(seed); // the same draws, in the same order, as Matrices.draw
        List<List<Double>> a = randomMatrix(py, random, n);
        List<List<Double>> b = randomMatrix(py, random, n);
        List<List<Double>> c = multiply(py, a, b, n);
        double total = 0;
        for (List<Double> row : c) {
            double rowSum = 0;
            for (Double x : row) rowSum += x; // the built-in sum(row): C code, no check point inside
            total += rowSum;
            py.checkpoint();
        }
        return total;
    }

    /** {@code [[float(rng.randint(-9, 9)) for _ in range(n)] for _ in range(n)]} */
    static List<List<Double>> randomMatrix(Interpreter py, SplitMix64 random, int n) {
        List<List<Double>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                row.add((double) random.between(Matrices.LOWEST_ENTRY, Matrices.HIGHEST_ENTRY));
                py.checkpoint();
            }
            rows.add(row);
            py.checkpoint();
        }
        return rows;
    }

    /** {@code c[i][j] = sum(a[i][k] * b[k][j] for k in range(n))}, a check point at every back-edge. */
    static List<List<Double>> multiply(Interpreter py, List<List<Double>> a, List<List<Double>> b, int n) {
        List<List<Double>> c = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Double> aRow = a.get(i);
            List<Double> cRow = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += aRow.get(k) * b.get(k).get(j);
                    py.checkpoint();
                }
                cRow.add(sum);
                py.checkpoint();
            }
            c.add(cRow);
            py.checkpoint();
        }
        return c;
    }
}
