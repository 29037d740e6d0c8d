package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.WorkloadRun;
import dev.gilscope.workload.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * The main class of a worker process: one interpreter with its own (uncontended) lock, like a
 * {@code multiprocessing} worker. It records its own lane and sends it home with every batch of
 * results; see {@link ProcessProtocol}.
 *
 * <p>It never outlives gilscope: it exits when its stdin ends (gilscope closed the pipe or died) and a
 * watchdog thread exits it when the parent process is gone, even in the middle of a task.
 */
public final class ProcessWorkerMain {

    private static final long PARENT_CHECK_MILLIS = 100;

    private ProcessWorkerMain() {}

    public static void main(String[] args) {
        DataOutputStream out = startAsChild(args);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        try {
            new ProcessWorkerMain().serve(in, out);
            System.exit(0);
        } catch (EOFException parentClosedThePipe) {
            System.exit(0);
        } catch (Throwable t) {
            try {
                out.writeByte(ProcessProtocol.FAILED);
                out.writeUTF(ThreadModeExecutor.describe(t));
                out.flush();
            } catch (IOException ignored) {
                // the parent is gone; nothing left to tell
            }
            System.exit(1);
        }
    }

    /**
     * What every child JVM of gilscope's does first. Its stdout becomes the protocol's stream, and anything
     * printed by mistake goes to stderr instead. The FFM calls start linking on a thread of their own
     * (about 0.1 s the first time, overlapped with the first message). It exits as soon as gilscope's
     * process, {@code args[0]}, is gone. Returns the protocol's output.
     */
    static DataOutputStream startAsChild(String[] args) {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        Thread.ofPlatform().daemon().name("gilscope-probe-init").start(CpuProbe::get);
        watchParent(args.length > 0 ? Long.parseLong(args[0]) : -1);
        return out;
    }

    /** Exits this process (a child of gilscope's) as soon as gilscope's process {@code parentPid} is gone. */
    private static void watchParent(long parentPid) {
        if (parentPid < 0) return;
        Thread.ofPlatform().daemon().name("gilscope-parent-watch").start(() -> {
            while (true) {
                Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
                if (parent.isEmpty() || !parent.get().isAlive()) Runtime.getRuntime().halt(3);
                try {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        if (in.readByte() != ProcessProtocol.INIT) throw new IOException("expected INIT first");
        String workloadName = in.readUTF();
        WorkloadParams params = new WorkloadParams(in.readInt(), in.readLong(), in.readInt());
        LockSettings lock = ProcessProtocol.readLock(in);
        java.util.BitSet cores = ProcessProtocol.readCores(in); // the computing thread keeps to them, as a worker thread does
        boolean recording = in.readBoolean();
        long maxEvents = in.readLong();
        String laneName = in.readUTF();

        Workload workload = Workloads.byName(workloadName)
                .orElseThrow(() -> new IllegalArgumentException("unknown workload " + workloadName));
        WorkloadRun run = workload.prepareWorker(params);
        Lane lane = new Lane(0, laneName, new EventBudget(maxEvents));
        LaneBuffer events = lane.buffer();
        ThreadState py = new ThreadState(new Gil(lock, true), lane, CpuProbe.get(), cores, recording);
        py.begin();

        out.writeByte(ProcessProtocol.READY);
        out.writeLong(CpuProbe.get().nativeThreadId()); // this thread computes every task: the parent watches it
        out.writeLong(System.nanoTime());
        out.flush();
        int sent = 0;
        py.enterPhase(LaneState.IDLE);
        while (true) {
            byte tag = in.readByte();
            if (tag == ProcessProtocol.SHUTDOWN) {
                py.end();
                out.writeByte(ProcessProtocol.BYE);
                ProcessProtocol.writeEvents(out, events, sent, events.size());
                out.writeLong(lane.totals().cpuNanos());
                ProcessProtocol.writeStateNanos(out, py.nanosByState());
                out.writeInt(lane.totals().tasksRun());
                // the whole process, JIT compiler and garbage collector threads included
                out.writeLong(ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L));
                out.flush();
                return;
            }
            if (tag != ProcessProtocol.CHUNK) throw new IOException("unexpected message " + tag);
            py.enterPhase(LaneState.TRANSFERRING); // the chunk has begun to arrive: its bytes are in the pipe
            int count = in.readInt();
            int[] tasks = new int[count];
            byte[][] inputBytes = new byte[count][];
            for (int i = 0; i < count; i++) {
                tasks[i] = in.readInt();
                inputBytes[i] = ProcessProtocol.readBytes(in);
            }
            py.enterPhase(LaneState.DESERIALIZING);
            Object[] inputs = new Object[count];
            for (int i = 0; i < count; i++) inputs[i] = TaskCodec.decode(inputBytes[i]);
            Object[] results = new Object[count];
            for (int i = 0; i < count; i++) {
                py.enterPhase(LaneState.RUNNING_WITH_LOCK);
                py.taskStarted(tasks[i]);
                results[i] = run.compute(py, inputs[i]);
                py.taskEnded(tasks[i]);
            }
            py.enterPhase(LaneState.SERIALIZING);
            byte[][] resultBytes = new byte[count][];
            for (int i = 0; i < count; i++) resultBytes[i] = TaskCodec.encode(results[i]);
            py.enterPhase(LaneState.TRANSFERRING);
            out.writeByte(ProcessProtocol.RESULTS);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeInt(tasks[i]);
                ProcessProtocol.writeBytes(out, resultBytes[i]);
            }
            int upTo = events.size();
            ProcessProtocol.writeEvents(out, events, sent, upTo);
            sent = upTo;
            out.flush();
            py.enterPhase(LaneState.IDLE);
        }
    }
}
