package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrimeCheckTest {

    private final Workload primeCheck = new PrimeCheck();

    @Test
    void theSeedsHundredNumbersHoldTwoPrimes() {
        WorkloadRun run = primeCheck.prepare(new WorkloadParams(100, 10_000_000, 1));
        Object[] results = new SingleThreadInterpreter().computeAll(run);

        assertEquals(true, results[19]); // 10,000,019
        assertEquals(true, results[79]); // 10,000,079
        Outcome outcome = run.finish(results);
        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals("2 primes among the 100 numbers from 10,000,000", outcome.answer());
    }

    @Test
    void oneIsNotPrimeAndTwoIs() {
        Outcome outcome = SingleThreadInterpreter.runAll(primeCheck, new WorkloadParams(20, 1, 1));

        assertTrue(outcome.resultOk(), outcome.message());
        assertEquals("8 primes among the 20 numbers from 1", outcome.answer());
    }

    @Test
    void aFlippedAnswerNamesTheNumber() {
        WorkloadRun run = primeCheck.prepare(new WorkloadParams(100, 10_000_000, 1));
        Object[] results = new SingleThreadInterpreter().computeAll(run);
        results[19] = false;

        Outcome outcome = run.finish(results);

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "is_prime(10000019) returned false", "is prime");
    }

    @Test
    void eachTaskIsOneNumber() {
        WorkloadRun run = primeCheck.prepare(new WorkloadParams(3, 41, 1));

        assertEquals(3, run.taskCount());
        assertEquals(43L, run.input(2));
    }
}
