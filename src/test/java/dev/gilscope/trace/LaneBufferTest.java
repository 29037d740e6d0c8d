package dev.gilscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LaneBufferTest {

    @Test
    void eventsComeBackAsWritten() {
        LaneBuffer b = new LaneBuffer(EventBudget.generous());
        b.add(10, EventKind.STATE, 1, LaneState.WAITING_FOR_LOCK.ordinal(), 0);
        b.add(20, EventKind.HANDOFF, -1, 3, 12_345);
        b.add(30, EventKind.LOST_UPDATE, 1023, 0, Long.MAX_VALUE);
        assertEquals(3, b.size());
        assertEquals(new TraceEvent(10, EventKind.STATE, 1, LaneState.WAITING_FOR_LOCK.ordinal(), 0), b.event(0));
        assertEquals(new TraceEvent(20, EventKind.HANDOFF, -1, 3, 12_345), b.event(1));
        assertEquals(new TraceEvent(30, EventKind.LOST_UPDATE, 1023, 0, Long.MAX_VALUE), b.event(2));
    }

    @Test
    void eventsPastTheBudgetAreDroppedAndCounted() {
        EventBudget budget = new EventBudget(LaneBuffer.CHUNK_EVENTS); // room for exactly one chunk
        LaneBuffer first = new LaneBuffer(budget);
        LaneBuffer second = new LaneBuffer(budget);
        for (int i = 0; i < LaneBuffer.CHUNK_EVENTS + 5; i++) first.add(i, EventKind.CORE, 0, 0, i);
        second.add(1, EventKind.CORE, 0, 0, 0);
        assertEquals(LaneBuffer.CHUNK_EVENTS, first.size());
        assertEquals(5, first.droppedEvents());
        assertEquals(0, second.size());
        assertEquals(1, second.droppedEvents(), "the budget is shared by all lanes of a run");
    }

    @Test
    void aLaneThatRanOutOfRoomIsNotDrawnPastItsLastRecordedMoment() {
        LaneBuffer b = new LaneBuffer(new EventBudget(LaneBuffer.CHUNK_EVENTS));
        for (int i = 0; i < LaneBuffer.CHUNK_EVENTS; i++) {
            b.add(1_000 + i, EventKind.STATE, 0, (i % 2 == 0 ? LaneState.RUNNING_WITH_LOCK : LaneState.WAITING_FOR_LOCK).ordinal(), 0);
        }
        b.add(50_000, EventKind.STATE, 0, LaneState.IDLE.ordinal(), 0); // does not fit
        long[] lastEnd = new long[1];
        Segments.forEach(b, b.size(), 1_000_000, (state, start, end, core) -> lastEnd[0] = end);
        assertEquals(50_000, lastEnd[0], "the last known state ends where recording stopped, not at the end of the run");
        assertEquals(50_000, b.recordedUntilNanos());
    }

    @Test
    void aLiveReaderOnlyEverSeesCompleteEvents() throws InterruptedException {
        LaneBuffer b = new LaneBuffer(EventBudget.generous());
        int total = 2_000_000;
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= total; i++) b.add(i, EventKind.TASK_START, i % 7, i, i * 3L);
        });
        AtomicLong checked = new AtomicLong();
        List<String> errors = new ArrayList<>();
        while (writer.isAlive() || checked.get() < total) {
            int n = b.size();
            for (int i = (int) checked.get(); i < n; i++) {
                long t = b.timeNanos(i);
                if (t != i + 1 || b.aux(i) != i + 1 || b.arg(i) != t * 3 || b.core(i) != (i + 1) % 7) {
                    errors.add("event " + i + " read half-written: " + b.event(i));
                }
            }
            checked.set(n);
            if (!errors.isEmpty()) break;
        }
        writer.join();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(total, checked.get());
    }
}
