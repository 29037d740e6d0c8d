package dev.gilscope.runtime;

import dev.gilscope.trace.LockCounters;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Notes on the emulated global interpreter lock
 * =============================================
 *
 * Modelled on CPython's Python/ceval_gil.c (3.2 and later) and named like it, so the two can be read
 * side by side: take() is take_gil(), drop() is drop_gil(), dropRequest is gil_drop_request.
 *
 * - The lock is a boolean (`locked`) guarded by a mutex (`mutex`), with a condition (`cond`) to wait
 *   on. A thread that finds it taken waits on `cond` for at most `interval` (5 ms by default). If
 *   the wait times out and no switch happened meanwhile (`switchNumber` has not moved), the waiter
 *   sets `dropRequest`. It then keeps waiting, again for `interval` at a time.
 *
 * - `dropRequest` is the "eval breaker": a volatile flag read without the mutex at every check point
 *   of the running thread (loop back-edges and calls, see ThreadState.checkpoint()). The holder that
 *   sees it drops the lock and takes it again; take() clears the request once a thread has the lock.
 *
 * - Forced switching (FORCE_SWITCHING, on by default). On a multi-core machine the thread that just
 *   dropped the lock is still running, while the waiter it signalled must first be scheduled: the
 *   dropper would nearly always take the lock straight back and the request would change nothing. So
 *   a thread that drops *because it was asked to* then waits on `switchCond` until another thread has
 *   taken the lock (`lastHolder` is no longer itself).
 *
 * - Native code and blocking I/O (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS) use the same drop()
 *   and take(). Like drop_gil(), drop() waits for a successor only if a drop request is pending, which
 *   is rare there; the final release of an exiting thread never waits.
 *
 * - Legacy algorithm (CPython 3.1 and older, `sys.setcheckinterval`): no timed wait, no request and
 *   no forced switching. The holder releases the lock and immediately re-acquires it every
 *   `legacyTicks` check points. On several cores the waiter it signalled usually loses that race,
 *   wakes for nothing (counted in `futileWakeups`) and waits again, and the signalling itself costs
 *   the holder a system call each time: the "GIL battle" that made threads slower than one thread.
 *
 * - Disabled (free threads, PEP 703): take() and drop() return at once. Threads still pass the same
 *   check points, so workload code and eval-breaker cost are identical in every mode.
 *
 * Lock order: `mutex` may be held while taking `switchMutex` (as take_gil does); never the reverse.
 */
/**
 * The emulated global interpreter lock of one run of one mode. See the notes at the top of the file.
 */
public final class Gil {

    /** Settings; immutable. */
    private final LockSettings settings;
    /** False for free threads: take and drop do nothing. Immutable. */
    private final boolean enabled;
    /** Forced switching in effect (on, and not the legacy algorithm). Immutable. */
    private final boolean forcedSwitching;
    /** Set once a second thread takes or waits for the lock; read by legacy ticks without the mutex. */
    private volatile boolean multiThreaded;

    /** Guards {@code locked}, {@code switchNumber}, {@code waiters}, {@code lastDropNanos} and the lock counters. */
    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled when the lock is dropped; waiters wait on it for {@code interval} at a time. */
    private final Condition cond = mutex.newCondition();
    /** Whether some thread holds the lock. Guarded by {@code mutex}. */
    private boolean locked;
    /** Incremented each time a thread other than {@code lastHolder} takes the lock (CPython's switch_number). Guarded by {@code mutex}. */
    private long switchNumber;
    /** Takes by a thread other than the previous holder, not counting the very first take. Guarded by {@code mutex}. */
    private long handoffs;
    /** Threads blocked in take() right now. Guarded by {@code mutex}. */
    private int waiters;
    /** When the lock was last dropped while someone waited ({@link System#nanoTime()}). Guarded by {@code mutex}. */
    private long lastDropNanos;
    /** Times the lock was released, for any reason. Guarded by {@code mutex}. */
    private long releases;
    /** Drop requests set by timed-out waiters. Guarded by {@code mutex}. */
    private long dropRequests;
    /** Waits that ended to find the lock taken again (legacy: the lost race). Guarded by {@code mutex}. */
    private long futileWakeups;

    /**
     * Taken (after {@code mutex}) to change {@code lastHolder} when forced switching is in effect;
     * the forced wait waits on {@code switchCond}.
     */
    private final ReentrantLock switchMutex = new ReentrantLock();
    private final Condition switchCond = switchMutex.newCondition();
    /** The thread that took the lock last. Written holding both mutexes (only {@code mutex} without forced switching); read holding either. */
    private ThreadState lastHolder;
    /** Drops that waited for another thread to take the lock. Guarded by {@code switchMutex}. */
    private long forcedSwitches;

    /** The eval breaker: set by a timed-out waiter (or by cancel); read at every check point without a lock. */
    volatile boolean dropRequest;
    /** Set once when the run is cancelled; every wait and check point then unwinds its thread. */
    volatile boolean cancelled;
    /** Why the run was cancelled; written before {@code cancelled}. */
    private volatile String cancelReason = "cancelled";

    public Gil(LockSettings settings, boolean enabled) {
        this.settings = settings;
        this.enabled = enabled;
        this.forcedSwitching = settings.forcedSwitching() && settings.algorithm() != LockSettings.Algorithm.LEGACY;
    }

    public LockSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return enabled;
    }

    boolean legacy() {
        return settings.algorithm() == LockSettings.Algorithm.LEGACY;
    }

    /** take_gil(): returns once {@code t} holds the lock. */
    void take(ThreadState t) {
        if (!enabled) return;
        ThreadState from;
        long droppedAt;
        long switchedAt = 0;
        boolean waited = false;
        long lostAt;
        mutex.lock();
        try {
            lostAt = t.lostLockAtNanos;
            t.lostLockAtNanos = 0;
            if (locked) {
                waited = true;
                multiThreaded = true;
                try {
                    waiters++;
                    t.waitingForLock(lostAt);
                    waitUntilFree(t);
                } finally {
                    waiters--;
                }
            }
            // _ready:
            if (forcedSwitching) switchMutex.lock(); // must be held to change lastHolder: see drop()
            try {
                locked = true;
                from = lastHolder;
                if (from != t) {
                    lastHolder = t;
                    switchNumber++;
                    if (from != null) { // the very first take is no hand-off
                        multiThreaded = true;
                        handoffs++;
                        switchedAt = System.nanoTime();
                        from.lostLockAtNanos = switchedAt;
                    }
                }
                if (forcedSwitching) switchCond.signal();
            } finally {
                if (forcedSwitching) switchMutex.unlock();
            }
            // Under the mutex, which cancel() also holds to set the flag: a cancel is never cleared here.
            if (dropRequest && !cancelled) dropRequest = false;
            // Hand-off latency only means something for a taker that waited: the drop that woke it.
            droppedAt = waited ? lastDropNanos : 0;
        } finally {
            mutex.unlock();
        }
        t.tookLock(from != t ? from : null, switchedAt, droppedAt, waited ? 0 : lostAt);
    }

    /** The wait loop of take_gil(); called holding {@code mutex} while the lock is taken. */
    private void waitUntilFree(ThreadState t) {
        try {
            while (locked) {
                if (cancelled) throw new RunCancelledException(cancelReason);
                if (legacy()) {
                    cond.await();
                    if (locked) futileWakeups++;
                    continue;
                }
                long savedSwitchNumber = switchNumber;
                long waitStartedAt = System.nanoTime();
                boolean timedOut = cond.awaitNanos(settings.intervalNanos()) <= 0;
                // Timed out and nobody switched meanwhile: ask the holder to drop.
                if (timedOut && locked && switchNumber == savedSwitchNumber && !cancelled) {
                    dropRequest = true;
                    dropRequests++;
                    t.requestedDrop(lastHolder, waitStartedAt);
                } else if (!timedOut && locked) {
                    futileWakeups++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException(cancelReason);
        }
        if (cancelled) throw new RunCancelledException(cancelReason);
    }

    /**
     * drop_gil(): releases the lock held by {@code t}. With forced switching and a pending drop
     * request, waits until another thread has taken it; {@code finalRelease} (thread exit) never waits.
     *
     */
    void drop(ThreadState t, boolean finalRelease) {
        if (!enabled) return;
        mutex.lock();
        try {
            if (!locked) throw new IllegalStateException("drop: the lock is not held");
            locked = false;
            releases++;
            if (waiters > 0) lastDropNanos = System.nanoTime();
            cond.signal();
        } finally {
            mutex.unlock();
        }
        if (forcedSwitching && dropRequest && !finalRelease) {
            switchMutex.lock();
            try {
                if (lastHolder == t && !cancelled) { // not switched yet => wait
                    forcedSwitches++;
                    t.forcedSwitch();
                    dropRequest = false; // as RESET_GIL_DROP_REQUEST: the request is being served
                    while (lastHolder == t && !cancelled) switchCond.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException(cancelReason);
            } finally {
                switchMutex.unlock();
            }
        }
        if (cancelled && !finalRelease) throw new RunCancelledException(cancelReason);
    }

    /** Makes every thread of this run unwind at its next check point or wait. */
    public void cancel(String reason) {
        cancelReason = reason;
        cancelled = true;
        // The request is set holding each mutex under which it may be cleared, so a clear that read
        // "not cancelled" just before cannot wipe it out afterwards.
        mutex.lock();
        try {
            dropRequest = true;
            cond.signalAll();
        } finally {
            mutex.unlock();
        }
        switchMutex.lock();
        try {
            dropRequest = true;
            switchCond.signalAll();
        } finally {
            switchMutex.unlock();
        }
    }

    /**
     * Whether a second thread has ever wanted the lock. CPython 2 created its lock only when a second
     * thread started, so a lone thread never paid for ticks; the legacy tick skips its release until then.
     */
    boolean multiThreaded() {
        return multiThreaded;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    String cancelReason() {
        return cancelReason;
    }

    /** Counters so far; exact once the run's threads have ended. */
    public LockCounters counters() {
        mutex.lock();
        try {
            switchMutex.lock();
            try {
                return new LockCounters(handoffs, releases, dropRequests, forcedSwitches, futileWakeups);
            } finally {
                switchMutex.unlock();
            }
        } finally {
            mutex.unlock();
        }
    }
}
