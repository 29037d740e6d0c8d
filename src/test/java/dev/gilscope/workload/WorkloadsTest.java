package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    /** Each workload's Python function, and parameters small enough to run in a blink. */
    private static final Map<String, Object[]> FUNCTION_AND_SMALL_PARAMS = Map.of(
            "count-primes", new Object[] {"count_primes", new WorkloadParams(2, 1_000, 1)},
            "prime-check", new Object[] {"is_prime", new WorkloadParams(50, 1_000, 1)},
            "sum-squares", new Object[] {"sum_squares", new WorkloadParams(2, 1_000, 1)},
            "factorials", new Object[] {"factorial", new WorkloadParams(2, 100, 1)},
            "matrix-pure", new Object[] {"matmul", new WorkloadParams(2, 8, 1)},
            "matrix-native", new Object[] {"matmul", new WorkloadParams(2, 8, 1)},
            "io-wait", new Object[] {"fetch", new WorkloadParams(2, 1, 1)},
            "io-latency", new Object[] {"probe", new WorkloadParams(1, 1_000, 1)},
            "shared-counter", new Object[] {"increment", new WorkloadParams(2, 1_000, 1)},
            "array-sum", new Object[] {"total", new WorkloadParams(2, 1_000, 1)});

    static Stream<Workload> workloads() {
        return Workloads.all().stream();
    }

    @Test
    void everyWorkloadIsListedByNameInLessonOrder() {
        assertEquals("count-primes, prime-check, sum-squares, factorials, matrix-pure, matrix-native, io-wait, io-latency, "
                + "shared-counter, array-sum", Workloads.names());
        for (Workload workload : Workloads.all()) assertSame(workload, Workloads.byName(workload.name()).orElseThrow());
    }

    @Test
    void unknownNamesAreRejected() {
        assertTrue(Workloads.byName("count-prime").isEmpty());
        assertTrue(Workloads.byName("").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void defaultsAreAccepted(Workload workload) {
        WorkloadParams defaults = workload.defaults();

        assertDoesNotThrow(() -> workload.requireValid(defaults));
        assertTrue(defaults.size() <= workload.maxSize());
        assertEquals(1, defaults.chunkSize());
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void describesItselfAndShowsItsPythonProgram(Workload workload) {
        String function = (String) FUNCTION_AND_SMALL_PARAMS.get(workload.name())[0];
        String python = workload.pythonCode();

        assertFalse(workload.summary().isBlank());
        assertFalse(workload.sizeMeaning().isBlank());
        Texts.assertContains(python, "def " + function + "(", "if __name__ == \"__main__\":");
        assertTrue(python.contains("map(" + function) || python.contains("target=" + function), python);
        assertFalse(python.contains("$"), "a placeholder was left unfilled:\n" + python);
        Texts.assertContains(python, PythonCode.literal(workload.defaults().size()));
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void smallRunsGiveTheRightAnswer(Workload workload) {
        WorkloadParams small = (WorkloadParams) FUNCTION_AND_SMALL_PARAMS.get(workload.name())[1];

        Outcome outcome = SingleThreadInterpreter.runAll(workload, small);

        assertTrue(outcome.resultOk(), outcome.message());
        assertNotNull(outcome.answer());
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void missingOrMistypedResultsFailWithAMessage(Workload workload) {
        WorkloadParams small = (WorkloadParams) FUNCTION_AND_SMALL_PARAMS.get(workload.name())[1];
        WorkloadRun run = workload.prepare(small);

        Outcome missing = run.finish(new Object[run.taskCount()]);
        Outcome tooFew = run.finish(new Object[run.taskCount() - 1]);
        Object[] mistyped = new Object[run.taskCount()];
        java.util.Arrays.fill(mistyped, "42");
        Outcome wrongType = run.finish(mistyped);

        assertFalse(missing.resultOk());
        Texts.assertContains(missing.message(), "task 0 returned nothing");
        assertFalse(tooFew.resultOk());
        Texts.assertContains(tooFew.message(), "expected " + run.taskCount() + " results");
        assertFalse(wrongType.resultOk());
        Texts.assertContains(wrongType.message(), "returned a String");
    }
}
