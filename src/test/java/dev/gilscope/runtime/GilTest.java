package dev.gilscope.runtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.Segments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The invariants of the emulated lock, checked on real threads and their recorded traces. */
class GilTest {

    private static final long INTERVAL = 1_000_000; // 1 ms: many switches in a short test
    private static final long SPIN = 40_000_000;
    private static final long SPIN_NANOS = 200_000_000; // 200 switch intervals per task
    private static final long PATIENCE_NANOS = 5_000_000_000L; // on a busy machine, wait this long at most

    private static RunSettings threads(int n, LockSettings lock) {
        return RunSettings.defaults().withWorkers(n).withLock(lock);
    }

    @Test
    void neverTwoHolders() {
        AtomicInteger inside = new AtomicInteger();
        AtomicLong overlaps = new AtomicLong();
        KernelRun run = new KernelRun(3, py -> {
            long x = 0;
            long until = System.nanoTime() + SPIN_NANOS;
            for (long i = 0; (i & 1023) != 0 || System.nanoTime() < until; i++) {
                if (inside.incrementAndGet() != 1) overlaps.incrementAndGet();
                x += i;
                inside.decrementAndGet();
                py.checkpoint(); // the only place the lock may change hands
            }
            return x;
        });
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(3, LockSettings.defaults().withInterval(INTERVAL)));
        assertNull(result.failure());
        assertEquals(0, overlaps.get(), "two threads ran Python code at the same time behind the lock");
        assertTrue(result.lock().counters().handoffs() > 10, "expected many hand-offs, got " + result.lock().counters());
        assertLanesNeverHoldTogether(result);
    }

    @Test
    void dropRequestOnlyAfterAFullIntervalWithNoSwitch() {
        // Three threads: while one waits, the other two can switch, which must then hold its request back.
        KernelRun run = new KernelRun(3, py -> KernelRun.spinUntil(py, c -> c.dropRequests() >= 20, PATIENCE_NANOS));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(3, LockSettings.defaults().withInterval(INTERVAL)));
        List<Long> switches = new ArrayList<>();
        List<long[]> requests = new ArrayList<>(); // {time, waitStartedAt}
        for (Lane lane : result.trace().lanes()) {
            LaneBuffer b = lane.buffer();
            for (int i = 0; i < b.size(); i++) {
                if (b.kind(i) == EventKind.HANDOFF) switches.add(b.timeNanos(i));
                if (b.kind(i) == EventKind.DROP_REQUEST) requests.add(new long[] {b.timeNanos(i), b.arg(i)});
            }
        }
        assertTrue(requests.size() > 10, "two CPU-bound threads must keep asking for the lock: " + requests.size());
        for (long[] r : requests) {
            assertTrue(r[0] - r[1] >= INTERVAL, "drop requested after waiting only " + (r[0] - r[1]) + " ns");
            for (long s : switches) {
                assertFalse(s > r[1] && s < r[0], "drop requested although the lock switched during the wait");
            }
        }
        assertEquals(result.lock().counters().dropRequests(), requests.size());
    }

    @Test
    void forcedSwitchingNeverLetsTheDropperRetakeFirst() {
        KernelRun run = new KernelRun(2, py -> KernelRun.spinUntil(py, c -> c.forcedSwitches() >= 20, PATIENCE_NANOS));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(2, LockSettings.defaults().withInterval(INTERVAL)));
        List<Lane> lanes = result.trace().lanes();
        int forced = 0;
        for (Lane lane : lanes) {
            LaneBuffer b = lane.buffer();
            for (int i = 0; i < b.size(); i++) {
                if (b.kind(i) != EventKind.FORCED_SWITCH) continue;
                forced++;
                long droppedAt = b.timeNanos(i);
                long retakenAt = nextRunningAfter(b, i);
                if (retakenAt == Long.MAX_VALUE) continue; // finished before running again
                assertTrue(someoneElseTookBetween(lanes, lane.index(), droppedAt, retakenAt),
                        lane.name() + " took the lock back at " + retakenAt + " before anyone else held it");
            }
        }
        assertTrue(forced > 10, "expected forced switches, saw " + forced);
        assertEquals(result.lock().counters().forcedSwitches(), forced);
    }

    @Test
    void legacyLockLetsTheReleasingThreadRetakeAtOnce() {
        LockSettings legacy = LockSettings.defaults().withAlgorithm(LockSettings.Algorithm.LEGACY);
        KernelRun run = new KernelRun(2, py -> KernelRun.spin(py, SPIN / 4));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(2, legacy));
        var counters = result.lock().counters();
        assertNull(result.failure());
        assertEquals(0, counters.dropRequests(), "the legacy lock never asks");
        assertEquals(0, counters.forcedSwitches(), "the legacy lock never forces a switch");
        // about one release per 100 check points, almost all of them taken straight back by the releaser
        assertTrue(counters.releases() > SPIN / 4 / 100, "releases: " + counters.releases());
        assertTrue(counters.handoffs() * 10 < counters.releases(), "hand-offs " + counters.handoffs()
                + " should be rare next to releases " + counters.releases());
        assertLanesNeverHoldTogether(result);
    }

    @Test
    void withoutForcedSwitchingTheDropperOftenWinsAgain() {
        LockSettings noForce = LockSettings.defaults().withInterval(INTERVAL).withForcedSwitching(false);
        KernelRun run = new KernelRun(2, py -> KernelRun.spinUntil(py,
                c -> c.dropRequests() >= c.handoffs() + 5 && c.dropRequests() >= 20, PATIENCE_NANOS));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(2, noForce));
        var counters = result.lock().counters();
        assertEquals(0, counters.forcedSwitches());
        assertTrue(counters.dropRequests() > counters.handoffs(),
                "without forced switching some requests should change nothing: " + counters);
    }

    @Test
    void nativeSectionsReleaseTheLockAndRunTogether() {
        KernelRun run = new KernelRun(2, py -> py.withoutLock(() -> busyNanos(150_000_000)) + KernelRun.spin(py, 1000));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(2, LockSettings.defaults()));
        assertNull(result.failure());
        List<long[]> t1 = segments(result, 0, LaneState.RUNNING_WITHOUT_LOCK);
        List<long[]> t2 = segments(result, 1, LaneState.RUNNING_WITHOUT_LOCK);
        assertEquals(1, t1.size());
        assertEquals(1, t2.size());
        assertTrue(overlap(t1.get(0), t2.get(0)) > 0, "native sections of two threads should overlap in time");
        assertAll(() -> assertTrue(endsHolding(result, 0)), () -> assertTrue(endsHolding(result, 1)));
    }

    @Test
    void blockingIoReleasesTheLockSoWaitsOverlap() {
        KernelRun run = new KernelRun(4, py -> py.blockingIo(100_000_000));
        ModeResult result = run.runIn(Mode.GIL_THREADS, threads(4, LockSettings.defaults()));
        assertNull(result.failure());
        List<long[]> waits = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) waits.addAll(segments(result, lane, LaneState.IO_WAIT));
        assertEquals(4, waits.size());
        long latestStart = waits.stream().mapToLong(w -> w[0]).max().orElseThrow();
        long earliestEnd = waits.stream().mapToLong(w -> w[1]).min().orElseThrow();
        assertTrue(latestStart < earliestEnd, "all four I/O waits should be in progress at one moment");
    }

    @Test
    void freeThreadsNeverTouchTheLock() {
        KernelRun run = new KernelRun(2, py -> KernelRun.spin(py, SPIN / 4));
        ModeResult result = run.runIn(Mode.FREE_THREADS, threads(2, LockSettings.defaults().withInterval(INTERVAL)));
        for (int lane = 0; lane < 2; lane++) {
            LaneBuffer b = result.trace().lanes().get(lane).buffer();
            for (int i = 0; i < b.size(); i++) {
                assertFalse(b.kind(i) == EventKind.HANDOFF || b.kind(i) == EventKind.DROP_REQUEST, "no lock, no " + b.kind(i));
            }
            assertTrue(segments(result, lane, LaneState.RUNNING_WITH_LOCK).isEmpty());
            assertTrue(segments(result, lane, LaneState.WAITING_FOR_LOCK).isEmpty());
            assertEquals(1, segments(result, lane, LaneState.RUNNING_WITHOUT_LOCK).size());
        }
    }

    // ---- helpers over the recorded trace ----

    /** What the Gantt chart shows must be true: no two lanes holding the lock at the same moment. */
    private static void assertLanesNeverHoldTogether(ModeResult result) {
        List<long[]> holds = new ArrayList<>();
        for (int lane = 0; lane < result.trace().lanes().size(); lane++) {
            holds.addAll(segments(result, lane, LaneState.RUNNING_WITH_LOCK));
        }
        holds.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < holds.size(); i++) {
            assertTrue(holds.get(i)[0] >= holds.get(i - 1)[1], "two lanes drawn holding the lock at once, by "
                    + (holds.get(i - 1)[1] - holds.get(i)[0]) + " ns");
        }
    }

    private static long busyNanos(long nanos) {
        long until = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < until) x++;
        return x;
    }

    private static List<long[]> segments(ModeResult result, int lane, LaneState wanted) {
        List<long[]> found = new ArrayList<>();
        LaneBuffer b = result.trace().lanes().get(lane).buffer();
        Segments.forEach(b, b.size(), result.trace().endNanos(), (state, start, end, core) -> {
            if (state == wanted) found.add(new long[] {start, end});
        });
        return found;
    }

    private static long overlap(long[] a, long[] b) {
        return Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
    }

    private static boolean endsHolding(ModeResult result, int lane) {
        LaneBuffer b = result.trace().lanes().get(lane).buffer();
        LaneState beforeIdle = null;
        LaneState last = null;
        for (int i = 0; i < b.size(); i++) {
            if (b.kind(i) != EventKind.STATE) continue;
            beforeIdle = last;
            last = LaneState.ofOrdinal(b.aux(i));
        }
        return last == LaneState.IDLE && beforeIdle == LaneState.RUNNING_WITH_LOCK;
    }

    private static long nextRunningAfter(LaneBuffer b, int from) {
        for (int i = from + 1; i < b.size(); i++) {
            if (b.kind(i) == EventKind.STATE && b.aux(i) == LaneState.RUNNING_WITH_LOCK.ordinal()) return b.timeNanos(i);
        }
        return Long.MAX_VALUE;
    }

    private static boolean someoneElseTookBetween(List<Lane> lanes, int dropper, long from, long to) {
        for (Lane lane : lanes) {
            if (lane.index() == dropper) continue;
            LaneBuffer b = lane.buffer();
            for (int i = 0; i < b.size(); i++) {
                if (b.kind(i) == EventKind.HANDOFF && b.aux(i) == dropper && b.timeNanos(i) >= from && b.timeNanos(i) <= to) {
                    return true;
                }
            }
        }
        return false;
    }
}
