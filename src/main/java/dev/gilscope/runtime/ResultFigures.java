package dev.gilscope.runtime;

import dev.gilscope.runtime.RunRequest.Field;

import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.export.RunInfo;
import dev.gilscope.workload.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures of a comparison as ordered maps: one source for the JSON report and the summaries saved
 * in trace files. Fields that do not apply to a mode are present with a null value.
 */
public final class ResultFigures {

    private ResultFigures() {}

    public static Map<String, Object> parameters(ComparisonResult c) {
        LockSettings lock = c.settings().lock();
        Map<String, Object> m = new LinkedHashMap<>();
        // Named as the command line's options in camel case, so each parameter leads back to its field.
        m.put(Field.TASKS.parameterName(), c.params().tasks());
        m.put(Field.SIZE.parameterName(), c.params().size());
        m.put(Field.CHUNK_SIZE.parameterName(), c.params().chunkSize());
        m.put(Field.WORKERS.parameterName(), c.settings().workers());
        m.put(Field.GIL.parameterName(), lock.algorithm() == LockSettings.Algorithm.LEGACY ? "legacy" : "new");
        m.put(Field.SWITCH_INTERVAL.parameterName(), lock.intervalNanos() / 1e6);
        m.put(RunRequest.parameterName("forced-switching"), lock.forcedSwitching());
        m.put(Field.LEGACY_TICKS.parameterName(), lock.legacyTicks());
        m.put(Field.CHECKPOINTS.parameterName(), lock.checkpoints() == LockSettings.CheckpointPlacement.EVERY_STEP ? "every-step" : "back-edges");
        m.put(Field.CORES.parameterName(), c.settings().cores() == null ? "all" : CoreList.format(c.settings().cores()));
        m.put(Field.POOL.parameterName(), c.settings().pool() == RunSettings.Pool.WARM ? "warm" : "cold");
        return m;
    }

    public static Map<String, Object> of(ComparisonResult c, ModeResult r) {
        return of(r, c.speedup(r));
    }

    /** The figures of one mode; {@code speedup} is null where there is no sequential run to compare with. */
    public static Map<String, Object> of(ModeResult r, Double speedup) {
        Outcome o = r.outcome();
        boolean lock = r.lockEnabled();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", r.mode().cliName());
        m.put("wallSeconds", r.wallSeconds());
        m.put("cpuSeconds", r.cpuSeconds());
        m.put("speedup", speedup);
        m.put("resultOk", r.resultOk());
        m.put("answer", o == null ? null : o.answer());
        m.put("failure", r.failure());
        m.put("handoffs", lock ? r.lock().counters().handoffs() : null);
        m.put("dropRequests", lock ? r.lock().counters().dropRequests() : null);
        m.put("forcedSwitches", lock ? r.lock().counters().forcedSwitches() : null);
        m.put("lockWaitFraction", lock ? r.lock().lockWaitFraction() : null);
        m.put("lostUpdates", o == null ? null : o.lostUpdates());
        if (o == null || o.ioLatency() == null) {
            m.put("ioLatencyMillis", null);
        } else {
            Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", o.ioLatency().p50Millis());
            latency.put("p90", o.ioLatency().p90Millis());
            latency.put("p99", o.ioLatency().p99Millis());
            latency.put("samples", o.ioLatency().samples());
            m.put("ioLatencyMillis", latency);
        }
        ProcessCosts costs = r.processCosts();
        m.put("spawnSeconds", costs == null ? null : costs.spawnNanos() / 1e9);
        m.put("serializeSeconds", costs == null ? null : costs.serializeNanos() / 1e9);
        m.put("bytesTransferred", costs == null ? null : costs.bytesTransferred());
        m.put("clockGapMicros", costs == null ? null : costs.clockGapNanos() / 1e3);
        m.put("workerProcessesCpuSeconds", costs == null ? null : costs.processCpuNanos() / 1e9);
        RealPython python = r.realPython();
        m.put("interpreter", python == null ? null : python.interpreter());
        m.put("interpreterPath", python == null ? null : python.path());
        m.put("cpythonAs", python == null ? null : python.style().cliName());
        m.put("samplePeriodMillis", python == null ? null : python.samplePeriodNanos() / 1e6);
        m.put("samplerShareOfCore", python == null ? null : python.samplerShareOfCore(r.wallNanos()));
        m.put("lockWaitMillis", lock ? distribution(r.lock().waitMicros(), 1e-3) : null);
        m.put("handoffLatencyMicros", lock ? distribution(r.lock().handoffMicros(), 1) : null);
        List<Map<String, Object>> lanes = new ArrayList<>();
        for (LockStatistics.LaneTime t : r.lock().perLane()) {
            Map<String, Object> lane = new LinkedHashMap<>();
            lane.put("lane", t.lane());
            lane.put("tasks", t.tasks());
            lane.put("cpuSeconds", t.cpuNanos() / 1e9);
            lane.put("heldSeconds", lock ? t.heldNanos() / 1e9 : null);
            lane.put("waitedSeconds", lock ? t.waitedNanos() / 1e9 : null);
            lane.put("withoutLockSeconds", t.withoutLockNanos() / 1e9);
            lane.put("ioSeconds", t.ioNanos() / 1e9);
            lanes.add(lane);
        }
        m.put("lanes", lanes);
        m.put("droppedEvents", r.droppedEvents());
        return m;
    }

    /** Percentiles of a distribution kept in microseconds, scaled to the unit of the field name. */
    private static Map<String, Object> distribution(LockStatistics.Distribution d, double scale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", d.p50() * scale);
        m.put("p90", d.p90() * scale);
        m.put("p99", d.p99() * scale);
        m.put("max", d.max() * scale);
        m.put("samples", d.samples());
        return m;
    }

    /** What a saved run says about itself: workload, parameters, the machine's cores and each mode's figures. */
    public static RunInfo runInfo(ComparisonResult result, int cores) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters(result).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
        for (ModeResult r : result.modes()) summaries.put(r.mode().cliName(), of(result, r));
        return new RunInfo(result.workload().name(), parameters, cores, summaries);
    }

    /**
     * Serializing, transferring and deserializing as a share of the worker processes' busy time (those
     * states plus computing), from the lanes' exact totals; empty for a mode without worker processes.
     */
    public static OptionalDouble dataMovingShare(ModeResult r) {
        long moving = 0;
        long busy = 0;
        for (Lane lane : r.trace().lanes()) {
            if (lane.kind() != Lane.Kind.PROCESS) continue;
            for (LaneState s : LaneState.values()) {
                long nanos = lane.totals().nanosIn(s);
                if (s.movesData()) moving += nanos;
                if (s.movesData() || s.isCompute() || s == LaneState.WAITING_FOR_LOCK) busy += nanos;
            }
        }
        return busy == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) moving / busy);
    }
}
