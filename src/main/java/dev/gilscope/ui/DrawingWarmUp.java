package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.util.SplittableRandom;

/**
 * Compiles the drawing code before the first run: paints a made-up recording off-screen a few times
 * on a background thread when the window opens. Without it the first live frames run interpreted, and
 * next to busy workers a frame can take a quarter of a second.
 */
final class DrawingWarmUp {

    private DrawingWarmUp() {}

    static void start() {
        Thread.ofPlatform().daemon().name("gilscope-drawing-warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
            ModeRow row = new ModeRow(Mode.GIL_THREADS);
            row.start(syntheticGilTrace(16, 20_000), 0);
            row.refresh();
            RowLayout layout = RowLayout.of(2, 16);
            TimeWindow window = new TimeWindow();
            window.setExtent(row.durationNanos());
            int width = 1200;
            int[] pixels = new int[width * layout.height()];
            TimelinePainter painter = new TimelinePainter();
            for (int i = 0; i < 40; i++) {
                if (i % 2 == 1) window.zoomTo(i * 100_000L, i * 100_000L + 1_000_000);
                else window.reset();
                painter.paint(row, window, width, layout, Palette.LIGHT, Long.MAX_VALUE, i % 3 - 1, pixels);
                RowInspector.describe(row, window, width, layout, i * 10, layout.laneTop(1) + 1, Long.MAX_VALUE);
            }
        });
    }

    /** Lanes that take turns holding an emulated lock, as a gil-threads run records them. */
    static ModeTrace syntheticGilTrace(int workers, long segments) {
        long eventsPerLane = segments * 3 / 2 + 2;
        ModeTrace trace = new ModeTrace("gil-threads", new EventBudget(eventsPerLane * workers + LaneBuffer.CHUNK_EVENTS * workers));
        trace.start(1);
        SplittableRandom random = new SplittableRandom(42);
        long end = 1;
        for (int l = 0; l < workers; l++) {
            LaneBuffer lane = trace.addLane("T" + (l + 1)).buffer();
            long t = 1;
            for (long s = 0; s < segments; s++) {
                boolean holding = (s + l) % 2 == 0;
                int core = (int) ((s / 2 + l) % 2);
                lane.add(t, EventKind.STATE, core, (holding ? LaneState.RUNNING_WITH_LOCK : LaneState.WAITING_FOR_LOCK).ordinal(), 0);
                if (holding) lane.add(t, EventKind.HANDOFF, core, (l + 1) % workers, 5_000);
                t += 1_000 + random.nextInt(2_000);
            }
            end = Math.max(end, t);
        }
        trace.finish(end);
        return trace;
    }

}
