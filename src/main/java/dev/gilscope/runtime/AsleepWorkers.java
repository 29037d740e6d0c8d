package dev.gilscope.runtime;

import dev.gilscope.sampling.ThreadSampler;
import java.util.HashMap;
import java.util.Map;

/**
 * Notices a worker that sleeps where it should compute: the kernel shows its thread asleep, never
 * runnable, and it has used no CPU for {@link #GIVE_UP_NANOS} (plus whatever its workload may wait in
 * one task). Nothing a computing task does sleeps that long: a lock wait, a collection pause or a page
 * fault is over in far less. So it is hung, by a deadlock or a wait that never ends, and its run ends
 * naming it instead of waiting for ever. A thread kept off its core by other programs is runnable, so it
 * is not taken for hung however long it waits. Used by one executor thread at a time.
 */
final class AsleepWorkers implements AutoCloseable {

    static final long GIVE_UP_NANOS = 10_000_000_000L;

    private final ThreadSampler sampler = new ThreadSampler();
    private final long allowedNanos;
    /** By thread id: the CPU time it had when it was first seen asleep, and when that was. */
    private final Map<Long, long[]> asleepSince = new HashMap<>();

    /** @param waitNanos how long one task of the workload may wait by design (0 for one that only computes) */
    AsleepWorkers(long waitNanos) {
        this.allowedNanos = GIVE_UP_NANOS + Math.max(0, waitNanos);
    }

    /**
     * Where the kernel shows thread {@code tid} of process {@code pid} asleep (its {@code wchan}, or
     * "an unknown place"), if it has slept there without a moment of CPU since the allowed time before
     * {@code now}; null if it has run, or is runnable, or is gone. A thread asleep on a pipe waits for
     * gilscope itself (its work, or room for its results), so it is never taken for hung.
     */
    String asleepTooLong(long pid, long tid, long now) {
        ThreadSampler.Sample s = tid > 0 ? sampler.sample(pid, tid) : null;
        if (s == null || s.state() == 'R' || s.sleepingIn().contains("pipe")) {
            forget(tid);
            return null;
        }
        long[] since = asleepSince.get(tid);
        if (since == null || since[0] != s.cpuNanos()) {
            asleepSince.put(tid, new long[] {s.cpuNanos(), now});
            return null;
        }
        if (now - since[1] < allowedNanos) return null;
        return s.sleepKnown() ? s.sleepingIn() : "an unknown place";
    }

    /** Stops watching {@code tid} (it is not supposed to compute now). */
    void forget(long tid) {
        asleepSince.remove(tid);
    }

    /** "has been asleep …: it is hung …", to follow the worker's name. */
    String why(String sleepingIn) {
        return "has been asleep for " + allowedNanos / 1_000_000_000L + " s in the middle of its work without using any CPU"
                + " (the kernel shows it waiting in " + sleepingIn + "): it is hung, by a deadlock or a wait that never ends";
    }

    @Override
    public void close() {
        sampler.close();
    }
}
