package dev.gilscope.trace;

import java.util.Locale;

/**
 * What a mode says when its recording ran out of room (the run's event cap, {@link EventBudget}): how
 * many events were not kept and from when. The run itself goes on and its totals stay right; only the
 * lanes stop being drawn where each ran out, and this says why.
 */
public final class RecordingFull {

    private RecordingFull() {}

    /**
     * "" when nothing was dropped; otherwise one line, e.g. "recording full at 41.2 s: 1,234,567 events not
     * kept". Worker processes report their drops only when they finish, so
     * for them the line comes at the end of the mode, without the moment.
     */
    public static String describe(ModeTrace trace) {
        long dropped = trace.droppedEvents();
        if (dropped == 0) return "";
        long firstDropped = Long.MAX_VALUE;
        for (Lane lane : trace.lanes()) firstDropped = Math.min(firstDropped, lane.buffer().recordedUntilNanos());
        // Worker processes drop in their own buffers and send only the count: then the moment is not known.
        String at = firstDropped == Long.MAX_VALUE || trace.startNanos() == 0 ? ""
                : String.format(Locale.ROOT, " at %.1f s", Math.max(0, firstDropped - trace.startNanos()) / 1e9);
        return String.format(Locale.ROOT, "recording full%s: %,d events not kept", at, dropped);
    }
}
