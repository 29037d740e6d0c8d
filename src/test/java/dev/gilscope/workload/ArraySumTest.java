package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArraySumTest {

    private final Workload arraySum = new ArraySum();

    @Test
    void everyArrayIsSummedExactly() {
        WorkloadRun run = arraySum.prepare(new WorkloadParams(3, 10_000, 1));
        SingleThreadInterpreter py = new SingleThreadInterpreter();
        Object[] results = py.computeAll(run);

        long[] first = (long[]) run.input(0);
        assertEquals(10_000, first.length);
        assertEquals(Arrays.stream(first).sum(), results[0]);
        assertEquals(3 * 10_000, py.checkpoints, "one check point per element");
        assertTrue(run.finish(results).resultOk());
    }

    @Test
    void theInputsAreTheSameEveryTime() {
        WorkloadParams params = new WorkloadParams(2, 1_000, 1);

        assertTrue(Arrays.equals((long[]) arraySum.prepare(params).input(1), (long[]) arraySum.prepare(params).input(1)));
    }

    @Test
    void aWorkerProcessComputesWhatItIsSentWithoutBuildingInputs() {
        WorkloadParams params = new WorkloadParams(2, 1_000, 1);
        WorkloadRun parent = arraySum.prepare(params);
        WorkloadRun worker = arraySum.prepareWorker(params);

        Object[] results = {worker.compute(new SingleThreadInterpreter(), parent.input(0)),
                            worker.compute(new SingleThreadInterpreter(), parent.input(1))};

        assertEquals(null, worker.input(0));
        assertTrue(parent.finish(results).resultOk());
    }

    @Test
    void aWrongSumFails() {
        WorkloadRun run = arraySum.prepare(new WorkloadParams(2, 1_000, 1));
        Object[] results = new SingleThreadInterpreter().computeAll(run);
        results[0] = (Long) results[0] - 1;

        Outcome outcome = run.finish(results);

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "task 0", "Arrays.stream(...).sum()");
    }
}
