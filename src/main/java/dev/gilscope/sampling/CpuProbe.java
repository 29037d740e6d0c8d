package dev.gilscope.sampling;

import java.util.BitSet;

/**
 * Where the calling thread runs and how much CPU it has used: the one facade over the operating system
 * that the runtime and recorder use. {@link #get()} gives the Linux implementation (FFM calls into libc
 * plus {@code /proc}) where it works and a portable one otherwise, which answers {@link #UNKNOWN_CORE}
 * rather than guessing.
 */
public interface CpuProbe {

    /** Returned by {@link #currentCore()} when the operating system cannot tell. */
    int UNKNOWN_CORE = -1;

    /** The logical core the calling thread is running on right now ({@code sched_getcpu}), or {@link #UNKNOWN_CORE}. */
    int currentCore();

    /** CPU time the calling thread has used, in nanoseconds (from {@code /proc/thread-self/schedstat} on Linux). */
    long threadCpuNanos();

    /** The kernel's id of the calling thread ({@code gettid}), or -1 where there is none to be had. */
    long nativeThreadId();

    /** Whether {@link #pinCurrentThread} can restrict threads to cores on this system. */
    boolean canPinThreads();

    /**
     * Restricts the calling thread to {@code cores} ({@code sched_setaffinity}).
     *
     * @throws UnsupportedOperationException where {@link #canPinThreads()} is false
     * @throws IllegalArgumentException if the kernel refuses the set (e.g. a core that does not exist)
     */
    void pinCurrentThread(BitSet cores);

    /**
     * Lowers the scheduling priority of a thread (Linux: its kernel thread id) to {@code nice}, or leaves
     * it where it is if it is lower already. Threads and processes it starts afterwards inherit it, so a
     * window can keep drawing next to busy workers. Raising a nice value needs no privileges.
     *
     * @return whether the thread now runs at {@code nice} or lower
     */
    default boolean lowerPriority(long threadId, int nice) {
        return false;
    }

    /**
     * Moves a thread into the kernel's idle scheduling class (Linux SCHED_IDLE), below every nice value,
     * inherited like nice. Its point is latency more than share: a normal thread that wakes (the window's
     * pulse timer, its UI thread, its renderer) takes the core from an idle-class thread at once, where
     * next to 64 busy nice-19 threads it waited up to 50 ms on this machine's kernel. Idle-class threads
     * share the cores evenly among themselves, so workers' shares against each other do not change.
     *
     * @return whether the thread is now in the idle class
     */
    default boolean moveToIdleClass(long threadId) {
        return false;
    }

    /** The cores this process may run on now, as the kernel reports them. */
    BitSet allowedCores();

    /** Short description for reports, e.g. "linux (sched_getcpu via FFM)". */
    String description();

    static CpuProbe get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private Holder() {}

        static final CpuProbe INSTANCE = choose();

        private static CpuProbe choose() {
            try {
                if (System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                    return new LinuxCpuProbe();
                }
            } catch (Throwable unavailable) {
                // no libc symbols or native access refused: fall through to the portable probe
            }
            return new PortableCpuProbe();
        }
    }
}
