package dev.gilscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.PythonInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * gilscope killed with -9 in the middle of a run, as a crash or an impatient user would: its worker
 * processes (and a real Python with its pool) must not outlive it. gilscope runs in a JVM of its own
 * here, so the test can kill it; what is left is asked of the operating system.
 */
class AppKilledTest {

    @Test
    void workerProcessesEndWithTheApp() throws Exception {
        assertNothingOutlivesTheApp("processes", "processes", null);
    }

    @Test
    void aRealPythonAndItsPoolEndWithTheApp() throws Exception {
        var python = PythonInterpreter.preferred();
        Assumptions.assumeTrue(python.isPresent(), "no Python on this machine for the cpython mode");
        assertNothingOutlivesTheApp("cpython", "cpython", "processes");
    }

    /** Starts a long run of {@code modes}, waits for its children, kills the app with -9, and looks for survivors. */
    private static void assertNothingOutlivesTheApp(String modes, String what, String cpythonAs) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "dev.gilscope.Launcher", "run", "--workload", "count-primes", "--tasks", "2", "--size", "50000000",
                "--modes", modes));
        if (cpythonAs != null) command.addAll(List.of("--cpython-as", cpythonAs));
        Process app = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<ProcessHandle> children = List.of();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // The app, and under it two computing workers (for cpython: the interpreter and its two pool workers).
            int wanted = cpythonAs == null ? 2 : 3;
            while (System.nanoTime() < deadline) {
                children = app.descendants().filter(ProcessHandle::isAlive).toList();
                if (children.size() >= wanted) break;
                Thread.sleep(50);
            }
            assertTrue(children.size() >= wanted, what + ": the run's processes started: " + describe(children));
            Thread.sleep(300); // well into the run
            children = app.descendants().filter(ProcessHandle::isAlive).toList();
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9
            long killedAt = System.nanoTime();
            List<ProcessHandle> left = alive(children);
            while (!left.isEmpty() && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(3)) {
                Thread.sleep(50);
                left = alive(children);
            }
            assertEquals(List.of(), describe(left), what + ": within three seconds of the kill, nothing of the run is left");
        } finally {
            app.destroyForcibly();
            alive(children).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<ProcessHandle> alive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static List<String> describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
    }
}
