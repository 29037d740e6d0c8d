package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SumSquaresTest {

    private final Workload sumSquares = new SumSquares();

    @Test
    void threeTasksSplitTheSquaresBelowThirty() {
        WorkloadRun run = sumSquares.prepare(new WorkloadParams(3, 10, 1));
        Object[] results = new SingleThreadInterpreter().computeAll(run);

        assertEquals(new SumSquares.Span(10, 20), run.input(1));
        assertArrayEquals(new Object[] {BigInteger.valueOf(285), BigInteger.valueOf(2185), BigInteger.valueOf(6085)}, results);
        Outcome outcome = run.finish(results);
        assertTrue(outcome.resultOk());
        assertEquals("sum of x*x for x below 30 = 8555", outcome.answer());
    }

    @Test
    void sumsPastSixtyFourBitsStayExact() {
        SumSquares.Span nearTheLimit = new SumSquares.Span(SumSquares.FIRST_UNSQUARABLE - 1_000, SumSquares.FIRST_UNSQUARABLE);

        BigInteger sum = SumSquares.sumOfSquares(new SingleThreadInterpreter(), nearTheLimit);

        BigInteger expected = BigInteger.ZERO;
        for (long x = nearTheLimit.start(); x < nearTheLimit.stop(); x++) {
            expected = expected.add(BigInteger.valueOf(x).pow(2));
        }
        assertTrue(sum.bitLength() > 64);
        assertEquals(expected, sum);
    }

    @Test
    void aWrongSumFailsWithTheClosedForm() {
        WorkloadRun run = sumSquares.prepare(new WorkloadParams(3, 10, 1));

        Outcome outcome = run.finish(new Object[] {BigInteger.valueOf(285), BigInteger.valueOf(2184), BigInteger.valueOf(6085)});

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "range(10, 20)", "2184", "2185");
    }

    @Test
    void refusesRunsWhoseSquaresWouldOverflow() {
        WorkloadParams tooMany = new WorkloadParams(2, 2_000_000_000, 1);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> sumSquares.prepare(tooMany));

        Texts.assertContains(refused.getMessage(), "sum-squares", "64 bits", "2 x 2000000000");
    }
}
