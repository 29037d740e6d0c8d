package dev.gilscope.ui;

import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ProcessCosts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures beside a row, as text: the same for a run just made and a run read back from a file
 * (whose figures come from the file), and the same in the window, in pictures and in SVG.
 *
 * @param wall wall time and speed-up, e.g. "1.932 s   0.98×"
 * @param lock lock figures, or for processes what starting workers and moving data cost (two lines)
 * @param failure why the mode failed, or ""
 */
public record RowFigures(String wall, String lock, String failure) {

    /** The figures of a row as named values: those of its result, or those saved with it. */
    public static Map<String, Object> values(ModeRow row) {
        if (row.savedFigures() != null) return row.savedFigures();
        ModeResult r = row.result();
        Map<String, Object> m = new HashMap<>();
        if (r == null) return m;
        m.put("wallSeconds", r.wallSeconds());
        m.put("cpuSeconds", r.cpuSeconds());
        m.put("resultOk", r.resultOk());
        m.put("failure", r.resultOk() ? null : r.failure() != null ? r.failure() : "wrong result");
        if (r.lockEnabled()) {
            m.put("handoffs", r.lock().counters().handoffs());
            m.put("dropRequests", r.lock().counters().dropRequests());
            m.put("lockWaitFraction", r.lock().lockWaitFraction());
        }
        ProcessCosts costs = r.processCosts();
        if (costs != null) {
            m.put("spawnSeconds", costs.spawnNanos() / 1e9);
            m.put("serializeSeconds", costs.serializeNanos() / 1e9);
            m.put("bytesTransferred", costs.bytesTransferred());
        }
        return m;
    }

    public static RowFigures of(ModeRow row, Optional<Double> speedup) {
        Map<String, Object> f = values(row);
        if (f.isEmpty()) return new RowFigures(row.live() ? Durations.format(row.durationNanos()) : "", "", "");
        String times = speedup.map(s -> String.format(Locale.ROOT, "   %.2f×", s)).orElse("");
        String wall = String.format(Locale.ROOT, "%.3f s%s", number(f, "wallSeconds"), times);
        String lock;
        if (f.get("spawnSeconds") instanceof Number spawn) {
            lock = String.format(Locale.ROOT, "start-up %.2f s%nserialize %.3f s · %,d bytes piped", spawn.doubleValue(),
                    number(f, "serializeSeconds"), (long) number(f, "bytesTransferred"));
        } else if (f.get("handoffs") instanceof Number handoffs) {
            lock = String.format(Locale.ROOT, "%,d hand-offs · %,d drop requests%n%.0f%% of the time waiting for the lock",
                    handoffs.longValue(), (long) number(f, "dropRequests"), 100 * number(f, "lockWaitFraction"));
        } else {
            lock = String.format(Locale.ROOT, "no lock: CPU %.2f s", number(f, "cpuSeconds"));
        }
        if (row.windowCpuNanos() >= 0 && row.savedFigures() == null) {
            lock += String.format(Locale.ROOT, "%nthe window used %.2f CPU s meanwhile", row.windowCpuNanos() / 1e9);
        }
        return new RowFigures(wall, lock, f.get("failure") instanceof String why ? why : "");
    }

    private static double number(Map<String, Object> f, String key) {
        return f.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
