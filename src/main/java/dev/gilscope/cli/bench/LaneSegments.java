package dev.gilscope.cli.bench;

import dev.gilscope.runtime.ModeResult;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.Segments;
import java.util.ArrayList;
import java.util.List;

/** The recorded lanes of one finished mode, read back as state segments and totals. */
final class LaneSegments {

    /** {@code state} from {@code start} to {@code end} (ns on the shared monotonic clock). */
    record Segment(LaneState state, long start, long end) {
        long nanos() {
            return end - start;
        }
    }

    private LaneSegments() {}

    /** Every state segment of {@code lane}, in order; the last one closed at the end of the run. */
    static List<Segment> of(ModeResult result, Lane lane) {
        List<Segment> segments = new ArrayList<>();
        Segments.forEach(lane.buffer(), lane.buffer().size(), result.trace().endNanos(),
                (state, start, end, core) -> segments.add(new Segment(state, start, end)));
        return segments;
    }

    /** The lane called {@code name}, or null. */
    static Lane lane(ModeResult result, String name) {
        return result.trace().lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** The lanes of worker processes (P1 … PN). */
    static List<Lane> processLanes(ModeResult result) {
        return result.trace().lanes().stream().filter(l -> l.kind() == Lane.Kind.PROCESS).toList();
    }

    /** Exact time (from the lanes' totals, not the possibly capped events) the lanes spent in {@code states}. */
    static long nanosIn(List<Lane> lanes, LaneState... states) {
        long nanos = 0;
        for (Lane lane : lanes) {
            for (LaneState s : states) nanos += lane.totals().nanosIn(s);
        }
        return nanos;
    }
}
