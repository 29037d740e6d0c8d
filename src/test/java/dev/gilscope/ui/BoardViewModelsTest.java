package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The board's state and pictures without a window: time window, replay clock, form, painter, hover text. */
class BoardViewModelsTest {

    @Test
    void theWindowFollowsTheRunUntilTheUserZoomsAndComesBackOnReset() {
        TimeWindow window = new TimeWindow();
        window.setExtent(1_000_000_000);
        assertEquals(0, window.from());
        assertTrue(window.to() >= 1_000_000_000, "the whole run is in view");
        window.setExtent(2_000_000_000);
        assertTrue(window.to() >= 2_000_000_000, "it follows a growing run");

        long middle = window.timeAt(500, 1000);
        window.zoom(0.5, 0.1);
        assertFalse(window.following());
        assertTrue(Math.abs(window.timeAt(500, 1000) - middle) < window.span() / 100, "the moment under the mouse stays put");
        window.setExtent(3_000_000_000L);
        assertTrue(window.to() < 3_000_000_000L, "a zoomed window stays where the user put it");

        window.pan(-100); // far before the start
        assertEquals(0, window.from(), "it stops at the start");
        window.zoomTo(5, 6);
        assertEquals(TimeWindow.MIN_SPAN_NANOS, window.span(), "no narrower than the clock can tell");
        window.reset();
        assertTrue(window.following());
        assertTrue(window.to() >= 3_000_000_000L);
    }

    @Test
    void replayPlaysAtItsSpeedStopsAtTheEndAndShowAllLeavesIt() {
        ReplayClock clock = new ReplayClock();
        assertEquals(Long.MAX_VALUE, clock.until(), "not replaying: everything is drawn");
        clock.setSpeed(ReplayClock.Speed.SIXTEENTH);
        clock.play(1_000_000_000);
        clock.tick(160_000_000, 1_000_000_000); // 160 ms of real time
        assertEquals(10_000_000, clock.position(), "at 1/16 speed, 160 ms shows 10 ms of the run");
        clock.setSpeed(ReplayClock.Speed.FULL);
        clock.tick(5_000_000_000L, 1_000_000_000);
        assertEquals(1_000_000_000, clock.position());
        assertFalse(clock.playing(), "it stops at the end");
        clock.play(1_000_000_000);
        assertEquals(0, clock.position(), "play at the end starts again");
        clock.stop();
        assertEquals(Long.MAX_VALUE, clock.until());
    }

    @Test
    void theFormKeepsWhatWasTypedAndNamesEachWrongField() {
        RunForm form = new RunForm();
        assertTrue(form.check().ok(), form.check().message());
        form.tasks = "lots";
        form.workers = "300";
        RunForm.Check check = form.check();
        assertFalse(check.ok());
        assertEquals("Tasks: 'lots' is not a whole number; leave it empty for the default", check.problems().get(RunRequest.Field.TASKS));
        assertEquals("lots", form.tasks, "nothing typed is lost");
        form.tasks = "1_000";
        check = form.check();
        assertEquals("Workers: 300 is out of range; use 1 to 256", check.problems().get(RunRequest.Field.WORKERS));
        form.workers = "4";
        check = form.check();
        assertTrue(check.ok(), check.message());
        assertEquals(1_000, check.request().params().tasks(), "1_000 reads as a thousand");
        assertTrue(form.check(EnumSet.noneOf(Mode.class)).problems().containsKey(RunRequest.Field.MODES));
    }

    /** gil-threads, two lanes taking turns every 10 µs on cores 0 and 1 for 1 ms, with a hand-off at each turn. */
    private static ModeRow twoThreadsTakingTurns() {
        ModeTrace trace = new ModeTrace("gil-threads", EventBudget.generous());
        trace.start(1_000);
        LaneBuffer t1 = trace.addLane("T1").buffer();
        LaneBuffer t2 = trace.addLane("T2").buffer();
        for (int turn = 0; turn < 100; turn++) {
            long at = 1_000 + turn * 10_000L;
            LaneBuffer holder = turn % 2 == 0 ? t1 : t2;
            LaneBuffer waiter = turn % 2 == 0 ? t2 : t1;
            holder.add(at, EventKind.STATE, 0, LaneState.RUNNING_WITH_LOCK.ordinal(), 0);
            holder.add(at, EventKind.HANDOFF, 0, 0, 0);
            waiter.add(at, EventKind.STATE, 1, LaneState.WAITING_FOR_LOCK.ordinal(), 0);
        }
        t1.add(1_001_000, EventKind.STATE, 0, LaneState.IDLE.ordinal(), 0);
        t2.add(1_001_000, EventKind.STATE, 1, LaneState.IDLE.ordinal(), 0);
        trace.finish(1_001_000);
        ModeRow row = new ModeRow(Mode.GIL_THREADS);
        row.start(trace, 100);
        row.refresh();
        return row;
    }

    @Test
    void aColumnOfManyTurnsShowsTheirMixAndTheCoreLaneShowsOnlyTheHolder() {
        ModeRow row = twoThreadsTakingTurns();
        TimeWindow window = new TimeWindow();
        window.setExtent(1_000_000);
        window.zoomTo(0, 1_000_000);
        int width = 10; // 100 µs per column: ten turns each
        RowLayout layout = RowLayout.of(2, 2);
        int[] pixels = new int[width * layout.height()];
        new TimelinePainter().paint(row, window, width, layout, Palette.LIGHT, Long.MAX_VALUE, -1, pixels);

        int holding = Palette.LIGHT.state(LaneState.RUNNING_WITH_LOCK);
        int waiting = Palette.LIGHT.state(LaneState.WAITING_FOR_LOCK);
        int x = 4;
        int holdingPixels = 0;
        int waitingPixels = 0;
        for (int y = layout.laneTop(0); y < layout.laneTop(0) + layout.laneHeight() - 1; y++) {
            int p = pixels[y * width + x];
            if (p == holding) holdingPixels++;
            if (p == waiting) waitingPixels++;
        }
        assertTrue(holdingPixels > 5 && waitingPixels > 5, "half holding, half waiting: " + holdingPixels + "/" + waitingPixels);
        assertEquals(Palette.LIGHT.handoff(), pixels[layout.laneTop(0) * width + x], "hand-offs are marked on top");

        // Core 0 is always busy with whoever holds the lock; core 1 only ever has waiters, who sleep.
        int core0 = pixels[(layout.coreTop(0) + layout.coreHeight() - 2) * width + x];
        int core1 = pixels[(layout.coreTop(1) + layout.coreHeight() - 2) * width + x];
        assertTrue(core0 == Palette.LIGHT.worker(0) || core0 == Palette.LIGHT.worker(1), "core 0 busy");
        assertEquals(Palette.LIGHT.laneBackground(), core1, "a core with only waiters on it is idle");
    }

    @Test
    void coresBusyCountsTheHolderNotTheSleepersAndNeverMoreCoresThanThereAre() {
        ModeRow turns = twoThreadsTakingTurns();
        double[] busy = CpuUse.of(turns, 10, 1_000_000, 2);
        for (double b : busy) assertEquals(1.0, b, 0.02, "one core busy: the waiter sleeps");

        // Three lanes serializing at once (a parent and two worker processes) on a machine of two cores.
        ModeTrace trace = new ModeTrace("processes", EventBudget.generous());
        trace.start(1_000);
        for (String name : new String[] {"main", "P1", "P2"}) {
            LaneBuffer lane = trace.addLane(name).buffer();
            lane.add(1_000, EventKind.STATE, 0, LaneState.SERIALIZING.ordinal(), 0);
            lane.add(1_001_000, EventKind.STATE, 0, LaneState.IDLE.ordinal(), 0);
        }
        trace.finish(1_001_000);
        ModeRow row = new ModeRow(Mode.PROCESSES);
        row.start(trace, 8);
        row.refresh();
        assertEquals(2.0, CpuUse.of(row, 4, 1_000_000, 2)[1], 1e-9, "they took turns on the two cores");
        assertEquals(3.0, CpuUse.of(row, 4, 1_000_000, 8)[1], 0.02, "on eight cores, all three ran");
    }

    @Test
    void hoverSaysWhatASegmentIsOrWhatAColumnMixes() {
        ModeRow row = twoThreadsTakingTurns();
        TimeWindow window = new TimeWindow();
        window.setExtent(1_000_000);
        RowLayout layout = RowLayout.of(2, 2);
        window.zoomTo(0, 50_000); // 50 µs over 1000 px: one segment under the mouse
        String one = RowInspector.describe(row, window, 1000, layout, 100, layout.laneTop(0) + 2, Long.MAX_VALUE);
        assertEquals("T1 · holding lock\n0 ns → 10.0 µs  (10.0 µs)\non core 0", one);
        String atTheSwitch = RowInspector.describe(row, window, 1000, layout, 0, layout.laneTop(0) + 2, Long.MAX_VALUE);
        assertTrue(atTheSwitch.endsWith("\n1 hand-off to it"), "the pixel of the switch names it: " + atTheSwitch);

        window.zoomTo(0, 1_000_000); // 1 ms over 10 px: ten turns per pixel
        String mix = RowInspector.describe(row, window, 10, layout, 3, layout.laneTop(1) + 2, Long.MAX_VALUE);
        assertTrue(mix.startsWith("T2 · 300.0 µs – 400.0 µs\n"), mix);
        assertTrue(mix.contains("holding lock 50%") && mix.contains("waiting for lock 50%"), mix);

        String core = RowInspector.describe(row, window, 10, layout, 3, layout.coreTop(1) + 2, Long.MAX_VALUE);
        assertTrue(core.contains("idle 100%"), "waiters sleep: " + core);
        assertNull(RowInspector.describe(row, window, 10, layout, 30, 2, Long.MAX_VALUE), "outside the plot");
    }
}
