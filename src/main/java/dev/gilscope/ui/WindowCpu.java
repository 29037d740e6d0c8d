package dev.gilscope.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time the window's own threads (the JavaFX application thread and the renderer) have used: read
 * when a mode starts and ends, so each row can say what watching it live cost the workers being timed.
 */
final class WindowCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WindowCpu() {}

    /** Nanoseconds of CPU used so far by the window's threads, or -1 where the JVM cannot tell. */
    static long nanos() {
        if (!THREADS.isThreadCpuTimeSupported()) return -1;
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith("JavaFX Application Thread") || name.startsWith("QuantumRenderer")) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) total += cpu;
            }
        }
        return total;
    }
}
