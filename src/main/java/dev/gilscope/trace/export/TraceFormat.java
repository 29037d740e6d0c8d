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

    /** The process of the presenter's notes: above every mode pid, below every "CPU cores" pid. */
    static final int NOTES_PID = CORES_PID_OFFSET;

    /**
     * A PROCESS lane's pid is its mode's pid times this plus the lane's tid: lane P2 (tid 3) of mode
     * pid 2 is pid 20003. Above every mode pid and every "CPU cores" pid, and readable at a glance.
     */
    static final int PROCESS_PID_STRIDE = 10_000;

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

    /** A lane's tid, whatever its kind: within its mode's pid for a thread, within its own pid for a process. */
    static int tid(int laneIndex) {
        return laneIndex + 1;
    }

    /** The pid a lane's events are written under: its mode's for a thread, one of its own for a process. */
    static int lanePid(int modePid, Lane.Kind kind, int laneIndex) {
        if (kind == Lane.Kind.THREAD) return modePid;
        int tid = tid(laneIndex);
        if (tid >= PROCESS_PID_STRIDE || modePid >= CORES_PID_OFFSET) {
            throw new IllegalArgumentException("no pid for process lane " + laneIndex + " of mode pid " + modePid
                    + ": a trace holds at most " + (CORES_PID_OFFSET - 1) + " modes of "
                    + (PROCESS_PID_STRIDE - 1) + " lanes");
        }
        return modePid * PROCESS_PID_STRIDE + tid;
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
