package dev.gilscope.workload;

import java.util.Arrays;
import java.util.List;

/**
 * L11: every task sums a large array in a pure-Python loop. Cheap to compute, but a process pool must
 * first serialize and ship every array to a worker.
 */
public final class ArraySum implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(8, 4_000_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                import random
                from concurrent.futures import ProcessPoolExecutor

                def total(chunk):
                    total = 0
                    for x in chunk:
                        total += x
                    return total

                if __name__ == "__main__":
                    rng = random.Random(42)
                    chunks = [[rng.getrandbits(20) for _ in range($SIZE)] for _ in range($TASKS)]
                    with ProcessPoolExecutor(max_workers=2) as pool:   # every chunk is pickled to a worker
                        print(sum(pool.map(total, chunks)))
                """;

    /** Each element is below 2^20, like {@code rng.getrandbits(20)}: sums cannot overflow. */
    static final int BITS_PER_ELEMENT = 20;

    @Override public String name() { return "array-sum"; }

    @Override public String summary() { return "sum of a SIZE-element array per task, in a Python loop (large data to ship)"; }

    @Override public String sizeMeaning() { return "how many numbers each task's array holds"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    /** 50 million longs, 400 MB, per task. */
    @Override public long maxSize() { return 50_000_000; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "total", "(lambda rng: [[rng.getrandbits(20) for _ in range($SIZE)] for _ in range($TASKS)])(random.Random(42))", PythonTask.Result.INTEGER, false, null));
    }

    /** Builds every array before the clock starts, with its expected sum. */
    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        long[][] arrays = new long[params.tasks()][];
        long[] sums = new long[params.tasks()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = randomArray(i, (int) params.size());
            sums[i] = Arrays.stream(arrays[i]).sum();
        }
        return new Run(arrays, sums);
    }

    /** A worker process gets its arrays over the pipe, so it builds none. */
    @Override
    public WorkloadRun prepareWorker(WorkloadParams params) {
        requireValid(params);
        return new Run(new long[params.tasks()][], new long[params.tasks()]);
    }

    static long[] randomArray(long seed, int size) {
        SplitMix64 random = new SplitMix64(seed);
        long[] values = new long[size];
        for (int i = 0; i < size; i++) values[i] = random.next() >>> (Long.SIZE - BITS_PER_ELEMENT);
        return values;
    }

    /** {@code for x in chunk: total += x}, one check point per element. */
    static long total(Interpreter py, long[] chunk) {
        long total = 0;
        for (long x : chunk) {
            total += x;
            py.checkpoint();
        }
        return total;
    }

    private static final class Run extends TypedRun<Long> {
        private final long[][] arrays;
        private final long[] expectedSums;

        Run(long[][] arrays, long[] expectedSums) {
            super(Long.class);
            this.arrays = arrays;
            this.expectedSums = expectedSums;
        }

        @Override public int taskCount() { return arrays.length; }

        @Override public Object input(int index) { return arrays[index]; }

        @Override public Object compute(Interpreter py, Object input) { return total(py, (long[]) input); }

        @Override
        Outcome check(List<Long> results) {
            long total = 0;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) != expectedSums[i]) {
                    return wrong("task " + i + " summed its " + grouped(arrays[i].length) + " numbers to "
                            + grouped(results.get(i)) + "; Arrays.stream(...).sum() gives " + grouped(expectedSums[i]));
                }
                total += expectedSums[i];
            }
            return Outcome.checked(true, results.size() + " arrays of " + grouped(arrays[0].length) + " numbers, adding up to "
                    + grouped(total), null);
        }
    }
}
