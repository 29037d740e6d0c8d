package dev.gilscope.runtime;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Interpreter;
import dev.gilscope.workload.Outcome;
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
        return mode.executor().execute(mode, this, 1, settings, trace, new RunControl());
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
