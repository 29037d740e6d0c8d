package dev.gilscope.trace;

/**
 * Exact counters kept by the emulated lock of one mode.
 *
 * @param handoffs times the lock passed from one thread to another (CPython's {@code switch_number}, less the first take)
 * @param releases times the lock was released for any reason (request, legacy tick, native code, I/O, exit)
 * @param dropRequests times a waiter timed out and asked the holder to drop
 * @param forcedSwitches drops that waited for another thread to take the lock
 * @param futileWakeups waits that woke to find the lock taken again (legacy: the lost race)
 */
public record LockCounters(long handoffs, long releases, long dropRequests, long forcedSwitches, long futileWakeups) {

    public static final LockCounters NONE = new LockCounters(0, 0, 0, 0, 0);
}
