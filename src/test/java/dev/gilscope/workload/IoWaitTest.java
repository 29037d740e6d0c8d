package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IoWaitTest {

    @Test
    void everyRequestIsAnsweredAfterItsWait() {
        SingleThreadInterpreter py = new SingleThreadInterpreter();
        long start = System.nanoTime();

        Outcome outcome = py.runAll(new IoWait().prepare(new WorkloadParams(3, 20, 1)));

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(outcome.resultOk());
        assertEquals("all 3 requests answered after 20 ms each", outcome.answer());
        assertEquals(3, py.ioWaits);
        assertTrue(elapsedMillis >= 60, "three 20 ms waits in a row took " + elapsedMillis + " ms");
    }

    @Test
    void aMixedUpReplyFails() {
        WorkloadRun run = new IoWait().prepare(new WorkloadParams(3, 1, 1));

        Outcome outcome = run.finish(new Object[] {0L, 2L, 1L});

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "task 1", "request 2");
    }
}
