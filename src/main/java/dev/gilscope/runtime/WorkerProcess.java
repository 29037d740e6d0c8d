package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.WorkloadParams;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One worker process as gilscope sees it: the child JVM, its pipes, its lane, and the thread that
 * reads what it sends. The reader thread is the only writer of the lane once the process is started
 * (the creating thread records {@code SPAWNING} before starting the reader).
 */
final class WorkerProcess {

    /** What a worker process told the executor, in the order it happened. */
    sealed interface Message permits Ready, Results, Bye, Died {
        WorkerProcess from();
    }

    record Ready(WorkerProcess from) implements Message {}

    record Results(WorkerProcess from, int[] tasks, byte[][] results) implements Message {}

    record Bye(WorkerProcess from) implements Message {}

    record Died(WorkerProcess from, String why) implements Message {}

    /** Overrides the java binary of worker processes (to test start-up failures); default: this JVM's. */
    static final String JAVA_PROPERTY = "gilscope.worker.java";

    final String name;
    final Lane lane;
    /** Tasks sent and not yet answered, in order. Touched by the executor thread only. */
    final Deque<Integer> outstanding = new ArrayDeque<>();
    /** Chunks sent and not yet answered. Touched by the executor thread only. */
    int chunksInFlight;

    private final ModeTrace trace;
    private final BlockingQueue<Message> inbox;
    private StderrTail stderrTail;
    private Process process;
    private DataOutputStream toChild;
    private Thread reader;
    private volatile long pid = -1;
    /** The child's thread that computes its tasks (the kernel's id), once it is ready; -1 before. */
    private volatile long computeThreadId = -1;
    /** Largest gap seen between the child's clock stamp and its arrival here (ns); see {@link #clockGapNanos()}. */
    private volatile long clockGapNanos;
    private volatile long bytesReceived;
    /** CPU time of the whole child process (all its threads), or -1 if unknown; set by its BYE. */
    private volatile long processCpuNanos = -1;
    private long bytesSent;

    private WorkerProcess(String name, Lane lane, ModeTrace trace, BlockingQueue<Message> inbox) {
        this.name = name;
        this.lane = lane;
        this.trace = trace;
        this.inbox = inbox;
    }

    /**
     * Records {@code SPAWNING} on {@code lane}, starts the child JVM and sends it its work order. A child
     * that cannot be started is reported as a {@link Died} message, not thrown.
     */
    static WorkerProcess start(String name, Lane lane, ModeTrace trace, BlockingQueue<Message> inbox,
                               String workload, WorkloadParams params, RunSettings settings) {
        WorkerProcess w = new WorkerProcess(name, lane, trace, inbox);
        lane.buffer().add(System.nanoTime(), EventKind.STATE, CpuProbe.get().currentCore(),
                LaneState.SPAWNING.ordinal(), 0);
        try {
            ProcessBuilder builder = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.PIPE);
            w.process = IdleClass.start(settings, builder::start);
            w.pid = w.process.pid();
            lane.totals().setNativeThreadId(w.pid);
            w.toChild = new DataOutputStream(new BufferedOutputStream(w.process.getOutputStream(), 1 << 16));
            w.sendInit(workload, params, settings);
        } catch (IOException e) {
            inbox.add(new Died(w, name + " could not be started (" + javaBinary() + "): " + e.getMessage()));
            return w;
        }
        w.stderrTail = StderrTail.of(w.process, name);
        w.reader = Thread.ofPlatform().daemon().name("gilscope-" + name + "-reader").start(w::read);
        return w;
    }

    static List<String> command() {
        // one worker thread: a parallel collector would only add threads
        return childJvm(ProcessWorkerMain.class, "worker", List.of("-XX:+UseSerialGC"));
    }

    /**
     * The command line of a child JVM of gilscope's: {@code main} on gilscope's classes, told this
     * process's id so that it never outlives it, with a class-data archive of its own called {@code role}.
     */
    static List<String> childJvm(Class<?> main, String role, List<String> options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(options);
        cmd.add("-XX:-UsePerfData");
        // stdout carries the protocol: the JVM's own warnings (unified logging writes them to stdout) go to stderr
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.add("-XX:+DisplayVMOutputToStderr");
        WorkerClassPath.Resolved classPath = WorkerClassPath.get();
        if (classPath.cacheDir() != null) {
            // Class-data sharing of gilscope's own classes: the first child writes the archive when it
            // exits, later ones map it and start faster (JDK 19+).
            cmd.add("-XX:+AutoCreateSharedArchive");
            cmd.add("-XX:SharedArchiveFile=" + classPath.archive(role));
            cmd.add("-Xlog:cds=off:stderr");
            cmd.add("-Xlog:cds+dynamic=off:stderr");
        }
        cmd.add("-cp");
        cmd.add(classPath.classPath());
        cmd.add(main.getName());
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        return cmd;
    }

    static String javaBinary() {
        String override = System.getProperty(JAVA_PROPERTY);
        if (override != null && !override.isBlank()) return override;
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void sendInit(String workload, WorkloadParams params, RunSettings settings) throws IOException {
        toChild.writeByte(ProcessProtocol.INIT);
        toChild.writeUTF(workload);
        toChild.writeInt(params.tasks());
        toChild.writeLong(params.size());
        toChild.writeInt(params.chunkSize());
        ProcessProtocol.writeLock(toChild, settings.lock());
        ProcessProtocol.writeCores(toChild, settings.cores());
        toChild.writeBoolean(settings.recording());
        // Each worker keeps a share of the cap (at least one chunk), so that together they hold about the cap
        // and not the cap once per worker.
        toChild.writeLong(Math.max(LaneBuffer.CHUNK_EVENTS, settings.maxEvents() / settings.workers()));
        toChild.writeUTF(name);
        toChild.flush();
    }

    /** Sends one chunk: task indices with their serialized inputs. Returns the bytes of task data sent. */
    long sendChunk(int[] tasks, byte[][] inputs) throws IOException {
        if (toChild == null) throw new IOException(name + " is not running");
        long bytes = 0;
        toChild.writeByte(ProcessProtocol.CHUNK);
        toChild.writeInt(tasks.length);
        for (int i = 0; i < tasks.length; i++) {
            toChild.writeInt(tasks[i]);
            ProcessProtocol.writeBytes(toChild, inputs[i]);
            bytes += inputs[i].length;
            outstanding.add(tasks[i]);
        }
        toChild.flush();
        chunksInFlight++;
        bytesSent += bytes;
        return bytes;
    }

    void sendShutdown() {
        try {
            toChild.writeByte(ProcessProtocol.SHUTDOWN);
            toChild.flush();
        } catch (IOException | NullPointerException gone) {
            // already dead: its reader reports how
        }
    }

    /** Kills the child at once (cancel, a failed run, or gilscope shutting down). */
    void kill() {
        if (process != null) process.destroyForcibly();
    }

    /** Waits (bounded) for the child to be gone and its reader to finish. */
    void awaitExit(long millis) {
        try {
            if (process != null && !process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(millis, TimeUnit.MILLISECONDS);
            }
            if (reader != null) reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    long computeThreadId() {
        return computeThreadId;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return pid;
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    long processCpuNanos() {
        return processCpuNanos;
    }

    /**
     * Both processes read the same monotonic clock (CLOCK_MONOTONIC on Linux), so child stamps are
     * used as they are. This is the check: the largest time between a stamp the child took just before
     * writing and the moment its message arrived here. Negative would mean the clocks disagree.
     */
    long clockGapNanos() {
        return clockGapNanos;
    }

    // ---- the reader thread ----

    private void read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            while (true) {
                byte tag = in.readByte();
                switch (tag) {
                    case ProcessProtocol.READY -> {
                        computeThreadId = in.readLong();
                        noteClock(in.readLong());
                        inbox.add(new Ready(this));
                    }
                    case ProcessProtocol.RESULTS -> inbox.add(readResults(in));
                    case ProcessProtocol.BYE -> {
                        readBye(in);
                        inbox.add(new Bye(this));
                        return;
                    }
                    case ProcessProtocol.FAILED -> {
                        inbox.add(new Died(this, name + " (pid " + pid + ") failed: " + in.readUTF()));
                        return;
                    }
                    default -> throw new IOException("unexpected message " + tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            inbox.add(new Died(this, describeDeath()));
        }
    }

    private Results readResults(DataInputStream in) throws IOException {
        int count = in.readInt();
        int[] tasks = new int[count];
        byte[][] results = new byte[count][];
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            tasks[i] = in.readInt();
            results[i] = ProcessProtocol.readBytes(in);
            bytes += results[i].length;
        }
        bytesReceived += bytes;
        ProcessProtocol.readEvents(in, lane.buffer());
        return new Results(this, tasks, results);
    }

    private void readBye(DataInputStream in) throws IOException {
        ProcessProtocol.readEvents(in, lane.buffer());
        lane.totals().addCpuNanos(in.readLong());
        long[] nanos = ProcessProtocol.readStateNanos(in);
        for (LaneState s : LaneState.values()) lane.totals().addStateNanos(s, nanos[s.ordinal()]);
        lane.totals().addTasksRun(in.readInt());
        processCpuNanos = in.readLong();
        addSpawningTotal();
    }

    private void noteClock(long childNanos) {
        long gap = System.nanoTime() - childNanos;
        clockGapNanos = Math.max(clockGapNanos, gap);
    }

    /** The parent-side part of the lane: from the spawn call to the child's first event. */
    private void addSpawningTotal() {
        var b = lane.buffer();
        if (b.size() > 1) lane.totals().addStateNanos(LaneState.SPAWNING, b.timeNanos(1) - b.timeNanos(0));
    }

    private String describeDeath() {
        return name + " (pid " + pid + ") " + StderrTail.howItEnded(process) + stderrTail.lastWords();
    }
}
