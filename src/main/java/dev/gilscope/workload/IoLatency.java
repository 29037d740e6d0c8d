package dev.gilscope.workload;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * L6: CPU-bound threads count primes while one I/O thread sleeps 1 ms at a time; how late it wakes
 * up (waiting for the lock) grows with the switch interval.
 */
public final class IoLatency implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(2, 1_400_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                import threading, time
                from concurrent.futures import ThreadPoolExecutor
                from math import sqrt

                def count_primes(limit):
                    return sum(all(n % i for i in range(2, int(sqrt(n)) + 1)) for n in range(2, limit))

                def probe(done, late):
                    while len(late) < 2000 and not (done.is_set() and len(late) >= 20):
                        start = time.perf_counter()
                        time.sleep(0.001)          # releases the GIL; waking up needs it back
                        late.append(time.perf_counter() - start - 0.001)

                if __name__ == "__main__":
                    done, late = threading.Event(), []
                    threading.Thread(target=probe, args=(done, late)).start()
                    with ThreadPoolExecutor(max_workers=2) as pool:
                        print(list(pool.map(count_primes, [$SIZE] * $TASKS)))
                    done.set()
                    print(sorted(late)[len(late) // 2] * 1000, "ms median extra latency")
                """;

    static final long PROBE_SLEEP_NANOS = 1_000_000;
    static final int MIN_SAMPLES = 20;
    static final int MAX_SAMPLES = 2_000;
    /** A probe with no CPU task in its process stops here: the sequential baseline, or tasks in child processes. */
    static final int ALONE_SAMPLES = 200;
    /** Check points of Python work after each reply (handling it). */
    static final int WORK_PER_SAMPLE = 10;

    @Override public String name() { return "io-latency"; }

    @Override public String summary() { return "an I/O thread sleeping 1 ms at a time next to CPU-bound prime counting"; }

    @Override public String sizeMeaning() { return "each CPU-bound task counts the primes below SIZE"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    @Override public long maxSize() { return 100_000_000; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "count_primes", "[$SIZE] * $TASKS", PythonTask.Result.INTEGER,
                true, null, "probe"));
    }

    /** A real CPython's run: the counts, checked as ours are, and the probe's lateness (seconds, as it appends them). */
    @Override
    public Outcome checkPython(WorkloadParams params, Object[] results, Object shared, List<?> companion) {
        List<Long> counts = new java.util.ArrayList<>();
        for (Object r : results) {
            if (!(r instanceof Long count)) return TypedRun.wrong("a task returned " + r + ", expected a count");
            counts.add(count);
        }
        Outcome checked = CountPrimes.checkCounts(counts, params.size());
        if (!checked.resultOk()) return checked;
        if (companion.isEmpty()) return TypedRun.wrong("the I/O probe took no samples: its thread never ran");
        long[] late = new long[companion.size()];
        for (int i = 0; i < late.length; i++) late[i] = Math.max(0, Math.round(((Number) companion.get(i)).doubleValue() * 1e9));
        return new Outcome(true, checked.answer(), null, null, Outcome.LatencySummary.ofNanos(late, late.length));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    private static final class Run extends TypedRun<Long> {
        private final WorkloadParams params;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        /** Written by the probe thread only; read by finish after the runtime joined it. */
        private final long[] lateNanos = new long[MAX_SAMPLES];
        private volatile int samples;

        Run(WorkloadParams params) {
            super(Long.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return params.size(); }

        @Override
        public Object compute(Interpreter py, Object input) {
            started.incrementAndGet();
            try {
                return Primes.countBelow(py, (Long) input);
            } finally {
                finished.incrementAndGet();
            }
        }

        @Override public int companionCount() { return 1; }

        @Override
        public void runCompanion(Interpreter py, int index) {
            int taken = 0;
            while (!enough(taken)) {
                lateNanos[taken++] = py.blockingIo(PROBE_SLEEP_NANOS);
                samples = taken;
                for (int i = 0; i < WORK_PER_SAMPLE; i++) py.checkpoint();
            }
        }

        /** Until the CPU tasks are done (at least 20 samples), and never more than 2,000. */
        private boolean enough(int taken) {
            if (taken >= MAX_SAMPLES) return true;
            if (taken < MIN_SAMPLES) return false;
            if (finished.get() >= params.tasks()) return true;
            return started.get() == 0 && taken >= ALONE_SAMPLES;
        }

        @Override
        Outcome check(List<Long> results) {
            Outcome counts = CountPrimes.checkCounts(results, params.size());
            int taken = samples;
            if (!counts.resultOk()) return counts;
            if (taken == 0) return wrong("the I/O probe took no samples: its thread never ran");
            return new Outcome(true, counts.answer(), null, null, Outcome.LatencySummary.ofNanos(lateNanos, taken));
        }
    }
}
