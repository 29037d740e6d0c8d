package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountPrimesTest {

    private final Workload countPrimes = new CountPrimes();

    @Test
    void everyTaskFindsThe1229PrimesBelowTenThousand() {
        WorkloadRun run = countPrimes.prepare(new WorkloadParams(2, 10_000, 1));
        Object[] results = new SingleThreadInterpreter().computeAll(run);

        assertArrayEquals(new Object[] {1229L, 1229L}, results);
        Outcome outcome = run.finish(results);
        assertTrue(outcome.resultOk());
        assertEquals("1,229 primes below 10,000, 2 times", outcome.answer());
        assertNull(outcome.message());
    }

    @Test
    void aWrongCountFailsSayingWhatWasExpected() {
        WorkloadRun run = countPrimes.prepare(new WorkloadParams(2, 10_000, 1));

        Outcome outcome = run.finish(new Object[] {1229L, 1228L});

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "task 1", "1,228", "1,229");
    }

    @Test
    void checksForASwitchAtEveryLoopBackEdgeAndNeverReleasesTheLock() {
        SingleThreadInterpreter py = new SingleThreadInterpreter();

        long primes = Primes.countBelow(py, 10);

        assertEquals(4, primes);
        // 8 outer iterations (n = 2..9) + one completed inner iteration each for 5, 7 and 9.
        assertEquals(11, py.checkpoints);
        assertEquals(0, py.nativeSections);
    }

    @Test
    void refusesLimitsTheSieveCannotCheck() {
        WorkloadParams tooBig = new WorkloadParams(1, countPrimes.maxSize() + 1, 1);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> countPrimes.prepare(tooBig));

        Texts.assertContains(refused.getMessage(), "count-primes", "at most 100000000");
    }
}
