package dev.gilscope.workload;

import java.util.function.LongSupplier;

/**
 * What workload code may ask of the interpreter running it: the contract every kernel is written
 * against, so the same code runs sequentially, behind the emulated GIL, in free threads and in child
 * processes. One instance belongs to one worker thread (like CPython's {@code PyThreadState}) and must
 * only be used from that thread.
 *
 * <p>The names follow CPython: a kernel calls {@link #checkpoint()} where the bytecode loop would
 * consult its "eval breaker" (loop back-edges and calls), {@link #step()} between the smaller steps
 * of one statement (only a switch point when the run places check points at every step, as Python
 * 3.9 and older effectively did), {@link #withoutLock} around native work that releases the lock
 * ({@code Py_BEGIN_ALLOW_THREADS}), and {@link #blockingIo} for a blocking wait.
 */
public interface Interpreter {

    /** A loop back-edge or a call: where a pending drop request (or a legacy tick) is honoured. */
    void checkpoint();

    /** Between two steps of one statement (read / add / write of {@code counter += 1}). */
    void step();

    /**
     * Runs {@code nativeSection} with the lock released, like a C extension between
     * {@code Py_BEGIN_ALLOW_THREADS} and {@code Py_END_ALLOW_THREADS}, and takes the lock back after.
     */
    long withoutLock(LongSupplier nativeSection);

    /**
     * Blocks for {@code nanos} with the lock released (like {@code time.sleep} or a socket read), then
     * takes the lock back.
     *
     * @return how much later than requested the thread was running Python code again, in nanoseconds
     *     (timer overshoot plus the wait for the lock)
     */
    long blockingIo(long nanos);

    /**
     * Reports that a write just overwrote {@code count} updates made by other threads. The count is
     * negative when a write from a thread that read a newer value puts back updates an earlier stale
     * write had overwritten; over a whole run the counts add up to exactly expected minus final.
     */
    void lostUpdates(long count);
}
