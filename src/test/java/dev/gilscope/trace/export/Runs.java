package dev.gilscope.trace.export;

import static dev.gilscope.trace.EventKind.CORE;
import static dev.gilscope.trace.EventKind.DROP_REQUEST;
import static dev.gilscope.trace.EventKind.FORCED_SWITCH;
import static dev.gilscope.trace.EventKind.HANDOFF;
import static dev.gilscope.trace.EventKind.LOST_UPDATE;
import static dev.gilscope.trace.EventKind.STATE;
import static dev.gilscope.trace.EventKind.TASK_END;
import static dev.gilscope.trace.EventKind.TASK_START;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small runs built by hand with the real recorder, as the runtime records them. */
final class Runs {

    /** Monotonic clock at the start of the first mode; far from 0 as System.nanoTime() is. */
    static final long T0 = 7_000_000_123_456L;
    /** The second mode starts later on the same clock; exports must still put it at 0. */
    static final long T1 = T0 + 900_000_000L;
    /** The processes mode starts later still. */
    static final long T2 = T1 + 700_000_000L;
    /** Operating-system pids of the worker processes P1 and P2. */
    static final long OS_PID_P1 = 31_001;
    static final long OS_PID_P2 = 31_002;

    private Runs() {}

    /** "sequential" (one lane), then "gil-threads" (T1, T2 and an I/O lane), as a comparison records them. */
    static List<ModeTrace> comparison() {
        return List.of(sequential(), gilThreads());
    }

    /** The comparison, then "processes": three modes, the third with worker processes. */
    static List<ModeTrace> withProcesses() {
        return List.of(sequential(), gilThreads(), processes());
    }

    static ModeTrace sequential() {
        ModeTrace mode = new ModeTrace("sequential", new EventBudget(1 << 16));
        mode.start(T0);
        Lane t1 = mode.addLane("T1");
        LaneBuffer b = t1.buffer();
        state(b, T0 + 100, 3, LaneState.SPAWNING);
        state(b, T0 + 2_345, 3, LaneState.RUNNING_WITH_LOCK);
        b.add(T0 + 2_400, TASK_START, 3, 0, 0);
        b.add(T0 + 30_000, TASK_END, 3, 0, 0);
        state(b, T0 + 30_001, 3, LaneState.IDLE);
        t1.totals().addStateNanos(LaneState.SPAWNING, 2_245);
        t1.totals().addStateNanos(LaneState.RUNNING_WITH_LOCK, 27_656);
        t1.totals().addCpuNanos(27_000);
        t1.totals().setNativeThreadId(4242);
        t1.totals().taskDone();
        mode.finish(T0 + 31_000);
        return mode;
    }

    /**
     * T1 holds the lock on core 0, migrates to core 1, is asked to drop by T2 and waits; T2 waits on
     * core 2 (nobody else there) and takes over; I/O sleeps and counts lost updates.
     */
    static ModeTrace gilThreads() {
        ModeTrace mode = new ModeTrace("gil-threads", new EventBudget(1 << 16));
        mode.start(T1);
        Lane t1 = mode.addLane("T1");
        Lane t2 = mode.addLane("T2");
        Lane io = mode.addLane("I/O");
        LaneBuffer a = t1.buffer();
        state(a, T1 + 50, 0, LaneState.SPAWNING);
        state(a, T1 + 1_001, 0, LaneState.RUNNING_WITH_LOCK);
        a.add(T1 + 1_002, TASK_START, 0, 0, 0);
        a.add(T1 + 8_000, CORE, 1, 0, 0);
        state(a, T1 + 20_400, 1, LaneState.WAITING_FOR_LOCK);
        a.add(T1 + 20_401, FORCED_SWITCH, 1, 0, 0);
        a.add(T1 + 40_000, HANDOFF, 1, 1, 1_234);
        state(a, T1 + 40_010, 1, LaneState.RUNNING_WITH_LOCK);
        a.add(T1 + 45_000, TASK_END, 1, 0, 0);
        state(a, T1 + 48_000, 1, LaneState.IDLE);

        LaneBuffer b = t2.buffer();
        state(b, T1 + 300, 2, LaneState.SPAWNING);
        state(b, T1 + 2_500, 2, LaneState.WAITING_FOR_LOCK);
        b.add(T1 + 12_500, DROP_REQUEST, 2, 0, T1 + 2_500);
        b.add(T1 + 20_600, HANDOFF, 2, 0, 777);
        state(b, T1 + 20_650, 2, LaneState.RUNNING_WITH_LOCK);
        b.add(T1 + 20_700, TASK_START, 2, 0, 1);
        b.add(T1 + 39_000, TASK_END, 2, 0, 1);
        state(b, T1 + 39_990, 2, LaneState.IDLE);

        LaneBuffer c = io.buffer();
        state(c, T1 + 600, -1, LaneState.SPAWNING); // core unknown
        state(c, T1 + 3_000, 3, LaneState.IO_WAIT);
        c.add(T1 + 25_000, HANDOFF, 3, 1, -1); // latency unknown
        state(c, T1 + 25_010, 3, LaneState.RUNNING_WITH_LOCK);
        c.add(T1 + 25_020, LOST_UPDATE, 3, 0, 3);
        state(c, T1 + 26_000, 3, LaneState.IDLE);

        for (Lane lane : List.of(t1, t2, io)) {
            lane.totals().addStateNanos(LaneState.RUNNING_WITH_LOCK, 10_000 + lane.index());
            lane.totals().addStateNanos(LaneState.WAITING_FOR_LOCK, 5_000 + lane.index());
            lane.totals().addCpuNanos(12_345 + lane.index());
            lane.totals().setNativeThreadId(5000 + lane.index());
        }
        t1.totals().taskDone();
        t2.totals().taskDone();
        mode.finish(T1 + 50_000);
        return mode;
    }

    /**
     * As the processes mode records it: the parent's "main" thread dispatches and collects; P1 and P2
     * are worker processes whose SPAWNING the parent recorded and whose other events came from the child.
     */
    static ModeTrace processes() {
        ModeTrace mode = new ModeTrace("processes", new EventBudget(1 << 16));
        mode.start(T2);
        Lane main = mode.addLane("main");
        Lane p1 = mode.addLane("P1", Lane.Kind.PROCESS);
        Lane p2 = mode.addLane("P2", Lane.Kind.PROCESS);
        state(p1.buffer(), T2 + 10, 0, LaneState.SPAWNING);
        state(p2.buffer(), T2 + 20, 0, LaneState.SPAWNING);

        LaneBuffer m = main.buffer();
        state(m, T2 + 30, 0, LaneState.SERIALIZING);
        state(m, T2 + 500, 0, LaneState.TRANSFERRING);
        state(m, T2 + 700, 0, LaneState.IDLE);
        state(m, T2 + 60_000, 1, LaneState.DESERIALIZING);
        state(m, T2 + 61_000, 1, LaneState.IDLE);

        LaneBuffer a = p1.buffer();
        state(a, T2 + 40_000, 2, LaneState.DESERIALIZING);
        state(a, T2 + 40_300, 2, LaneState.RUNNING_WITH_LOCK);
        a.add(T2 + 40_301, TASK_START, 2, 0, 0);
        a.add(T2 + 45_000, CORE, 3, 0, 0);
        a.add(T2 + 55_000, TASK_END, 3, 0, 0);
        state(a, T2 + 55_001, 3, LaneState.SERIALIZING);
        state(a, T2 + 55_400, 3, LaneState.IDLE);

        LaneBuffer b = p2.buffer();
        state(b, T2 + 42_000, 4, LaneState.DESERIALIZING);
        state(b, T2 + 42_250, 4, LaneState.RUNNING_WITH_LOCK);
        b.add(T2 + 42_260, TASK_START, 4, 0, 1);
        b.add(T2 + 57_000, TASK_END, 4, 0, 1);
        state(b, T2 + 57_010, 4, LaneState.IDLE);

        main.totals().setNativeThreadId(4243);
        p1.totals().setNativeThreadId(OS_PID_P1);
        p2.totals().setNativeThreadId(OS_PID_P2);
        for (Lane lane : List.of(p1, p2)) {
            lane.totals().addStateNanos(LaneState.RUNNING_WITH_LOCK, 14_000 + lane.index());
            lane.totals().addCpuNanos(15_000 + lane.index());
            lane.totals().taskDone();
        }
        mode.finish(T2 + 62_000);
        return mode;
    }

    static RunInfo info() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("workers", "2");
        parameters.put("interval", "5 ms");
        Map<String, Object> seq = new LinkedHashMap<>();
        seq.put("wallNanos", 31_000L);
        seq.put("speedup", 1.0);
        Map<String, Object> gil = new LinkedHashMap<>();
        gil.put("wallNanos", 50_000L);
        gil.put("speedup", 0.62);
        gil.put("resultOk", true);
        gil.put("failure", null);
        gil.put("handoffs", 3L);
        Map<String, Object> processes = new LinkedHashMap<>();
        processes.put("wallNanos", 62_000L);
        processes.put("speedup", 0.5);
        return new RunInfo("count-primes", parameters, 8,
                Map.of("sequential", seq, "gil-threads", gil, "processes", processes));
    }

    static void state(LaneBuffer buffer, long nanos, int core, LaneState state) {
        buffer.add(nanos, STATE, core, state.ordinal(), 0);
    }
}
