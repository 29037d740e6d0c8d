package dev.gilscope.ui;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.ModeTrace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lock's hand-offs and drop requests as moments of the replay: find the next one after the clock
 * (step through a run one switch at a time) or the latest one before it, and say in words what happened
 * ("T2 asked T1 to drop the lock after waiting 5.0 ms"). Times are from each mode's start, the board's
 * shared axis.
 */
final class Moments {

    /** One event worth a callout: in which row, when, and what it means. */
    record Moment(ModeRow row, long atNanos, EventKind kind, String callout) {}

    private Moments() {}

    /** The first hand-off or drop request ({@code kind}) strictly after {@code afterNanos}, in any row. */
    static Optional<Moment> next(List<ModeRow> rows, long afterNanos, EventKind kind) {
        Moment best = null;
        for (ModeRow row : rows) {
            ModeTrace.Snapshot snapshot = row.snapshot();
            if (snapshot == null) continue;
            for (int lane = 0; lane < row.laneCount(); lane++) {
                LaneBuffer buffer = row.lane(lane).buffer();
                int count = snapshot.eventCount(lane);
                for (int i = firstAfter(buffer, count, row.originNanos() + afterNanos); i < count; i++) {
                    if (buffer.kind(i) != kind) continue;
                    long at = buffer.timeNanos(i) - row.originNanos();
                    if (best == null || at < best.atNanos()) best = moment(row, lane, i, at);
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The latest hand-off or drop request at or before {@code untilNanos} and not older than {@code withinNanos}. */
    static Optional<Moment> latest(List<ModeRow> rows, long untilNanos, long withinNanos) {
        Moment best = null;
        for (ModeRow row : rows) {
            ModeTrace.Snapshot snapshot = row.snapshot();
            if (snapshot == null) continue;
            for (int lane = 0; lane < row.laneCount(); lane++) {
                LaneBuffer buffer = row.lane(lane).buffer();
                int end = firstAfter(buffer, snapshot.eventCount(lane), row.originNanos() + untilNanos);
                long oldest = row.originNanos() + untilNanos - withinNanos;
                for (int i = end - 1; i >= 0 && buffer.timeNanos(i) >= oldest; i--) {
                    EventKind k = buffer.kind(i);
                    if (k != EventKind.HANDOFF && k != EventKind.DROP_REQUEST) continue;
                    long at = buffer.timeNanos(i) - row.originNanos();
                    if (best == null || at > best.atNanos()) best = moment(row, lane, i, at);
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Index of the first event later than {@code nanos} (events of a lane are in time order). */
    private static int firstAfter(LaneBuffer buffer, int count, long nanos) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (buffer.timeNanos(mid) <= nanos) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static Moment moment(ModeRow row, int lane, int index, long at) {
        LaneBuffer buffer = row.lane(lane).buffer();
        EventKind kind = buffer.kind(index);
        String who = row.lane(lane).name();
        String other = laneName(row, buffer.aux(index));
        String what = switch (kind) {
            case DROP_REQUEST -> String.format(Locale.ROOT, "%s asked %s to drop the lock after waiting %s", who, other,
                    Durations.format(buffer.timeNanos(index) - buffer.arg(index)));
            case HANDOFF -> who + " took the lock from " + other + (buffer.arg(index) >= 0
                    ? ", running " + Durations.format(buffer.arg(index)) + " after " + other + " dropped it" : "");
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
        return new Moment(row, at, kind, row.mode().cliName() + " at " + Durations.moment(at) + ": " + what);
    }

    private static String laneName(ModeRow row, int index) {
        return index >= 0 && index < row.laneCount() ? row.lane(index).name() : "another thread";
    }
}
