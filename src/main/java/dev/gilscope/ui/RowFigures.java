package dev.gilscope.ui;

import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.trace.RecordingFull;
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

    /** The figures of a row as named values: those of its result, or those saved with it (empty before either). */
    public static Map<String, Object> values(ModeRow row) {
        if (row.savedFigures() != null) return row.savedFigures();
        return row.result() == null ? Map.of() : ResultFigures.of(row.result(), null);
    }

    public static RowFigures of(ModeRow row, Optional<Double> speedup) {
        Map<String, Object> f = values(row);
        String full = row.trace() == null ? "" : RecordingFull.describe(row.trace());
        if (!full.isEmpty()) full += "; lanes end where they ran out";
        if (f.isEmpty()) return new RowFigures(row.live() ? Durations.format(row.durationNanos()) : "", full, "");
        String times = speedup.map(s -> String.format(Locale.ROOT, "   %.2f×", s)).orElse("");
        String wall = String.format(Locale.ROOT, "%.3f s%s", number(f, "wallSeconds"), times);
        String lock;
        if (f.get("interpreter") instanceof String interpreter) {
            // A real interpreter: say which, how it ran, and that its lock is inferred from samples.
            String figures = f.get("handoffs") instanceof Number handoffs
                    ? String.format(Locale.ROOT, "%,d hand-offs · %.0f%% waiting (inferred)", handoffs.longValue(),
                            100 * number(f, "lockWaitFraction"))
                    : String.format(Locale.ROOT, "CPU %.2f s", number(f, "cpuSeconds"));
            lock = String.format(Locale.ROOT, "%s · %s%n%s%nsampled every %.0f ms (%.1f%% of a core)", interpreter,
                    f.get("cpythonAs"), figures, number(f, "samplePeriodMillis"), 100 * number(f, "samplerShareOfCore"));
        } else if (f.get("spawnSeconds") instanceof Number spawn) {
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
        if (!full.isEmpty()) lock += System.lineSeparator() + full;
        String failure = f.get("failure") instanceof String why ? why
                : Boolean.FALSE.equals(f.get("resultOk")) ? "wrong result" : "";
        return new RowFigures(wall, lock, failure);
    }

    private static double number(Map<String, Object> f, String key) {
        return f.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
