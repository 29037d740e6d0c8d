package dev.gilscope.workload;

import java.util.List;

/** L1/L2/L10: every task counts the primes below SIZE by trial division, in pure Python. */
public final class CountPrimes implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(4, 900_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
                from math import sqrt

                def count_primes(limit):
                    count = 0
                    for n in range(2, limit):
                        for i in range(2, int(sqrt(n)) + 1):
                            if n % i == 0:
                                break
                        else:
                            count += 1
                    return count

                if __name__ == "__main__":
                    limits = [$SIZE] * $TASKS
                    with ThreadPoolExecutor(max_workers=2) as pool:    # or ProcessPoolExecutor
                        print(list(pool.map(count_primes, limits)))
                """;

    @Override public String name() { return "count-primes"; }

    @Override public String summary() { return "count primes below SIZE by trial division (pure Python, CPU-bound)"; }

    @Override public String sizeMeaning() { return "each task counts the primes below SIZE"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    /** Above this the sieve that checks the answer would need too much memory (and trial division, hours). */
    @Override public long maxSize() { return 100_000_000; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "count_primes", "[$SIZE] * $TASKS", PythonTask.Result.INTEGER));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    /** The check shared with io-latency: every count must equal the sieve's. */
    static Outcome checkCounts(List<Long> counts, long limit) {
        long expected = Primes.sieveCountBelow((int) limit);
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) != expected) {
                return TypedRun.wrong("task " + i + " counted " + TypedRun.grouped(counts.get(i)) + " primes below "
                        + TypedRun.grouped(limit) + "; the sieve of Eratosthenes counts " + TypedRun.grouped(expected));
            }
        }
        return Outcome.checked(true, TypedRun.grouped(expected) + " primes below " + TypedRun.grouped(limit) + ", "
                + counts.size() + (counts.size() == 1 ? " time" : " times"), null);
    }

    private static final class Run extends TypedRun<Long> {
        private final WorkloadParams params;

        Run(WorkloadParams params) {
            super(Long.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return params.size(); }

        @Override public Object compute(Interpreter py, Object input) { return Primes.countBelow(py, (Long) input); }

        @Override Outcome check(List<Long> results) { return checkCounts(results, params.size()); }
    }
}
