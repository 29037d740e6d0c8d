package dev.gilscope.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void bothKernelsMultiplyATwoByTwoCorrectly() {
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8};

        assertArrayEquals(new double[] {19, 22, 43, 50}, MatrixNative.multiply(a, b, 2));
        List<List<Double>> pure = MatrixPure.multiply(new SingleThreadInterpreter(),
                List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)), List.of(List.of(5.0, 6.0), List.of(7.0, 8.0)), 2);
        assertEquals(List.of(List.of(19.0, 22.0), List.of(43.0, 50.0)), pure);
    }

    @Test
    void theTiledKernelMatchesATripleLoopAcrossTileEdges() {
        int n = MatrixNative.TILE_K + 45; // not a multiple of either tile side
        double[][] ab = Matrices.draw(7, n);

        double[] c = MatrixNative.multiply(ab[0], ab[1], n);

        for (int i = 0; i < n; i += 37) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int k = 0; k < n; k++) expected += ab[0][i * n + k] * ab[1][k * n + j];
                assertEquals(expected, c[i * n + j], "C[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void pureAndNativeComputeTheSameProducts() {
        WorkloadParams params = new WorkloadParams(3, 12, 1);
        WorkloadRun pure = new MatrixPure().prepare(params);
        WorkloadRun nativeRun = new MatrixNative().prepare(params);

        Object[] pureTotals = new SingleThreadInterpreter().computeAll(pure);
        Object[] nativeTotals = new SingleThreadInterpreter().computeAll(nativeRun);

        assertArrayEquals(pureTotals, nativeTotals);
        assertTrue(pure.finish(pureTotals).resultOk());
        Outcome outcome = nativeRun.finish(nativeTotals);
        assertTrue(outcome.resultOk(), outcome.message());
        Texts.assertContains(outcome.answer(), "3 products of 12x12 matrices");
    }

    @Test
    void theNativeProductRunsWithTheLockReleasedAndThePureOneNever() {
        SingleThreadInterpreter nativePy = new SingleThreadInterpreter();
        SingleThreadInterpreter purePy = new SingleThreadInterpreter();

        MatrixNative.multiplyAndSum(nativePy, 0, 20);
        MatrixPure.multiplyAndSum(purePy, 0, 20);

        assertEquals(2, nativePy.nativeSections);
        assertEquals(1, nativePy.checkpoints);
        assertEquals(0, purePy.nativeSections);
        assertTrue(purePy.checkpoints > 20 * 20 * 20, "a check point per innermost iteration");
    }

    @Test
    void aWrongTotalFailsWithTheCheck() {
        WorkloadRun run = new MatrixNative().prepare(new WorkloadParams(2, 12, 1));
        Object[] totals = new SingleThreadInterpreter().computeAll(run);
        totals[1] = (Double) totals[1] + 1;

        Outcome outcome = run.finish(totals);

        assertFalse(outcome.resultOk());
        Texts.assertContains(outcome.message(), "task 1", "colsum(A)[k] * rowsum(B)[k]");
    }
}
