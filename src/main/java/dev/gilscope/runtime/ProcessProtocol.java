package dev.gilscope.runtime;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The messages between gilscope and its worker processes, over the child's stdin (parent → child) and
 * stdout (child → parent). Each message is a one-byte tag and its fields written with
 * {@link DataOutputStream}; task values are {@link TaskCodec} bytes.
 *
 * <pre>
 * parent → child   INIT      workload, tasks, size, chunkSize, lock settings, cores, recording, worker name
 * child → parent   READY     the id of the child thread that computes, child nanoTime (clock check)
 * parent → child   CHUNK     count, then (task index, input bytes) × count
 * child → parent   RESULTS   count, then (task index, result bytes) × count, then the lane events since the last batch
 *                            (each batch ends with the events dropped so far and when the first was)
 * parent → child   SHUTDOWN
 * child → parent   BYE       the last lane events, worker CPU time, ns per lane state, tasks run,
 *                            CPU time of the whole process
 * child → parent   FAILED    message (the child exits after sending it)
 * </pre>
 * A child also exits when its stdin ends or its parent process is gone: it never outlives gilscope.
 */
final class ProcessProtocol {

    static final byte INIT = 1;
    static final byte READY = 2;
    static final byte CHUNK = 3;
    static final byte RESULTS = 4;
    static final byte SHUTDOWN = 5;
    static final byte BYE = 6;
    static final byte FAILED = 7;

    private ProcessProtocol() {}

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 30)) throw new IOException("bad frame length " + length);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Writes events {@code from} (inclusive) to {@code to} (exclusive) of a lane. */
    static void writeEvents(DataOutputStream out, LaneBuffer buffer, int from, int to) throws IOException {
        out.writeInt(to - from);
        for (int i = from; i < to; i++) {
            out.writeLong(buffer.timeNanos(i));
            out.writeByte(buffer.kind(i).ordinal());
            out.writeInt(buffer.core(i));
            out.writeInt(buffer.aux(i));
            out.writeLong(buffer.arg(i));
        }
        // what did not fit in the worker's share of the cap, so the parent's lane can say where it stops
        out.writeLong(buffer.droppedEvents());
        out.writeLong(buffer.recordedUntilNanos());
    }

    /** Reads a batch written by {@link #writeEvents} and appends it to {@code into}. */
    static void readEvents(DataInputStream in, LaneBuffer into) throws IOException {
        int count = in.readInt();
        if (count < 0) throw new IOException("bad event count " + count);
        for (int i = 0; i < count; i++) {
            long time = in.readLong();
            EventKind kind = EventKind.ofOrdinal(in.readByte());
            int core = in.readInt();
            int aux = in.readInt();
            long arg = in.readLong();
            into.add(time, kind, core, aux, arg);
        }
        into.noteDroppedElsewhere(in.readLong(), in.readLong());
    }

    static void writeLock(DataOutputStream out, LockSettings lock) throws IOException {
        out.writeByte(lock.algorithm().ordinal());
        out.writeLong(lock.intervalNanos());
        out.writeBoolean(lock.forcedSwitching());
        out.writeInt(lock.legacyTicks());
        out.writeByte(lock.checkpoints().ordinal());
    }

    static LockSettings readLock(DataInputStream in) throws IOException {
        return new LockSettings(LockSettings.Algorithm.values()[in.readByte()], in.readLong(), in.readBoolean(),
                in.readInt(), LockSettings.CheckpointPlacement.values()[in.readByte()]);
    }

    /** The cores a worker may run on ({@code --cores}), or null for all. */
    static void writeCores(DataOutputStream out, java.util.BitSet cores) throws IOException {
        long[] words = cores == null ? null : cores.toLongArray();
        out.writeInt(words == null ? -1 : words.length);
        if (words != null) for (long w : words) out.writeLong(w);
    }

    static java.util.BitSet readCores(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) return null;
        if (count > 1024) throw new IOException("bad core set of " + count + " words");
        long[] words = new long[count];
        for (int i = 0; i < count; i++) words[i] = in.readLong();
        return java.util.BitSet.valueOf(words);
    }

    static void writeStateNanos(DataOutputStream out, long[] nanosByState) throws IOException {
        for (long nanos : nanosByState) out.writeLong(nanos);
    }

    static long[] readStateNanos(DataInputStream in) throws IOException {
        long[] nanos = new long[LaneState.values().length];
        for (int i = 0; i < nanos.length; i++) nanos[i] = in.readLong();
        return nanos;
    }
}
