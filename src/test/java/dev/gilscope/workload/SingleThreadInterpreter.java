package dev.gilscope.workload;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Test-only {@link Interpreter}: no lock at all, used from one thread. Runs native sections and waits
 * directly and counts what the kernel asked for, so tests can check workloads before (and without)
 * the runtime.
 */
final class SingleThreadInterpreter implements Interpreter {

    long checkpoints;
    long steps;
    long nativeSections;
    long ioWaits;
    long lostUpdates;

    @Override public void checkpoint() { checkpoints++; }

    @Override public void step() { steps++; }

    @Override
    public long withoutLock(LongSupplier nativeSection) {
        nativeSections++;
        return nativeSection.getAsLong();
    }

    @Override
    public long blockingIo(long nanos) {
        ioWaits++;
        long start = System.nanoTime();
        long left;
        while ((left = nanos - (System.nanoTime() - start)) > 0) LockSupport.parkNanos(left);
        return System.nanoTime() - start - nanos;
    }

    @Override public void lostUpdates(long count) { lostUpdates += count; }

    /** Runs like the sequential mode: companions first (alone), then every task in order, then the check. */
    Outcome runAll(WorkloadRun run) {
        for (int c = 0; c < run.companionCount(); c++) run.runCompanion(this, c);
        return run.finish(computeAll(run));
    }

    Object[] computeAll(WorkloadRun run) {
        Object[] results = new Object[run.taskCount()];
        for (int i = 0; i < results.length; i++) results[i] = run.compute(this, run.input(i));
        return results;
    }

    static Outcome runAll(Workload workload, WorkloadParams params) {
        return new SingleThreadInterpreter().runAll(workload.prepare(params));
    }
}
