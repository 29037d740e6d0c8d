package dev.gilscope.ui;

import dev.gilscope.sampling.CpuProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Keeps the JIT compiler from taking the window's CPU. In the first seconds of a run the JVM's C1 and
 * C2 compiler threads are the busiest threads of the process (over a core on this 2-core machine,
 * compiling the workload and the drawing code). At nice 0 they took turns with the UI thread and the
 * renderer, and frames waited up to 100 ms. At nice 19 they yield to the window but, in the normal
 * scheduling class, still come before the workers in the idle class, so the code being timed is compiled
 * as soon as before. Not nice 10: compiler threads go on compiling while the JVM stops every other thread
 * for a collection, and two of them busy at nice 10 kept 64 idle-class workers from reaching that stop
 * for about 100 ms (a test program: 94 ms median, against 17 ms at nice 19), the window stopped
 * meanwhile. Linux only; elsewhere nothing changes.
 */
final class JitPriority {

    /**
     * The compiler threads' nice value in the window's process; the system property
     * {@code gilscope.compilerNice} changes it, and 0 leaves them alone. A lowered priority cannot be
     * raised again without privileges, so the test JVM, which also times runs at normal priority, sets 0.
     */
    static final int COMPILER_NICE = Integer.getInteger("gilscope.compilerNice", 19);

    private JitPriority() {}

    /**
     * Lowers the compiler threads there are now. Compiler threads the JVM adds later are started by a
     * compiler thread and inherit its nice value; calling again catches any that were not.
     */
    static void lowerCompilerThreads() {
        if (COMPILER_NICE <= 0) return;
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return;
        CpuProbe probe = CpuProbe.get();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                if (isCompiler(thread)) probe.lowerPriority(Long.parseLong(thread.getFileName().toString()), Math.min(19, COMPILER_NICE));
            }
        } catch (IOException | RuntimeException e) {
            // /proc changed under us or is not there: the window just draws a little less smoothly
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended
        }
    }
}
