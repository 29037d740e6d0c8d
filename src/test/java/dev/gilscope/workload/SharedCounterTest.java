package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SharedCounterTest {

    private final Workload sharedCounter = new SharedCounter();

    @Test
    void onOneThreadNothingIsLost() {
        SingleThreadInterpreter py = new SingleThreadInterpreter();

        Outcome outcome = py.runAll(sharedCounter.prepare(new WorkloadParams(2, 100_000, 1)));

        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals(0L, outcome.lostUpdates());
        assertEquals("counter = 200,000 of 200,000, 0 updates lost", outcome.answer());
        assertEquals(2 * 200_000, py.steps, "two steps inside every counter += 1");
        assertEquals(200_000, py.checkpoints, "one check point per loop back-edge");
    }

    @Test
    void racingThreadsWithoutALockLoseUpdatesButTheAccountingAddsUp() throws Exception {
        WorkloadRun run = sharedCounter.prepare(new WorkloadParams(2, 300_000, 1));
        Object[] results = new Object[2];
        SingleThreadInterpreter[] interpreters = {new SingleThreadInterpreter(), new SingleThreadInterpreter()};
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int task = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                results[task] = run.compute(interpreters[task], run.input(task));
            });
        }
        start.countDown();
        for (Thread thread : threads) thread.join();

        Outcome outcome = run.finish(results);

        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals(interpreters[0].lostUpdates + interpreters[1].lostUpdates, outcome.lostUpdates(),
                "the lost updates reported to the interpreter are the ones the counter misses");
        Texts.assertContains(outcome.answer(), "of 600,000");
    }

    @Test
    void workerProcessesEachIncrementTheirOwnCopy() {
        WorkloadParams params = new WorkloadParams(2, 1_000, 1);
        WorkloadRun parent = sharedCounter.prepare(params);
        WorkloadRun child = sharedCounter.prepareWorker(params);
        Object[] results = new SingleThreadInterpreter().computeAll(child);

        Outcome outcome = parent.finish(results);

        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals(0L, outcome.lostUpdates());
        Texts.assertContains(outcome.answer(), "counter = 0 here", "own copy");
    }

    @Test
    void aTallyThatDoesNotAddUpFails() {
        WorkloadRun run = sharedCounter.prepare(new WorkloadParams(1, 1_000, 1));
        run.compute(new SingleThreadInterpreter(), run.input(0));

        Outcome outcome = run.finish(new Object[] {new SharedCounter.Tally(1_000, 5)});

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "1,000", "5 overwritten");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
