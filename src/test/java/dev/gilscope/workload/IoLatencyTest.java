package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IoLatencyTest {

    private final Workload ioLatency = new IoLatency();

    @Test
    void aloneTheProbeTakesABaselineAndTheCountsAreChecked() {
        SingleThreadInterpreter py = new SingleThreadInterpreter();

        Outcome outcome = py.runAll(ioLatency.prepare(new WorkloadParams(2, 5_000, 1)));

        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals("669 primes below 5,000, 2 times", outcome.answer());
        Outcome.LatencySummary latency = outcome.ioLatency();
        assertNotNull(latency);
        assertEquals(IoLatency.ALONE_SAMPLES, latency.samples());
        assertTrue(latency.p50Millis() >= 0 && latency.p50Millis() <= latency.maxMillis());
    }

    @Test
    void nextToRunningTasksTheProbeStopsWhenTheyAreDone() throws InterruptedException {
        WorkloadRun run = ioLatency.prepare(new WorkloadParams(2, 300_000, 1));
        Thread probe = Thread.ofPlatform().start(() -> run.runCompanion(new SingleThreadInterpreter(), 0));

        Object[] results = new SingleThreadInterpreter().computeAll(run);
        probe.join(5_000);

        assertFalse(probe.isAlive(), "the probe should stop once the tasks are done");
        Outcome outcome = run.finish(results);
        assertTrue(outcome.resultOk(), outcome.message());
        int samples = outcome.ioLatency().samples();
        assertTrue(samples >= IoLatency.MIN_SAMPLES && samples <= IoLatency.MAX_SAMPLES, samples + " samples");
    }

    @Test
    void withoutTheProbeTheRunFails() {
        WorkloadRun run = ioLatency.prepare(new WorkloadParams(1, 100, 1));

        Outcome outcome = run.finish(new SingleThreadInterpreter().computeAll(run));

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "probe took no samples");
    }
}
