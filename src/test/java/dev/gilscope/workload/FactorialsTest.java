package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FactorialsTest {

    private static final BigInteger TWENTY_FACTORIAL = new BigInteger("2432902008176640000");

    private final Workload factorials = new Factorials();

    @Test
    void twentyFactorialHas62BitsAndDigitSum54() {
        WorkloadRun run = factorials.prepare(new WorkloadParams(2, 20, 1));
        SingleThreadInterpreter py = new SingleThreadInterpreter();
        Object[] results = py.computeAll(run);

        assertEquals(TWENTY_FACTORIAL, results[0]);
        assertEquals(2 * 19, py.checkpoints); // one per multiplication, k = 2..20
        Outcome outcome = run.finish(results);
        assertTrue(outcome.resultOk());
        assertEquals("20! has 62 bits and digit sum 54, 2 times", outcome.answer());
    }

    @Test
    void theLoopAgreesWithTheProductTreeOnLargeFactorials() {
        Outcome outcome = SingleThreadInterpreter.runAll(factorials, new WorkloadParams(1, 3_000, 1));

        assertTrue(outcome.resultOk(), outcome.message());
    }

    @Test
    void aWrongFactorialFailsWithBitLengths() {
        WorkloadRun run = factorials.prepare(new WorkloadParams(2, 20, 1));

        Outcome outcome = run.finish(new Object[] {TWENTY_FACTORIAL, TWENTY_FACTORIAL.divide(BigInteger.valueOf(20))});

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "task 1", "57 bits", "62 bits");
    }
}
