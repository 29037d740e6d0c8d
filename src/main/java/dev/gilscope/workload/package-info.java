/**
 * What is computed: the workloads gilscope runs in every mode, written once against
 * {@link dev.gilscope.workload.Interpreter} so the same kernel runs sequentially, behind the emulated
 * GIL, in free threads and in child processes.
 *
 * <pre>
 * Workload ──prepare(params)──▶ WorkloadRun ──input(i)──▶ compute(py, input) ──▶ result
 *                                   ▲                                               │
 *                                   └──────────── finish(results) ◀────────────────┘
 *                                                 (checked against an independent computation)
 * </pre>
 *
 * <p>"Pure Python" kernels call {@code py.checkpoint()} at every loop back-edge, where CPython looks
 * at its eval breaker; "native" kernels run inside {@code py.withoutLock} with no check points, as
 * C code between {@code Py_BEGIN_ALLOW_THREADS} and {@code Py_END_ALLOW_THREADS} does. Inputs and
 * results are plain values (boxed numbers, primitive arrays, {@code BigInteger}, small records) so
 * the processes mode can serialize them.
 */
package dev.gilscope.workload;
