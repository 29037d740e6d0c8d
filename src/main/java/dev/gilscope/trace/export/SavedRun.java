package dev.gilscope.trace.export;

import dev.gilscope.trace.ModeTrace;
import java.util.List;

/**
 * A run read back from a file: its description and one finished {@link ModeTrace} per mode, in the
 * order the modes ran, with the lanes, events and totals that were saved.
 */
public record SavedRun(RunInfo info, List<ModeTrace> modes) {

    public SavedRun {
        modes = List.copyOf(modes);
    }
}
