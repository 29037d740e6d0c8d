package dev.gilscope.trace.export;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import java.util.List;

/** Names and numbers of the saved-trace format, shared by {@link ChromeTraceWriter} and {@link TraceReader}. */
final class TraceFormat {

    private TraceFormat() {}

    static final int VERSION = 1;

    /** A mode's "CPU cores" process is its pid plus this. */
    static final int CORES_PID_OFFSET = 1000;

    // keys of instants' args
    static final String CORE = "core";
    static final String HOLDER = "holder";
    static final String HOLDER_INDEX = "holderIndex";
    static final String WAIT_STARTED_US = "waitStartedUs";
    static final String FROM = "from";
    static final String FROM_INDEX = "fromIndex";
    static final String LATENCY_US = "latencyUs";
    static final String TASK = "task";
    static final String COUNT = "count";

    static int pid(int modeIndex) {
        return modeIndex + 1;
    }

    static int tid(int laneIndex) {
        return laneIndex + 1;
    }

    /** What a timeline viewer shows for an instant. */
    static String instantName(EventKind kind, int core) {
        return switch (kind) {
            case STATE -> throw new IllegalArgumentException("a state is a slice, not an instant");
            case CORE -> "core " + core;
            case DROP_REQUEST -> "drop request";
            case FORCED_SWITCH -> "forced switch";
            case HANDOFF -> "hand-off";
            case TASK_START -> "task start";
            case TASK_END -> "task end";
            case LOST_UPDATE -> "lost update";
        };
    }

    /** A lane's name by index, for an event that names another lane; "?" when unknown. */
    static String laneName(List<Lane> lanes, int index) {
        return index >= 0 && index < lanes.size() ? lanes.get(index).name() : "?";
    }
}
