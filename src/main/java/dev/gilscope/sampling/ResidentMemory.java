package dev.gilscope.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory the worker processes of a run take beside the window, from the kernel: each process's
 * proportional share of what is resident ({@code /proc/PID/smaps_rollup}, Pss), so that the JVM's code
 * and class-data archive, shared by 64 worker JVMs, count once in all and not 64 times. 0 where there
 * is no {@code /proc}.
 */
public final class ResidentMemory {

    private ResidentMemory() {}

    /** Proportional resident bytes of all this process's descendants (worker JVMs, an interpreter and its pool). */
    public static long ofChildren() {
        return ProcessHandle.current().descendants().mapToLong(p -> of(p.pid())).sum();
    }

    /** One process's proportional share of resident memory, in bytes; 0 if it has ended or cannot be read. */
    public static long of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    String[] parts = line.trim().split("\\s+"); // "Pss:", "123456", "kB"
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile, or no /proc here
        }
        return 0;
    }
}
