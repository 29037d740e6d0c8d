package dev.gilscope.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory resident in RAM, from the kernel ({@code /proc/PID/status}, VmRSS): how much the worker
 * processes of a run take beside the window. 0 where there is no {@code /proc}.
 */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** Bytes resident in all of this process's descendants (worker JVMs, an interpreter and its pool). */
    public static long ofChildren() {
        return ProcessHandle.current().descendants().mapToLong(p -> of(p.pid())).sum();
    }

    /** Bytes resident in one process; 0 if it has ended or cannot be read. */
    public static long of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+"); // "VmRSS:", "123456", "kB"
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile, or no /proc here
        }
        return 0;
    }
}
