package dev.gilscope.workload;

import java.util.BitSet;
import java.util.List;

/**
 * L3: {@code is_prime(n)} over consecutive numbers, one number per task: many tiny tasks, where
 * shipping each task to a process costs far more than computing it, until the tasks are batched.
 */
public final class PrimeCheck implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(900_000, 10_000_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                from concurrent.futures import ProcessPoolExecutor
                from math import sqrt

                def is_prime(n):
                    if n < 2:
                        return False
                    return all(n % i for i in range(2, int(sqrt(n)) + 1))

                if __name__ == "__main__":
                    numbers = list(range($SIZE, $SIZE + $TASKS))
                    with ProcessPoolExecutor(max_workers=2) as pool:
                        flags = list(pool.map(is_prime, numbers, chunksize=$CHUNK))
                    print(sum(flags), "primes")
                """;

    @Override public String name() { return "prime-check"; }

    @Override public String summary() { return "is_prime(n) for TASKS consecutive numbers from SIZE (many tiny tasks)"; }

    @Override public String sizeMeaning() { return "the first number checked; task i checks SIZE + i"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    /** Keeps one task (up to a million divisions) well under a second. */
    @Override public long maxSize() { return 1_000_000_000_000L; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "is_prime", "range($SIZE, $SIZE + $TASKS)", PythonTask.Result.BOOLEAN));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    private static final class Run extends TypedRun<Boolean> {
        private final WorkloadParams params;

        Run(WorkloadParams params) {
            super(Boolean.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return params.size() + index; }

        @Override public Object compute(Interpreter py, Object input) { return Primes.isPrime(py, (Long) input); }

        @Override
        Outcome check(List<Boolean> results) {
            BitSet expected = Primes.sievePrimesIn(params.size(), results.size());
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) != expected.get(i)) {
                    long n = params.size() + i;
                    return wrong("is_prime(" + n + ") returned " + results.get(i) + ", but the sieve of Eratosthenes says "
                            + n + (expected.get(i) ? " is prime" : " is not prime"));
                }
            }
            long primes = expected.cardinality();
            return Outcome.checked(true, grouped(primes) + " primes among the " + grouped(results.size())
                    + " numbers from " + grouped(params.size()), null);
        }
    }
}
