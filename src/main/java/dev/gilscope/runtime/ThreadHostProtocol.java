package dev.gilscope.runtime;

import dev.gilscope.trace.LockCounters;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The messages between gilscope and the JVM that runs its thread modes ({@link ThreadHost}), over the
 * host's stdin (gilscope → host) and stdout (host → gilscope): a one-byte tag and its fields, written
 * with {@link DataOutputStream}. Lane events travel as {@link ProcessProtocol#writeEvents} batches.
 *
 * <pre>
 * host → gilscope   HELLO     the protocol's version, once the host is up
 * gilscope → host   RUN       mode, workload, its parameters and the run's settings
 * gilscope → host   CANCEL    reason
 * host → gilscope   STARTED   the mode's zero on the time axis (on Linux both read CLOCK_MONOTONIC)
 * host → gilscope   LANE      index, name: a worker thread was added
 * host → gilscope   EVENTS    lane index, the lane's events since its last batch
 * host → gilscope   FINISHED  the mode's end, wall and CPU time, failure, checked answer, lock counters, lane totals
 * host → gilscope   FAILED    message (the host exits after sending it)
 * </pre>
 * The host exits when its stdin ends or gilscope's process is gone: it never outlives gilscope.
 */
final class ThreadHostProtocol {

    /** Changes whenever a message does: a host from another build of gilscope is not spoken to. */
    static final int VERSION = 1;

    static final byte HELLO = 9;
    static final byte RUN = 1;
    static final byte CANCEL = 2;
    static final byte STARTED = 10;
    static final byte LANE = 11;
    static final byte EVENTS = 12;
    static final byte FINISHED = 13;
    static final byte FAILED = 14;

    private ThreadHostProtocol() {}

    /** What the host is asked to run: one thread mode of one workload. */
    record Order(Mode mode, String workload, WorkloadParams params, RunSettings settings) {}

    static void writeOrder(DataOutputStream out, Order order) throws IOException {
        out.writeByte(RUN);
        writeText(out, order.mode().cliName());
        writeText(out, order.workload());
        out.writeInt(order.params().tasks());
        out.writeLong(order.params().size());
        out.writeInt(order.params().chunkSize());
        RunSettings s = order.settings();
        out.writeInt(s.workers());
        ProcessProtocol.writeLock(out, s.lock());
        ProcessProtocol.writeCores(out, s.cores());
        out.writeBoolean(s.recording());
        out.writeLong(s.maxEvents());
        out.writeInt(s.workerNice());
    }

    /** Reads the fields of a RUN message (its tag already read). */
    static Order readOrder(DataInputStream in) throws IOException {
        String modeName = readText(in);
        Mode mode = Mode.byName(modeName).filter(Mode::runsInThreads)
                .orElseThrow(() -> new IOException("not a thread mode: " + modeName));
        String workload = readText(in);
        WorkloadParams params = new WorkloadParams(in.readInt(), in.readLong(), in.readInt());
        int workers = in.readInt();
        LockSettings lock = ProcessProtocol.readLock(in);
        BitSet cores = ProcessProtocol.readCores(in);
        boolean recording = in.readBoolean();
        long maxEvents = in.readLong();
        int nice = in.readInt();
        RunSettings settings = new RunSettings(workers, lock, cores, recording, maxEvents, RunSettings.Pool.COLD, nice,
                CPythonSettings.DEFAULT, false);
        return new Order(mode, workload, params, settings);
    }

    /**
     * A lane's exact totals, kept by its thread in the host.
     *
     * @param nanosByState time in each {@link dev.gilscope.trace.LaneState}, by ordinal
     */
    record LaneFigures(long nativeThreadId, long cpuNanos, long[] nanosByState, int tasksRun) {}

    /** How the mode ended, as FINISHED carries it. */
    record Finished(long endNanos, long wallNanos, long cpuNanos, String failure, Outcome outcome, boolean lockEnabled,
                    LockCounters counters, List<LaneFigures> lanes) {}

    static void writeFinished(DataOutputStream out, Finished f) throws IOException {
        out.writeByte(FINISHED);
        out.writeLong(f.endNanos());
        out.writeLong(f.wallNanos());
        out.writeLong(f.cpuNanos());
        writeOptionalText(out, f.failure());
        writeOutcome(out, f.outcome());
        out.writeBoolean(f.lockEnabled());
        LockCounters c = f.counters();
        for (long v : new long[] {c.handoffs(), c.releases(), c.dropRequests(), c.forcedSwitches(), c.futileWakeups()}) {
            out.writeLong(v);
        }
        out.writeInt(f.lanes().size());
        for (LaneFigures lane : f.lanes()) {
            out.writeLong(lane.nativeThreadId());
            out.writeLong(lane.cpuNanos());
            ProcessProtocol.writeStateNanos(out, lane.nanosByState());
            out.writeInt(lane.tasksRun());
        }
    }

    /** Reads the fields of a FINISHED message (its tag already read). */
    static Finished readFinished(DataInputStream in) throws IOException {
        long end = in.readLong();
        long wall = in.readLong();
        long cpu = in.readLong();
        String failure = readOptionalText(in);
        Outcome outcome = readOutcome(in);
        boolean lockEnabled = in.readBoolean();
        LockCounters counters = new LockCounters(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        int laneCount = in.readInt();
        if (laneCount < 0 || laneCount > RunSettings.MAX_WORKERS + 16) throw new IOException("bad lane count " + laneCount);
        List<LaneFigures> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new LaneFigures(in.readLong(), in.readLong(), ProcessProtocol.readStateNanos(in), in.readInt()));
        }
        return new Finished(end, wall, cpu, failure, outcome, lockEnabled, counters, lanes);
    }

    private static void writeOutcome(DataOutputStream out, Outcome o) throws IOException {
        out.writeBoolean(o != null);
        if (o == null) return;
        out.writeBoolean(o.resultOk());
        writeOptionalText(out, o.answer());
        writeOptionalText(out, o.message());
        out.writeBoolean(o.lostUpdates() != null);
        if (o.lostUpdates() != null) out.writeLong(o.lostUpdates());
        Outcome.LatencySummary latency = o.ioLatency();
        out.writeBoolean(latency != null);
        if (latency == null) return;
        out.writeInt(latency.samples());
        for (double v : new double[] {latency.p50Millis(), latency.p90Millis(), latency.p99Millis(), latency.maxMillis()}) {
            out.writeDouble(v);
        }
        out.writeInt(latency.histogram().size());
        for (int count : latency.histogram()) out.writeInt(count);
    }

    private static Outcome readOutcome(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        boolean ok = in.readBoolean();
        String answer = readOptionalText(in);
        String message = readOptionalText(in);
        Long lostUpdates = in.readBoolean() ? in.readLong() : null;
        Outcome.LatencySummary latency = null;
        if (in.readBoolean()) {
            int samples = in.readInt();
            double p50 = in.readDouble(), p90 = in.readDouble(), p99 = in.readDouble(), max = in.readDouble();
            int bins = in.readInt();
            if (bins < 0 || bins > 64) throw new IOException("bad histogram size " + bins);
            List<Integer> histogram = new ArrayList<>();
            for (int i = 0; i < bins; i++) histogram.add(in.readInt());
            latency = new Outcome.LatencySummary(samples, p50, p90, p99, max, List.copyOf(histogram));
        }
        return new Outcome(ok, answer, message, lostUpdates, latency);
    }

    /** Text of any length (writeUTF stops at 64 KiB). */
    static void writeText(DataOutputStream out, String text) throws IOException {
        ProcessProtocol.writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInputStream in) throws IOException {
        return new String(ProcessProtocol.readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeOptionalText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) writeText(out, text);
    }

    private static String readOptionalText(DataInputStream in) throws IOException {
        return in.readBoolean() ? readText(in) : null;
    }
}
