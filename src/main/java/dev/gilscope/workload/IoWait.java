package dev.gilscope.workload;

import java.util.List;

/** L5: every task waits SIZE ms on blocking I/O with the lock released, so N threads wait together. */
public final class IoWait implements Workload {

    static final WorkloadParams DEFAULTS = new WorkloadParams(8, 250, 1);

    /** The equivalent Python program; it runs unchanged on Python 2.7 and 3.x. */
    static final String PYTHON = """
                import time
                from concurrent.futures import ThreadPoolExecutor

                def fetch(i):
                    time.sleep($SIZE / 1000.0)    # a request, a query, a file: the GIL is released while waiting
                    return i

                if __name__ == "__main__":
                    with ThreadPoolExecutor(max_workers=$TASKS) as pool:
                        print(list(pool.map(fetch, range($TASKS))))
                """;

    @Override public String name() { return "io-wait"; }

    @Override public String summary() { return "every task blocks on I/O for SIZE ms (like time.sleep or a request)"; }

    @Override public String sizeMeaning() { return "how long each task waits, in milliseconds"; }

    @Override public WorkloadParams defaults() { return DEFAULTS; }

    /** One minute per task. */
    @Override public long maxSize() { return 60_000; }

    @Override
    public java.util.Optional<PythonTask> pythonTask() {
        return java.util.Optional.of(new PythonTask(PYTHON, "fetch", "range($TASKS)", PythonTask.Result.INTEGER));
    }

    @Override
    public WorkloadRun prepare(WorkloadParams params) {
        requireValid(params);
        return new Run(params);
    }

    private static final class Run extends TypedRun<Long> {
        private final WorkloadParams params;

        Run(WorkloadParams params) {
            super(Long.class);
            this.params = params;
        }

        @Override public int taskCount() { return params.tasks(); }

        @Override public Object input(int index) { return (long) index; }

        @Override
        public Object compute(Interpreter py, Object input) {
            py.blockingIo(longestWaitNanos());
            return input;
        }

        @Override public long longestWaitNanos() { return params.size() * 1_000_000; }

        @Override
        Outcome check(List<Long> results) {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) != i) {
                    return wrong("task " + i + " answered for request " + results.get(i) + ", expected its own request " + i);
                }
            }
            return Outcome.checked(true, "all " + results.size() + " requests answered after " + params.size() + " ms each", null);
        }
    }
}
