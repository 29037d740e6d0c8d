package dev.gilscope.trace;

/** Walks a lane's state events as back-to-back segments. */
public final class Segments {

    private Segments() {}

    /** Receives one segment: {@code state} from {@code startNanos} to {@code endNanos}, begun on {@code core}. */
    @FunctionalInterface
    public interface Visitor {
        void segment(LaneState state, long startNanos, long endNanos, int core);
    }

    /**
     * Visits the segments among the first {@code count} events of {@code buffer}; the last one is
     * closed at {@code endNanos} (the end of the run, or "now" for a live run), or where the lane's
     * recording stopped for want of room, whichever is earlier: beyond that nothing is known.
     */
    public static void forEach(LaneBuffer buffer, int count, long endNanos, Visitor visitor) {
        endNanos = Math.min(endNanos, buffer.recordedUntilNanos());
        LaneState state = null;
        long since = 0;
        int core = -1;
        for (int i = 0; i < count; i++) {
            if (buffer.kind(i) != EventKind.STATE) continue;
            long t = buffer.timeNanos(i);
            if (state != null) visitor.segment(state, since, t, core);
            state = LaneState.ofOrdinal(buffer.aux(i));
            since = t;
            core = buffer.core(i);
        }
        if (state != null) visitor.segment(state, since, Math.max(since, endNanos), core);
    }
}
