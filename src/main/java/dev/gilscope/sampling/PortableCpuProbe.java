package dev.gilscope.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.BitSet;

/** Any operating system: CPU time from the JVM, core unknown (never guessed), no pinning. */
final class PortableCpuProbe implements CpuProbe {

    static final ThreadMXBean THREAD_MX = ManagementFactory.getThreadMXBean();

    @Override
    public int currentCore() {
        return UNKNOWN_CORE;
    }

    @Override
    public long threadCpuNanos() {
        return THREAD_MX.isCurrentThreadCpuTimeSupported() ? THREAD_MX.getCurrentThreadCpuTime() : 0;
    }

    @Override
    public long nativeThreadId() {
        return -1;
    }

    @Override
    public boolean canPinThreads() {
        return false;
    }

    @Override
    public void pinCurrentThread(BitSet cores) {
        throw new UnsupportedOperationException("choosing cores needs Linux (sched_setaffinity); this is "
                + System.getProperty("os.name"));
    }

    @Override
    public BitSet allowedCores() {
        return firstCores(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String description() {
        return "portable (core unknown, CPU time from the JVM)";
    }

    static BitSet firstCores(int count) {
        BitSet cores = new BitSet();
        cores.set(0, count);
        return cores;
    }
}
