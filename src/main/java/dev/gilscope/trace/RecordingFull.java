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
     * kept". The moment is left out when no lane knows it (a run read back from a file).
     */
    public static String describe(ModeTrace trace) {
        long dropped = trace.droppedEvents();
        if (dropped == 0) return "";
        long firstDropped = Long.MAX_VALUE;
        for (Lane lane : trace.lanes()) firstDropped = Math.min(firstDropped, lane.buffer().recordedUntilNanos());
        // A saved run keeps only the count: then the moment is not known.
        String at = firstDropped == Long.MAX_VALUE || trace.startNanos() == 0 ? ""
                : String.format(Locale.ROOT, " at %.1f s", Math.max(0, firstDropped - trace.startNanos()) / 1e9);
        return String.format(Locale.ROOT, "recording full%s: %,d events not kept", at, dropped);
    }
}
