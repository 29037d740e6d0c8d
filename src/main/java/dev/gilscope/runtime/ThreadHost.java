package dev.gilscope.runtime;

import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTotals;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the thread modes (sequential, gil-threads, free-threads) of one comparison in a JVM of its own
 * ({@link ThreadHostMain}), which sends their lanes home as they fill: the window's runs with many
 * workers do, so that the window's JVM never waits for 64 busy worker threads. A JVM stops every one of its threads for a
 * garbage collection and waits until the last has reached its stop, and its internal locks (allocation,
 * thread start and exit) are shared by all its threads. With the workers in the window's JVM, in the
 * kernel's idle class, one of them slow to reach a stop or holding such a lock while 63 others queued
 * for the cores kept the window from drawing for 100–400 ms. The processes mode already ran apart.
 *
 * <p>The host is started before the comparison's warm-up, from the comparison's thread (so at its nice
 * value, in the normal class: only the host's worker threads go into the idle class), and ended with
 * the comparison. It runs the same executor as this process would, and what it records arrives in
 * this process's trace, so the board draws and saves it as before. A host that dies, stops, or sends
 * what cannot be read ends its mode with a message naming it; the next mode starts another.
 */
final class ThreadHost implements ModeExecutor, AutoCloseable {

    /** How failure messages name the host. */
    static final String NAME = "the thread modes' JVM";
    /** How long a host may take to start and say hello (a JVM starts in well under a second). */
    private static final long START_TIMEOUT_NANOS = 30_000_000_000L;
    /** How long a host may stay silent after a cancel before it is killed. */
    private static final long CANCEL_GRACE_NANOS = 1_000_000_000L;
    private static final long WATCH_MILLIS = 100;

    private final RunControl comparison;
    /** Guards {@link #toHost} and {@link #runningOrder}: a cancel may come from any thread. */
    private final Object hostLock = new Object();
    private Process process;
    private DataOutputStream toHost;
    private DataInputStream fromHost;
    private StderrTail stderr;
    private long ordersSent;
    /** The number of the order whose mode is running, 0 when none: a late cancel must not reach the next one. */
    private long runningOrder;

    private ThreadHost(RunControl comparison) {
        this.comparison = comparison;
    }

    /**
     * A started host for a comparison of {@code workload}, or null when the thread modes run in this
     * JVM: the host cannot prepare the workload (it knows only the built-in ones, by name), could not
     * be started (said on stderr), or the comparison was cancelled meanwhile.
     */
    static ThreadHost startFor(Workload workload, RunControl comparison) {
        if (Workloads.byName(workload.name()).filter(w -> w.getClass() == workload.getClass()).isEmpty()) return null;
        ThreadHost host = new ThreadHost(comparison);
        try {
            host.start();
            return host;
        } catch (IOException e) {
            host.kill();
            if (!comparison.isCancelled()) {
                System.err.println("gilscope: the thread modes run in this process, as " + NAME + " could not be started: "
                        + e.getMessage());
            }
            return null;
        }
    }

    @Override
    public ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control) {
        boolean lockEnabled = mode != Mode.FREE_THREADS;
        if (process == null) { // the last one died: the next mode starts another
            try {
                start();
            } catch (IOException e) {
                kill();
                return failed(mode, trace, lockEnabled, e.getMessage(), System.nanoTime());
            }
        }
        long pid = process.pid();
        DataInputStream in = fromHost;
        CompletableFuture<ThreadHostProtocol.Finished> finished = new CompletableFuture<>();
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        long order;
        try {
            synchronized (hostLock) {
                ThreadHostProtocol.writeOrder(toHost, new ThreadHostProtocol.Order(mode, job.workload(), job.params(), settings));
                toHost.flush();
                order = ++ordersSent;
                runningOrder = order;
            }
        } catch (IOException e) {
            long now = System.nanoTime();
            String why = NAME + " (pid " + pid + ") " + StderrTail.howItEnded(process) + stderr.lastWords();
            kill();
            return failed(mode, trace, lockEnabled, why, now);
        }
        Thread reader = Thread.ofPlatform().daemon().name("gilscope-threads-reader")
                .start(() -> read(in, trace, finished, lastHeard));
        AtomicLong cancelledAt = new AtomicLong();
        control.onCancel(() -> {
            cancelledAt.compareAndSet(0, System.nanoTime());
            sendCancel(order, control.cancelReason());
        });
        Ending ending = await(finished, control, cancelledAt, lastHeard, pid);
        synchronized (hostLock) {
            runningOrder = 0;
        }
        try {
            if (ending.finished() == null) {
                kill();
                joinQuietly(reader);
                return failed(mode, trace, lockEnabled, ending.why(), ending.endedAt());
            }
            joinQuietly(reader);
            ThreadHostProtocol.Finished result = ending.finished();
            List<Lane> lanes = trace.lanes();
            for (int i = 0; i < lanes.size(); i++) copyTotals(result.lanes().get(i), lanes.get(i).totals());
            trace.finish(result.endNanos());
            return new ModeResult(mode, result.wallNanos(), result.cpuNanos(), result.outcome(), result.failure(),
                    LockStatistics.of(trace.snapshot(), result.counters()), result.lockEnabled(), trace, null);
        } finally {
            if (ending.interrupted()) Thread.currentThread().interrupt();
        }
    }

    /**
     * How waiting for a mode ended: its figures, or why there are none and when that was noticed (the
     * end of its trace). Whether this thread was interrupted meanwhile (set again once cleaned up).
     */
    private record Ending(ThreadHostProtocol.Finished finished, String why, long endedAt, boolean interrupted) {}

    private Ending await(CompletableFuture<ThreadHostProtocol.Finished> finished, RunControl control, AtomicLong cancelledAt,
                         AtomicLong lastHeard, long pid) {
        StoppedProcesses stopped = new StoppedProcesses();
        boolean interrupted = false;
        while (true) {
            try {
                return new Ending(finished.get(WATCH_MILLIS, TimeUnit.MILLISECONDS), null, 0, interrupted);
            } catch (TimeoutException stillRunning) {
                long now = System.nanoTime();
                long asked = cancelledAt.get();
                // silent a second after the cancel: a host still sending its backlog is not taken for stuck
                if (asked != 0 && now - Math.max(asked, lastHeard.get()) > CANCEL_GRACE_NANOS) {
                    return new Ending(null, "cancelled: " + control.cancelReason() + " (" + NAME + ", pid " + pid
                            + ", did not stop within a second and was killed)", now, interrupted);
                }
                if (stopped.stoppedTooLong(pid, now)) {
                    return new Ending(null, NAME + " (pid " + pid + ") " + StoppedProcesses.why(), now, interrupted);
                }
            } catch (ExecutionException e) {
                long now = System.nanoTime();
                String how = e.getCause() instanceof HostLost lost && lost.getMessage() != null ? lost.getMessage()
                        : StderrTail.howItEnded(process) + stderr.lastWords();
                return new Ending(null, NAME + " (pid " + pid + ") " + how, now, interrupted);
            } catch (InterruptedException e) {
                interrupted = true;
                control.cancel("interrupted");
            }
        }
    }

    /** Why the host's messages stopped: a message of its own, or null when it ended (how is asked of the system). */
    private static final class HostLost extends Exception {
        HostLost(String how) {
            super(how, null, false, false);
        }
    }

    /** Reads the host's messages for one mode into {@code trace}, until its end. The lanes' only writer. */
    private static void read(DataInputStream in, ModeTrace trace, CompletableFuture<ThreadHostProtocol.Finished> finished,
                             AtomicLong lastHeard) {
        try {
            while (true) {
                byte tag = in.readByte();
                lastHeard.set(System.nanoTime());
                switch (tag) {
                    case ThreadHostProtocol.STARTED -> trace.start(in.readLong());
                    case ThreadHostProtocol.LANE -> {
                        int index = in.readInt();
                        Lane lane = trace.addLane(ThreadHostProtocol.readText(in));
                        if (lane.index() != index) throw new IOException("lane " + index + " arrived as lane " + lane.index());
                    }
                    case ThreadHostProtocol.EVENTS -> {
                        int index = in.readInt();
                        List<Lane> lanes = trace.lanes();
                        if (index < 0 || index >= lanes.size()) throw new IOException("events for unknown lane " + index);
                        ProcessProtocol.readEvents(in, lanes.get(index).buffer());
                    }
                    case ThreadHostProtocol.FINISHED -> {
                        ThreadHostProtocol.Finished f = ThreadHostProtocol.readFinished(in);
                        if (f.lanes().size() != trace.lanes().size()) {
                            throw new IOException("figures for " + f.lanes().size() + " lanes, not " + trace.lanes().size());
                        }
                        finished.complete(f);
                        return;
                    }
                    case ThreadHostProtocol.FAILED -> {
                        finished.completeExceptionally(new HostLost("failed: " + ThreadHostProtocol.readText(in)));
                        return;
                    }
                    default -> throw new IOException("message " + tag);
                }
            }
        } catch (EOFException ended) {
            finished.completeExceptionally(new HostLost(null));
        } catch (IOException | RuntimeException e) {
            finished.completeExceptionally(new HostLost("sent what gilscope cannot read (" + e.getMessage() + ")"));
        }
    }

    private void sendCancel(long order, String reason) {
        synchronized (hostLock) {
            if (runningOrder != order) return; // its mode has ended: the cancel is not for the next one
            try {
                toHost.writeByte(ThreadHostProtocol.CANCEL);
                ThreadHostProtocol.writeText(toHost, reason == null ? "cancelled" : reason);
                toHost.flush();
            } catch (IOException gone) {
                // the host died: its reader reports how
            }
        }
    }

    private static void copyTotals(ThreadHostProtocol.LaneFigures figures, LaneTotals totals) {
        totals.setNativeThreadId(figures.nativeThreadId());
        totals.addCpuNanos(figures.cpuNanos());
        for (LaneState s : LaneState.values()) totals.addStateNanos(s, figures.nanosByState()[s.ordinal()]);
        totals.addTasksRun(figures.tasksRun());
    }

    private static ModeResult failed(Mode mode, ModeTrace trace, boolean lockEnabled, String why, long endedAt) {
        if (trace.startNanos() == 0) trace.start(endedAt);
        if (!trace.finished()) trace.finish(Math.max(endedAt, trace.startNanos()));
        return new ModeResult(mode, trace.endNanos() - trace.startNanos(), 0, null, why,
                LockStatistics.of(trace.snapshot(), LockCounters.NONE), lockEnabled, trace, null);
    }

    /**
     * Starts the host and waits for its hello, so that what follows (the warm-up first) is spent
     * computing, not starting a JVM. Gives up if the comparison is cancelled meanwhile.
     */
    private void start() throws IOException {
        Process started = new ProcessBuilder(WorkerProcess.childJvm(ThreadHostMain.class, "threads", List.of()))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        process = started;
        stderr = StderrTail.of(started, "threads");
        toHost = new DataOutputStream(new BufferedOutputStream(started.getOutputStream(), 1 << 12));
        fromHost = new DataInputStream(new BufferedInputStream(started.getInputStream(), 1 << 16));
        DataInputStream in = fromHost;
        CompletableFuture<Integer> hello = CompletableFuture.supplyAsync(() -> {
            try {
                if (in.readByte() != ThreadHostProtocol.HELLO) return -1;
                return in.readInt();
            } catch (IOException e) {
                return -2;
            }
        }, task -> Thread.ofPlatform().daemon().name("gilscope-threads-hello").start(task));
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!hello.isDone()) {
            if (comparison.isCancelled()) throw new IOException(NAME + " was not needed any more");
            if (System.nanoTime() > deadline) throw new IOException(NAME + " did not answer within 30 s of its start");
            try {
                hello.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) comparison.cancel("interrupted");
            }
        }
        int version = hello.join();
        if (version == ThreadHostProtocol.VERSION) return;
        String how = version == -2 ? StderrTail.howItEnded(started) + stderr.lastWords()
                : "spoke protocol " + version + ", not " + ThreadHostProtocol.VERSION + " (gilscope was rebuilt while it ran?)";
        throw new IOException(NAME + " (pid " + started.pid() + ", " + WorkerProcess.javaBinary() + ") " + how);
    }

    /** Kills the host and waits (bounded) for it to be gone; the next mode starts another. */
    private void kill() {
        Process p = process;
        process = null;
        if (p == null) return;
        p.destroyForcibly();
        try {
            p.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the host with its comparison: at once if the comparison was cancelled; otherwise its stdin
     * closes and it exits by itself (writing its class-data archive the first time), watched from a
     * thread of its own so that the run's end is not held up. One still there after 10 s is killed.
     */
    @Override
    public void close() {
        Process p = process;
        process = null;
        if (p == null) return;
        if (comparison.isCancelled()) {
            p.destroyForcibly();
            return;
        }
        try {
            toHost.close();
        } catch (IOException alreadyGone) {
            // it has exited
        }
        Thread.ofPlatform().daemon().name("gilscope-threads-exit").start(() -> {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = Thread.interrupted();
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
