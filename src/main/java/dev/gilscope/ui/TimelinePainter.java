package dev.gilscope.ui;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneTimeIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Paints one mode's per-core timeline and lock Gantt into ARGB pixels, one pixel column at a time: a
 * column holding many segments shows their mix (stacked by share of the column's time), never just the
 * last one drawn, and the cost of a frame depends on the width, not on the number of segments.
 *
 * <ul>
 *   <li>Core lane: how much of the column each worker spent on this core, stacked from the bottom in
 *       the worker's colour; solid while computing, striped while serializing data (a busy core that does
 *       not compute); what is left is idle, which includes threads asleep waiting for the lock.</li>
 *   <li>Worker lane: the column's states stacked from the top in the state colours; a dark tick at the
 *       top marks a hand-off to this worker, a red tick at the bottom a drop request it made.</li>
 * </ul>
 *
 * Plain Java (no toolkit), so pictures can be painted and checked without a window.
 */
public final class TimelinePainter {

    private static final long PARALLEL_ABOVE_EVENTS = 1_000_000;

    private final List<long[]> columnsPerLane = new ArrayList<>();
    private long[] boundaries = new long[0];

    /** Where the painter's output goes: a span is pixel column {@code x} from {@code top} to {@code bottom} (exclusive). */
    public interface Sink {
        void span(int x, int top, int bottom, int colour, boolean striped);

        /** A plain rectangle: lane backgrounds. */
        void rect(int x, int y, int width, int height, int colour);
    }

    /**
     * @param pixels {@code width × layout.height()} ARGB values, row after row; all of it is painted
     * @param untilNanos draw nothing after this moment (relative to the mode's start): the replay clock,
     *        or {@link Long#MAX_VALUE}
     * @param selectedWorker the worker to stand out (others fade), or -1
     */
    public void paint(ModeRow row, TimeWindow window, int width, RowLayout layout, Palette palette, long untilNanos,
                      int selectedWorker, int[] pixels) {
        paint(row, window, width, layout, palette, untilNanos, selectedWorker, new PixelSink(pixels, width, palette.laneBackground()));
    }

    /** The same picture, as spans and rectangles to {@code sink} (e.g. an SVG document). */
    public void paint(ModeRow row, TimeWindow window, int width, RowLayout layout, Palette palette, long untilNanos,
                      int selectedWorker, Sink sink) {
        sink.rect(0, 0, width, layout.height(), palette.background());
        for (int c = 0; c < layout.cores(); c++) {
            sink.rect(0, layout.coreTop(c), width, layout.coreHeight() - 1, palette.laneBackground());
        }
        for (int w = 0; w < layout.workers(); w++) {
            sink.rect(0, layout.laneTop(w), width, layout.laneHeight() - 1, palette.laneBackground());
        }
        if (row.snapshot() == null || width <= 0) return;

        long origin = row.originNanos();
        long from = origin + window.from();
        long to = origin + window.to();
        computeBoundaries(from, to, width);
        int lanes = Math.min(row.laneCount(), layout.workers());
        while (columnsPerLane.size() < lanes) columnsPerLane.add(new long[0]);
        long events = 0;
        for (int l = 0; l < lanes; l++) {
            int needed = width * row.indices().get(l).keyCount();
            if (columnsPerLane.get(l).length < needed) columnsPerLane.set(l, new long[needed]);
            events += row.indices().get(l).indexedEvents();
        }
        // Lanes are independent (each index has its own reader): a big recording is summed on every core.
        IntStream laneNumbers = IntStream.range(0, lanes);
        if (events > PARALLEL_ABOVE_EVENTS) laneNumbers = laneNumbers.parallel();
        long replayEnd = untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : origin + untilNanos;
        laneNumbers.forEach(l -> {
            row.indices().get(l).columns(from, to, width, Math.min(row.laneEndNanos(l), replayEnd), columnsPerLane.get(l));
        });
        long drawnUntil = Math.min(row.snapshot().untilNanos(), replayEnd);
        for (int l = 0; l < lanes; l++) {
            paintWorkerLane(row.indices().get(l).keyCount(), columnsPerLane.get(l), width, layout, l, palette,
                    selectedWorker, sink);
            paintNotRecorded(row.lane(l).buffer().recordedUntilNanos(), drawnUntil, from, to, width, layout, l, palette, sink);
        }
        for (int c = 0; c < layout.cores(); c++) {
            paintCoreLane(row, lanes, c, width, layout, palette, selectedWorker, sink);
        }
    }

    private void computeBoundaries(long from, long to, int width) {
        if (boundaries.length < width + 1) boundaries = new long[width + 1];
        for (int x = 0; x <= width; x++) boundaries[x] = from + Math.round((double) (to - from) * x / width);
    }

    private void paintWorkerLane(int keys, long[] columns, int width, RowLayout layout, int lane, Palette palette,
                                 int selectedWorker, Sink sink) {
        int top = layout.laneTop(lane);
        int height = layout.laneHeight() - 1;
        boolean faded = selectedWorker >= 0 && selectedWorker != lane;
        int handoffKey = LaneTimeIndex.kindKey(EventKind.HANDOFF);
        int dropKey = LaneTimeIndex.kindKey(EventKind.DROP_REQUEST);
        int markerHeight = height >= 8 ? 3 : height >= 5 ? 2 : 0;
        for (int x = 0; x < width; x++) {
            int base = x * keys;
            double columnNanos = Math.max(1, boundaries[x + 1] - boundaries[x]);
            double filled = 0;
            int y = top;
            for (int s = 0; s < LaneTimeIndex.STATE_KEYS; s++) {
                long nanos = columns[base + s];
                if (nanos == 0) continue;
                filled += nanos;
                int yEnd = top + (int) Math.round(Math.min(1, filled / columnNanos) * height);
                int colour = palette.stateColours()[s];
                if (faded) colour = Palette.blend(colour, palette.background(), 0.75);
                if (yEnd > y) sink.span(x, y, yEnd, colour, false);
                y = Math.max(y, yEnd);
            }
            if (markerHeight > 0 && filled > 0) {
                if (columns[base + handoffKey] > 0) sink.span(x, top, top + markerHeight, palette.handoff(), false);
                if (columns[base + dropKey] > 0) {
                    sink.span(x, top + height - markerHeight, top + height, palette.dropRequest(), false);
                }
            }
        }
    }

    /**
     * Where a lane ran out of recording room before the run's end, a dotted line along its middle, so that
     * the blank after it is not read as a thread that finished or sat idle.
     */
    private static void paintNotRecorded(long recordedUntil, long drawnUntil, long from, long to, int width, RowLayout layout,
                                         int lane, Palette palette, Sink sink) {
        if (recordedUntil >= drawnUntil || to <= from) return;
        int x0 = (int) Math.max(0, Math.floor((double) (recordedUntil - from) / (to - from) * width));
        int x1 = (int) Math.min(width, Math.ceil((double) (drawnUntil - from) / (to - from) * width));
        int middle = layout.laneTop(lane) + (layout.laneHeight() - 1) / 2;
        for (int x = x0; x < x1; x++) {
            if (x / 3 % 2 == 0) sink.span(x, middle, middle + 1, palette.mutedText(), false);
        }
    }

    private void paintCoreLane(ModeRow row, int lanes, int core, int width, RowLayout layout, Palette palette,
                               int selectedWorker, Sink sink) {
        int bottom = layout.coreTop(core) + layout.coreHeight() - 2; // last pixel row of the lane
        int height = layout.coreHeight() - 1;
        int runKey = LaneTimeIndex.coreKey(core, false);
        int overheadKey = LaneTimeIndex.coreKey(core, true);
        // Per lane, once: its number of keys (0 if never on this core), its colour and its striped colour.
        int[] keys = new int[lanes];
        int[] solid = new int[lanes];
        for (int l = 0; l < lanes; l++) {
            int k = row.indices().get(l).keyCount();
            keys[l] = overheadKey < k ? k : 0;
            int colour = palette.worker(l);
            if (selectedWorker >= 0 && selectedWorker != l) colour = Palette.blend(colour, palette.background(), 0.75);
            solid[l] = colour;
        }
        for (int x = 0; x < width; x++) {
            double columnNanos = Math.max(1, boundaries[x + 1] - boundaries[x]);
            double busy = 0;
            for (int l = 0; l < lanes; l++) {
                if (keys[l] == 0) continue;
                long[] columns = columnsPerLane.get(l);
                busy += columns[x * keys[l] + runKey] + columns[x * keys[l] + overheadKey];
            }
            if (busy == 0) continue;
            // Cores are sampled: two workers can claim one core for a moment. Then shares are scaled down.
            double scale = Math.min(1, columnNanos / busy);
            double stacked = 0;
            int y = bottom;
            for (int pass = 0; pass < 2; pass++) { // computing first, then overhead (striped)
                boolean overhead = pass == 1;
                for (int l = 0; l < lanes; l++) {
                    if (keys[l] == 0) continue;
                    long nanos = columnsPerLane.get(l)[x * keys[l] + (overhead ? overheadKey : runKey)];
                    if (nanos == 0) continue;
                    stacked += nanos * scale;
                    int yEnd = bottom - (int) Math.round(Math.min(1, stacked / columnNanos) * height);
                    if (yEnd < y) sink.span(x, yEnd + 1, y + 1, solid[l], overhead);
                    y = Math.min(y, yEnd);
                }
            }
        }
    }

    /** Pixels in an ARGB array: stripes are every other pair of diagonals, faded towards the lane's background. */
    static final class PixelSink implements Sink {
        private final int[] pixels;
        private final int width;
        private final int stripeTowards;
        private int lastColour;
        private int lastPale;

        PixelSink(int[] pixels, int width, int stripeTowards) {
            this.pixels = pixels;
            this.width = width;
            this.stripeTowards = stripeTowards;
        }

        @Override
        public void span(int x, int top, int bottom, int colour, boolean striped) {
            int pale = colour;
            if (striped) {
                if (colour != lastColour) {
                    lastColour = colour;
                    lastPale = Palette.blend(colour, stripeTowards, 0.7);
                }
                pale = lastPale;
            }
            for (int y = top; y < bottom; y++) pixels[y * width + x] = striped && ((x + y) & 3) >= 2 ? pale : colour;
        }

        @Override
        public void rect(int x, int y, int w, int h, int colour) {
            for (int row = y; row < y + h; row++) Arrays.fill(pixels, row * width + x, row * width + x + w, colour);
        }
    }
}
