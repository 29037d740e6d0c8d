package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunRequest.Field;
import dev.gilscope.trace.EventBudget;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run controls as the user typed them: text fields are kept as text, so a half-typed value is
 * never lost, and {@link #check()} says which field is wrong and what it accepts. Blank numbers mean
 * the workload's default.
 */
public final class RunForm {

    /** The outcome of a check: a runnable request, or a problem per wrong field (never both). */
    public record Check(RunRequest.Checked request, Map<Field, String> problems) {
        public boolean ok() {
            return request != null;
        }

        /** All problems as one message for the status line. */
        public String message() {
            return String.join("; ", problems.values());
        }
    }

    private static final Map<Field, String> LABELS = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.WORKLOAD, "Workload"), Map.entry(Field.MODES, "Modes"), Map.entry(Field.WORKERS, "Workers"),
            Map.entry(Field.TASKS, "Tasks"), Map.entry(Field.SIZE, "Size"), Map.entry(Field.CHUNK_SIZE, "Chunk size"),
            Map.entry(Field.SWITCH_INTERVAL, "Switch interval (ms)"), Map.entry(Field.GIL, "Lock"),
            Map.entry(Field.LEGACY_TICKS, "Legacy ticks"), Map.entry(Field.CHECKPOINTS, "Check points"),
            Map.entry(Field.CORES, "Cores"), Map.entry(Field.POOL, "Pool"), Map.entry(Field.MAX_EVENTS, "Event cap"),
            Map.entry(Field.PYTHON, "Python"), Map.entry(Field.CPYTHON_AS, "Python runs tasks in")));

    public String workload = "count-primes";
    public String tasks = "";
    public String size = "";
    public String chunkSize = "";
    public String workers = "2";
    public String switchIntervalMs = "5";
    public String gil = "new";
    public String legacyTicks = "100";
    public boolean forcedSwitching = true;
    public String checkpoints = "back-edges";
    public String cores = "";
    public String pool = "cold";
    /** The cpython mode's interpreter: a path, or blank for the one it finds. */
    public String python = "";
    public String cpythonAs = "threads";
    public Set<Mode> modes = EnumSet.copyOf(Mode.emulatedModes());

    public static String label(Field field) {
        return LABELS.get(field);
    }

    /** Checks the form for the modes it names. */
    public Check check() {
        return check(modes);
    }

    /** Checks the form as if only {@code chosen} were ticked (Run one). */
    public Check check(Set<Mode> chosen) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        Integer nTasks = whole(Field.TASKS, tasks, problems);
        Long nSize = wholeLong(Field.SIZE, size, problems);
        Integer nChunk = whole(Field.CHUNK_SIZE, chunkSize, problems);
        Integer nWorkers = whole(Field.WORKERS, workers, problems);
        Integer nTicks = whole(Field.LEGACY_TICKS, legacyTicks, problems);
        Double interval = decimal(Field.SWITCH_INTERVAL, switchIntervalMs, problems);
        if (chosen.isEmpty()) problems.put(Field.MODES, label(Field.MODES) + ": tick at least one mode to run");
        if (!problems.isEmpty()) return new Check(null, problems);
        String modeList = chosen.stream().sorted().map(Mode::cliName).collect(Collectors.joining(","));
        RunRequest request = new RunRequest(workload, modeList, nWorkers, nTasks, nSize, nChunk, interval, gil, nTicks,
                forcedSwitching, checkpoints, cores.isBlank() ? null : cores.trim(), pool, EventBudget.DEFAULT_MAX_EVENTS,
                python.isBlank() ? null : python.trim(), cpythonAs);
        try {
            return new Check(request.check(), Map.of());
        } catch (RunRequest.InvalidException e) {
            return new Check(null, Map.of(e.field(), label(e.field()) + ": " + e.problem()));
        } catch (IllegalArgumentException e) {
            return new Check(null, Map.of(Field.WORKLOAD, e.getMessage()));
        }
    }

    private static Integer whole(Field field, String text, Map<Field, String> problems) {
        Long value = wholeLong(field, text, problems);
        if (value == null) return null;
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problems.put(field, label(field) + ": " + text.trim() + " is too large");
            return null;
        }
        return value.intValue();
    }

    private static Long wholeLong(Field field, String text, Map<Field, String> problems) {
        String t = text == null ? "" : text.trim().replace("_", "").replace(",", "");
        if (t.isEmpty()) return null;
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            problems.put(field, label(field) + ": '" + text.trim() + "' is not a whole number; leave it empty for the default");
            return null;
        }
    }

    private static Double decimal(Field field, String text, Map<Field, String> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return null;
        try {
            double value = Double.parseDouble(t);
            if (Double.isNaN(value) || Double.isInfinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, label(field) + ": '" + t + "' is not a number; e.g. 5 or 0.5");
            return null;
        }
    }

    /** The choices of the lock's algorithm, check points and pool, for the drop-downs. */
    public static List<String> gilChoices() {
        return List.of("new", "legacy");
    }

    public static List<String> checkpointChoices() {
        return List.of("back-edges", "every-step");
    }

    public static List<String> cpythonStyles() {
        return java.util.Arrays.stream(dev.gilscope.runtime.CPythonSettings.Style.values())
                .map(dev.gilscope.runtime.CPythonSettings.Style::cliName).toList();
    }

    public static List<String> poolChoices() {
        return List.of("cold", "warm");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s tasks=%s size=%s chunk=%s workers=%s", workload, tasks, size, chunkSize, workers);
    }
}
