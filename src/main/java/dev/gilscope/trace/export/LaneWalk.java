package dev.gilscope.trace.export;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.Segments;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Walks one lane in recording order: each state as the segment {@link Segments} makes of it (so an
 * export shows exactly what the board shows), and every other event where it was recorded. Keeping the
 * recording order is what lets a saved file be read back into the same buffer, event for event.
 */
final class LaneWalk {

    private LaneWalk() {}

    interface Visitor {
        /** The state entered by the STATE event at {@code index}, from {@code startNanos} to {@code endNanos}. */
        void segment(int index, LaneState state, long startNanos, long endNanos, int core) throws IOException;

        /** A non-STATE event at {@code index}; {@code state} is the lane's state then, or null before the first. */
        void instant(int index, LaneState state) throws IOException;
    }

    static void forEach(LaneBuffer buffer, int count, long endNanos, Visitor visitor) throws IOException {
        int[] next = {0};
        LaneState[] current = {null};
        try {
            Segments.forEach(buffer, count, endNanos, (state, start, end, core) -> {
                // Segments visits the STATE events in order: report what was recorded before this one first.
                try {
                    int i = next[0];
                    while (buffer.kind(i) != EventKind.STATE) visitor.instant(i++, current[0]);
                    visitor.segment(i, state, start, end, core);
                    current[0] = state;
                    next[0] = i + 1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = next[0]; i < count; i++) visitor.instant(i, current[0]);
    }
}
