package dev.gilscope.runtime;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Interpreter;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.WorkloadRun;
import java.util.function.ToLongFunction;

/** A small workload for lock tests: every task runs {@code kernel}; the answer is the sum of its returns. */
record KernelRun(int tasks, ToLongFunction<Interpreter> kernel) implements WorkloadRun {

    @Override
    public int taskCount() {
        return tasks;
    }

    @Override
    public Object input(int index) {
        return index;
    }

    @Override
    public Object compute(Interpreter py, Object input) {
        return kernel.applyAsLong(py);
    }

    @Override
    public Outcome finish(Object[] results) {
        long sum = 0;
        for (Object r : results) sum += (Long) r;
        return Outcome.checked(true, Long.toString(sum), null);
    }

    ModeResult runIn(Mode mode, RunSettings settings) {
        ModeTrace trace = new ModeTrace(mode.cliName(), EventBudget.generous());
        ModeExecutor.Job job = new ModeExecutor.Job("kernel", new WorkloadParams(tasks, 1, 1), this);
        return mode.executor().execute(mode, job, settings, trace, new RunControl());
    }

    /**
     * Spins through back-edges of pure-Python-like work until {@code nanos} of wall time have passed
     * since it started: long enough for many switches however fast the machine or the JIT.
     */
    static long spinFor(Interpreter py, long nanos) {
        long until = System.nanoTime() + nanos;
        long x = 0;
        for (long i = 0; ; i++) {
            x += i ^ (x >>> 3);
            py.checkpoint();
            if ((i & 1023) == 0 && System.nanoTime() > until) return x;
        }
    }

    /**
     * Spins until the lock's counters satisfy {@code enough} (checked about every millisecond of work)
     * or {@code maxNanos} have passed: the lock behaviour under test happens as often as the machine
     * lets it, so a busy machine gets more time rather than a weaker test.
     */
    static long spinUntil(Interpreter py, java.util.function.Predicate<dev.gilscope.trace.LockCounters> enough,
                          long maxNanos) {
        Gil gil = ((ThreadState) py).gil();
        long until = System.nanoTime() + maxNanos;
        long x = 0;
        for (long i = 1; ; i++) {
            x += i ^ (x >>> 3);
            py.checkpoint();
            if ((i & ((1 << 20) - 1)) == 0 && (enough.test(gil.counters()) || System.nanoTime() > until)) return x;
        }
    }

    /** Spins through {@code checkpoints} back-edges of pure-Python-like work. */
    static long spin(Interpreter py, long checkpoints) {
        long x = 0;
        for (long i = 0; i < checkpoints; i++) {
            x += i ^ (x >>> 3);
            py.checkpoint();
        }
        return x;
    }
}
