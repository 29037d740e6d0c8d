package dev.gilscope.ui;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTimeIndex;
import java.util.Locale;

/** Says in words what is under the mouse in a mode's chart: the tooltip's text. */
public final class RowInspector {

    private RowInspector() {}

    /**
     * @param x pixel column within the plot (0 = the window's start)
     * @param y pixel row within the chart
     * @return the description, or null where there is nothing to describe
     */
    public static String describe(ModeRow row, TimeWindow window, int width, RowLayout layout, double x, double y,
                                  long untilNanos) {
        if (row.snapshot() == null || x < 0 || x >= width) return null;
        long origin = row.originNanos();
        long t0 = window.timeAt(Math.floor(x), width);
        long t1 = Math.max(t0 + 1, window.timeAt(Math.floor(x) + 1, width));
        int worker = layout.workerAt(y);
        if (worker >= 0 && worker < row.laneCount()) return describeWorker(row, worker, origin, t0, t1, untilNanos);
        int core = layout.coreAt(y);
        if (core >= 0) return describeCore(row, core, origin, t0, t1, untilNanos);
        return null;
    }

    private static long end(ModeRow row, int lane, long origin, long untilNanos) {
        return Math.min(row.laneEndNanos(lane), untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : origin + untilNanos);
    }

    private static String describeWorker(ModeRow row, int lane, long origin, long t0, long t1, long untilNanos) {
        LaneTimeIndex index = row.indices().get(lane);
        String name = row.lane(lane).name();
        long end = end(row, lane, origin, untilNanos);
        long[] column = new long[index.keyCount()];
        index.columns(origin + t0, origin + t1, 1, end, column);
        long changes = column[LaneTimeIndex.kindKey(EventKind.STATE)];
        if (changes <= 1) {
            LaneTimeIndex.Segment segment = index.segmentAt(origin + (t0 + t1) / 2, end);
            if (segment == null) return null;
            StringBuilder text = new StringBuilder(name + " · " + segment.state().label() + "\n"
                    + Durations.moment(segment.startNanos() - origin) + " → " + Durations.moment(segment.endNanos() - origin)
                    + "  (" + Durations.format(segment.endNanos() - segment.startNanos()) + ")\n"
                    + (segment.core() >= 0 ? "on core " + segment.core() : "core unknown"));
            appendMarkers(text, column);
            return text.toString();
        }
        StringBuilder text = new StringBuilder(name + " · " + Durations.moment(t0) + " – " + Durations.moment(t1)
                + "\n" + changes + " state changes in this pixel:");
        double total = 0;
        for (int s = 0; s < LaneTimeIndex.STATE_KEYS; s++) total += column[s];
        for (LaneState state : LaneState.values()) {
            long nanos = column[LaneTimeIndex.stateKey(state)];
            if (nanos > 0) text.append(String.format(Locale.ROOT, "\n  %s %.0f%%", state.label(), 100 * nanos / total));
        }
        appendMarkers(text, column);
        return text.toString();
    }

    private static void appendMarkers(StringBuilder text, long[] column) {
        long handoffs = column[LaneTimeIndex.kindKey(EventKind.HANDOFF)];
        long drops = column[LaneTimeIndex.kindKey(EventKind.DROP_REQUEST)];
        long forced = column[LaneTimeIndex.kindKey(EventKind.FORCED_SWITCH)];
        if (handoffs > 0) text.append("\n").append(handoffs).append(handoffs == 1 ? " hand-off to it" : " hand-offs to it");
        if (drops > 0) text.append("\n").append(drops).append(drops == 1 ? " drop request by it" : " drop requests by it");
        if (forced > 0) text.append("\n").append(forced).append(" forced switch").append(forced == 1 ? "" : "es");
    }

    private static String describeCore(ModeRow row, int core, long origin, long t0, long t1, long untilNanos) {
        StringBuilder text = new StringBuilder("core " + core + " · " + Durations.moment(t0) + " – " + Durations.moment(t1));
        double width = t1 - t0;
        double busy = 0;
        for (int l = 0; l < row.laneCount(); l++) {
            LaneTimeIndex index = row.indices().get(l);
            int overheadKey = LaneTimeIndex.coreKey(core, true);
            if (overheadKey >= index.keyCount()) continue;
            long[] column = new long[index.keyCount()];
            index.columns(origin + t0, origin + t1, 1, end(row, l, origin, untilNanos), column);
            long run = column[LaneTimeIndex.coreKey(core, false)];
            long overhead = column[overheadKey];
            String name = row.lane(l).name();
            if (run > 0) text.append(String.format(Locale.ROOT, "\n  %s computing %.0f%%", name, 100 * run / width));
            if (overhead > 0) text.append(String.format(Locale.ROOT, "\n  %s serializing %.0f%%", name, 100 * overhead / width));
            busy += run + overhead;
        }
        text.append(String.format(Locale.ROOT, "\n  idle %.0f%%", Math.max(0, 100 * (1 - busy / width))));
        return text.toString();
    }
}
