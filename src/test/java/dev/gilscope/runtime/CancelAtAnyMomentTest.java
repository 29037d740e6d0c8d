package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancel pressed at any moment of a run: while worker processes start, while they compute, while the
 * results come back, or between two modes. Each time the run ends, and within a second no worker
 * thread and no worker process is left, as the operating system's process list shows.
 */
class CancelAtAnyMomentTest {

    /** Big answers (factorials), so that collecting them takes a while too. */
    private static final Workload FACTORIALS = Workloads.byName("factorials").orElseThrow();

    @ParameterizedTest(name = "cancel after {0} ms")
    @ValueSource(ints = {0, 5, 30, 120, 300, 600, 900, 1_300, 1_800})
    void everythingEndsWithinASecond(int afterMillis) throws Exception {
        RunControl control = new RunControl();
        CompletableFuture<ComparisonResult> running = CompletableFuture.supplyAsync(() -> Comparison.run(FACTORIALS,
                new WorkloadParams(4, 20_000, 1), RunSettings.defaults(),
                List.of(Mode.PROCESSES, Mode.GIL_THREADS, Mode.PROCESSES), new Comparison.Listener() {}, control));
        Thread.sleep(afterMillis);
        control.cancel("stopped by the test");
        long cancelledAt = System.nanoTime();
        ComparisonResult result = running.get(10, TimeUnit.SECONDS);
        List<String> threads = workerThreads();
        List<String> processes = workerProcesses();
        while ((!threads.isEmpty() || !processes.isEmpty()) && System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(1)) {
            Thread.sleep(10);
            threads = workerThreads();
            processes = workerProcesses();
        }
        assertEquals(List.of(), threads, "worker threads left a second after the cancel");
        assertEquals(List.of(), processes, "worker processes left a second after the cancel");
        assertTrue(result.modes().size() <= 3);
        boolean cancelledOne = result.modes().stream().anyMatch(m -> "cancelled: stopped by the test".equals(m.failure()));
        assertTrue(cancelledOne || result.modes().stream().allMatch(ModeResult::resultOk),
                "a mode the cancel caught says so: " + result.modes().stream().map(ModeResult::failure).toList());
    }

    private static List<String> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("gilscope-") && !n.startsWith("gilscope-warm-up")).toList();
    }

    private static List<String> workerProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
    }
}
