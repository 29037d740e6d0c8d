package dev.gilscope.runtime;

import dev.gilscope.sampling.ThreadSampler;
import java.util.HashMap;
import java.util.Map;

/**
 * Notices worker processes the system shows stopped (by a signal or a debugger). One stopped for
 * {@link #GIVE_UP_NANOS} will not answer, so its run ends naming it instead of waiting for ever. Used by
 * one executor thread at a time.
 */
final class StoppedProcesses {

    static final long GIVE_UP_NANOS = 2_000_000_000L;

    private final Map<Long, Long> stoppedSince = new HashMap<>();

    /** Whether process {@code pid} has been shown stopped for {@link #GIVE_UP_NANOS} as of {@code now}. */
    boolean stoppedTooLong(long pid, long now) {
        char state = pid > 0 ? ThreadSampler.processState(pid) : '?';
        if (state != 'T' && state != 't') {
            stoppedSince.remove(pid);
            return false;
        }
        return now - stoppedSince.computeIfAbsent(pid, p -> now) >= GIVE_UP_NANOS;
    }

    /** Stops watching {@code pid} (it has nothing to answer for now). */
    void forget(long pid) {
        stoppedSince.remove(pid);
    }

    /** "stopped answering: the system has shown it stopped … for 2 s", to follow the process's name. */
    static String why() {
        return "stopped answering: the system has shown it stopped (by a signal or a debugger) for "
                + GIVE_UP_NANOS / 1_000_000_000L + " s";
    }
}
