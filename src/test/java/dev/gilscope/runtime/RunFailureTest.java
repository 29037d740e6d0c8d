package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.time.Duration;
import java.util.List;
import dev.gilscope.trace.ModeTrace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A failing task or a cancel ends the mode with a clear message, leaves no worker behind, and the next run works. */
class RunFailureTest {

    @Test
    void aTaskThatThrowsFailsTheModeAndNamesTheWorker() {
        KernelRun run = new KernelRun(4, py -> {
            KernelRun.spin(py, 100_000);
            throw new IllegalStateException("boom");
        });
        ModeResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> run.runIn(Mode.GIL_THREADS, RunSettings.defaults()));
        assertTrue(result.failure().matches("T[12] failed: IllegalStateException: boom"), result.failure());
        assertNull(result.outcome());
        assertNoWorkerThreadsLeft();
    }

    @Test
    void cancelStopsEveryModeAndTheNextRunWorks() throws Exception {
        RunControl control = new RunControl();
        var workload = Workloads.byName("count-primes").orElseThrow();
        WorkloadParams huge = workload.defaults().withSize(5_000_000).withTasks(8);
        CountDownLatch firstModeRunning = new CountDownLatch(1);
        Comparison.Listener listener = new Comparison.Listener() {
            @Override
            public void modeStarted(Mode mode, ModeTrace trace) {
                firstModeRunning.countDown();
            }
        };
        CompletableFuture<ComparisonResult> running = CompletableFuture.supplyAsync(() -> Comparison.run(workload, huge,
                RunSettings.defaults(), List.of(Mode.GIL_THREADS, Mode.FREE_THREADS), listener, control));
        assertTrue(firstModeRunning.await(20, TimeUnit.SECONDS));
        Thread.sleep(100);
        control.cancel("stopped by the user");
        ComparisonResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> running.get());
        assertEquals(1, result.modes().size(), "modes after the cancel do not start");
        assertEquals("cancelled: stopped by the user", result.modes().get(0).failure());
        assertNoWorkerThreadsLeft();

        ComparisonResult again = Comparison.run(workload, workload.defaults().withSize(20_000).withTasks(2),
                RunSettings.defaults(), List.of(Mode.GIL_THREADS), new Comparison.Listener() {}, new RunControl());
        assertTrue(again.modes().get(0).resultOk(), String.valueOf(again.modes().get(0).failure()));
    }

    @Test
    void cancelWakesThreadsBlockedInIo() throws Exception {
        RunControl control = new RunControl();
        var workload = Workloads.byName("io-wait").orElseThrow();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<ComparisonResult> running = CompletableFuture.supplyAsync(() -> Comparison.run(workload,
                workload.defaults().withSize(60_000), RunSettings.defaults(), List.of(Mode.GIL_THREADS),
                new Comparison.Listener() {
                    @Override
                    public void modeStarted(Mode mode, ModeTrace trace) {
                        waiting.countDown();
                    }
                }, control));
        assertTrue(waiting.await(20, TimeUnit.SECONDS));
        Thread.sleep(300); // into the 60 s waits
        control.cancel("stopped by the user");
        ComparisonResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> running.get());
        assertTrue(result.modes().get(0).failure().startsWith("cancelled"));
        assertNoWorkerThreadsLeft();
    }

    @Test
    void aFailingTaskWakesThreadsBlockedInIo() {
        KernelRun run = new KernelRun(2, py -> {
            if (((ThreadState) py).lane().index() == 0) {
                KernelRun.spin(py, 1_000);
                throw new IllegalStateException("boom");
            }
            return py.blockingIo(60_000_000_000L); // a minute of I/O that must be cut short
        });
        ModeResult result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> run.runIn(Mode.GIL_THREADS, RunSettings.defaults()));
        assertTrue(result.failure().contains("boom"), result.failure());
        assertNoWorkerThreadsLeft();
    }

    @Test
    void aWorkerAsleepWhereItShouldComputeEndsTheRunNamingIt() throws Exception {
        // A thread that blocks in the middle of its task without letting go of the lock, as a C extension
        // stuck in a deadlock would: nothing can wake it, not even a cancel, until the monitor is free.
        Object neverFree = new Object();
        KernelRun run = new KernelRun(2, py -> {
            long x = KernelRun.spin(py, 100_000);
            synchronized (neverFree) {
                return x;
            }
        });
        ModeResult result;
        synchronized (neverFree) {
            result = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> run.runIn(Mode.GIL_THREADS, RunSettings.defaults()));
        }
        assertTrue(result.failure().matches("T[12] has been asleep for 10 s in the middle of its work without using any CPU "
                + "\\(the kernel shows it waiting in .+\\): it is hung, by a deadlock or a wait that never ends; "
                + "it could not be stopped and stays asleep until gilscope closes"), result.failure());
        assertNull(result.outcome());
        long freed = System.nanoTime();
        while (workerThreadsLeft().size() > 0 && System.nanoTime() - freed < TimeUnit.SECONDS.toNanos(5)) Thread.sleep(20);
        assertNoWorkerThreadsLeft(); // once its monitor is free, the thread left behind ends too

        ModeResult again = new KernelRun(2, py -> KernelRun.spin(py, 100_000)).runIn(Mode.GIL_THREADS, RunSettings.defaults());
        assertTrue(again.resultOk(), "the next run works: " + again.failure());
    }

    private static List<String> workerThreadsLeft() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("gilscope-")).toList();
    }

    private static void assertNoWorkerThreadsLeft() {
        List<String> left = workerThreadsLeft();
        assertTrue(left.isEmpty(), "worker threads still alive: " + left);
    }
}
