package dev.gilscope.cli.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The parts of {@code gilscope bench} that {@code --only} can pick. */
public enum Section {
    /** Per-event recording cost, and whole runs with recording on vs off. */
    RECORDING,
    /** Lock hand-off latency of two CPU-bound threads. */
    HANDOFF,
    /** gilscope's figures next to CPython's, one row per lesson. */
    FIDELITY,
    /** The processes mode: per-task round trip, worker start-up, and the process lessons next to CPython's. */
    PROCESSES,
    /**
     * The board: frame time for a very large recording, and UI-thread stalls during a live run. After the
     * runs that are timed: its window lowers the JIT compiler's priority for the rest of the process, as
     * the window does.
     */
    DRAWING,
    /** 64 workers for a minute in every mode on a live board: memory, dropped events, UI stalls. Last and longest. */
    LOAD;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "recording,handoff" → those sections; null or blank → all of them. */
    public static Set<Section> parse(String list) {
        if (list == null || list.isBlank()) return EnumSet.allOf(Section.class);
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (String part : list.split(",", -1)) {
            String name = part.trim();
            Section section = Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--only: unknown section '" + name + "'; choose from " + names()));
            chosen.add(section);
        }
        return chosen;
    }

    public static String names() {
        return Arrays.stream(values()).map(Section::cliName).collect(Collectors.joining(", "));
    }
}
