package dev.gilscope.trace.export;

import dev.gilscope.trace.Note;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a saved run says about itself besides its lanes: filled by whoever saves the run (the command
 * line, the board), read back by {@link TraceReader}. Insertion order of the maps is kept.
 *
 * @param workload the workload's name, e.g. "count-primes"
 * @param parameters workload parameters and run settings as the user would type them, e.g. "workers" → "4"
 * @param cores logical cores of the machine the run was recorded on
 * @param summaries per mode name, the figures shown beside the board (wall time, speed-up, lock
 *     counters…). Values may be null, strings, booleans, numbers, or nested maps and lists of them; other
 *     objects are saved as their {@code toString()}. Read back, whole numbers come as {@link Long} and
 *     other numbers as {@link Double}.
 * @param notes the presenter's notes pinned to moments of the run, in time order
 */
public record RunInfo(String workload, Map<String, String> parameters, int cores,
                      Map<String, Map<String, Object>> summaries, List<Note> notes) {

    public RunInfo {
        workload = workload == null ? "" : workload;
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        if (summaries != null) {
            summaries.forEach((mode, figures) -> copy.put(mode,
                    figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures))));
        }
        summaries = Collections.unmodifiableMap(copy);
        notes = notes == null ? List.of() : notes.stream().sorted(Comparator.comparingLong(Note::atNanos)).toList();
    }

    public RunInfo(String workload, Map<String, String> parameters, int cores,
                   Map<String, Map<String, Object>> summaries) {
        this(workload, parameters, cores, summaries, List.of());
    }

    public RunInfo(String workload, Map<String, String> parameters, int cores) {
        this(workload, parameters, cores, Map.of());
    }

    /** The same run with these notes pinned to it. */
    public RunInfo withNotes(List<Note> pinned) {
        return new RunInfo(workload, parameters, cores, summaries, pinned);
    }

    /** The figures saved for one mode; empty when there are none. */
    public Map<String, Object> summary(String mode) {
        return summaries.getOrDefault(mode, Map.of());
    }
}
