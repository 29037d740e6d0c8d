package dev.gilscope.workload;

import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * L9: {@code counter += 1} on a module-level global is three steps (read, add, write), and a thread
 * switched out between its read and its write overwrites the other threads' updates when it writes.
 *
 * <p>The race is real but exactly accounted: a write swaps in {@code read + 1} and gets back the value
 * {@code previous} it replaced; if that is not what it read, it overwrote {@code previous - read}
 * updates. Summed over every write this telescopes to {@code expected - final}, so the run can check
 * its own bookkeeping while losing updates freely.
 */
public final class SharedCounter implements Workload {

    // 10 M per task: a warm run must span dozens of switch intervals for a switch to land inside counter += 1.
    static final WorkloadParams DEFAULTS = new WorkloadParams(2, 10_000_000, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                from concurrent.futures import ThreadPoolExecutor

                counter = 0

                def increment(n):
                    global counter
                    for _ in range(n):
                        counter += 1    # read, add, write: a switch in between loses updates

                if __name__ == "__main__":
                    with ThreadPoolExecutor(max_workers=2) as pool:
                        list(pool.map(increment, [$SIZE] * $TASKS))
                    print(counter, "of", $SIZE * $TASKS)
                """;

    /** What one task reports: its increments, and the updates its writes overwrote (see the class notes). */
    public record Tally(long increments, long overwritten) implements Serializable {
    }

    @Override public String name() { return "shared-counter"; }

    @Override public String summary() { return "counter += 1 on a shared global, SIZE times per task (lost updates)"; }

    @Override public String sizeMeaning() { return "how many times each task increments the counter"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "increment", "[$SIZE] * $TASKS", PythonTask.Result.NOTHING, true, "counter"));
    }

    /** A real CPython's run: the global counter against the increments asked for; no per-write bookkeeping there. */
    @Override
    public Outcome checkPython(WorkloadParams params, Object[] results, Object shared, List<?> companion) {
        long expected = (long) params.tasks() * params.size();
        if (!(shared instanceof Number counter)) return TypedRun.wrong("the program did not report its counter");
        if (counter.longValue() == 0) {
            return new Outcome(true, "counter = 0 here: each worker process incremented its own copy ("
                    + TypedRun.grouped(expected) + " increments in all)", null, 0L, null);
        }
        long lost = expected - counter.longValue();
        return new Outcome(lost >= 0, "counter = " + TypedRun.grouped(counter.longValue()) + " of " + TypedRun.grouped(expected)
                + ", " + TypedRun.grouped(lost) + " updates lost", lost >= 0 ? null : "the counter passed the increments asked for", lost, null);
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    private static final class Run extends TypedRun<Tally> {
        private static final VarHandle COUNTER;

        static {
            try {
                COUNTER = MethodHandles.lookup().findVarHandle(Run.class, "counter", Long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final WorkloadParams params;
        /**
         * The Python global: one per run, and so one per process, as in Python. Boxed because a Python
         * int is an object and {@code counter + 1} makes a new one. Only touched through COUNTER.
         */
        @SuppressWarnings("unused")
        private Long counter = 0L;

        Run(WorkloadParams params) {
            super(Tally.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return params.size(); }

        @Override
        public Object compute(Interpreter py, Object input) {
            long increments = (Long) input;
            long overwritten = 0;
            for (long i = 0; i < increments; i++) {
                Long read = (Long) COUNTER.getOpaque(this); // LOAD_GLOBAL: no ordering, as racy as it gets
                py.step();
                Long sum = read + 1;                        // BINARY_OP +: a new int object
                py.step();
                Long previous = (Long) COUNTER.getAndSet(this, sum); // STORE_GLOBAL, and what it replaced
                long lost = previous - read;
                if (lost != 0) {
                    py.lostUpdates(lost);
                    overwritten += lost;
                }
                py.checkpoint();
            }
            return new Tally(increments, overwritten);
        }

        @Override
        Outcome check(List<Tally> results) {
            long expected = (long) params.tasks() * params.size();
            long increments = 0;
            long overwritten = 0;
            for (Tally tally : results) {
                increments += tally.increments();
                overwritten += tally.overwritten();
            }
            if (increments != expected) {
                return wrong("the tasks reported " + grouped(increments) + " increments, expected " + grouped(expected));
            }
            long counterNow = (Long) COUNTER.getVolatile(this);
            if (counterNow == 0) {
                // Every write leaves at least 1, so no task ran in this process: each worker process had its own global.
                return new Outcome(true, "counter = 0 here: each worker process incremented its own copy ("
                        + grouped(expected) + " increments in all)", null, overwritten, null);
            }
            long lost = expected - counterNow;
            boolean accounted = counterNow + overwritten == expected;
            String answer = "counter = " + grouped(counterNow) + " of " + grouped(expected) + ", " + grouped(lost) + " updates lost";
            return new Outcome(accounted, answer, accounted ? null
                    : "the counter ended at " + grouped(counterNow) + " and the writes reported " + grouped(overwritten)
                            + " overwritten updates; together they should make " + grouped(expected),
                    lost, null);
        }
    }
}
