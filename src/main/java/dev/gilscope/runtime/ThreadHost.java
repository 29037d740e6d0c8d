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
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the thread modes (sequential, gil-threads, free-threads) of one comparison in a JVM of its own
 * ({@link ThreadHostMain}), which sends their lanes home as they fill: the window's runs do, so that
 * the window's JVM never waits for 64 busy worker threads. A JVM stops every one of its threads for a
 * garbage collection and waits until the last has reached its stop, and its internal locks (allocation,
 * thread start and exit) are shared by all its threads. With the workers in the window's JVM, in the
 * kernel's idle class, one of them slow to reach a stop or holding such a lock while 63 others queue
 * for the cores kept the window from drawing for 100–400 ms. The processes mode already ran apart.
 *
 * <p>The host is started at the first thread mode a comparison runs, from the comparison's thread (so at
 * its nice value, in the normal class: only the host's worker threads go into the idle class), and
 * ended with the comparison. It runs the same executor as this process would, and what it records
 * arrives in this process's trace, so the board draws and saves it as it did. A host that dies or stops
 * ends the mode naming it; the next mode starts another.
 */
final class ThreadHost implements ModeExecutor, AutoCloseable {

    /** How long a host gets to end a mode after a cancel before it is killed. */
    private static final long CANCEL_GRACE_NANOS = 1_000_000_000L;
    private static final long WATCH_MILLIS = 250;
    /** How failure messages name the host. */
    static final String NAME = "the thread modes' JVM";

    private Process process;
    private DataOutputStream toHost;
    private DataInputStream fromHost;
    private StderrTail stderr;
    /** Guards {@link #toHost} and whether a mode is running: a cancel may come from any thread. */
    private final Object sending = new Object();
    private boolean modeRunning;

    /** Whether the host can run {@code workload}: it prepares its own copy, so it must know it by name. */
    static boolean canRun(Workload workload) {
        return Workloads.byName(workload.name()).filter(w -> w.getClass() == workload.getClass()).isPresent();
    }

    @Override
    public ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control) {
        boolean lockEnabled = mode != Mode.FREE_THREADS;
        try {
            startIfNeeded();
        } catch (IOException e) {
            kill();
            return failed(mode, trace, lockEnabled, NAME + " could not be started (" + WorkerProcess.javaBinary() + "): "
                    + e.getMessage());
        }
        long pid = process.pid();
        CompletableFuture<ThreadHostProtocol.Finished> finished = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().name("gilscope-threads-reader").unstarted(() -> read(trace, finished));
        try {
            synchronized (sending) {
                ThreadHostProtocol.writeOrder(toHost, new ThreadHostProtocol.Order(mode, job.workload(), job.params(), settings));
                toHost.flush();
                modeRunning = true;
            }
        } catch (IOException e) {
            kill();
            return failed(mode, trace, lockEnabled, NAME + " (pid " + pid + ") " + StderrTail.howItEnded(process)
                    + stderr.lastWords());
        }
        reader.start();
        control.onCancel(() -> sendCancel(control.cancelReason()));
        ThreadHostProtocol.Finished result;
        try {
            result = await(finished, control, pid);
        } finally {
            synchronized (sending) {
                modeRunning = false;
            }
        }
        if (result == null) {
            kill();
            joinQuietly(reader);
            String why = control.isCancelled() ? "cancelled: " + control.cancelReason() + " (" + NAME + ", pid " + pid
                    + ", did not stop within a second and was killed)" : deathOf(finished, pid);
            return failed(mode, trace, lockEnabled, why);
        }
        joinQuietly(reader);
        List<Lane> lanes = trace.lanes();
        for (int i = 0; i < lanes.size() && i < result.lanes().size(); i++) copyTotals(result.lanes().get(i), lanes.get(i).totals());
        trace.finish(result.endNanos());
        LockCounters counters = result.counters();
        return new ModeResult(mode, result.wallNanos(), result.cpuNanos(), result.outcome(), result.failure(),
                LockStatistics.of(trace.snapshot(), counters), result.lockEnabled(), trace, null);
    }

    /**
     * Waits for the mode's end; null if the host died, stopped (by a signal or a debugger) or did not end
     * within {@link #CANCEL_GRACE_NANOS} of a cancel.
     */
    private ThreadHostProtocol.Finished await(CompletableFuture<ThreadHostProtocol.Finished> finished, RunControl control,
                                              long pid) {
        StoppedProcesses stopped = new StoppedProcesses();
        long cancelledAt = 0;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return finished.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    long now = System.nanoTime();
                    if (control.isCancelled() && cancelledAt == 0) cancelledAt = now;
                    if (cancelledAt != 0 && now - cancelledAt > CANCEL_GRACE_NANOS) return null;
                    if (stopped.stoppedTooLong(pid, now)) {
                        finished.completeExceptionally(new IOException(NAME + " (pid " + pid + ") "
                                + StoppedProcesses.why()));
                        return null;
                    }
                } catch (ExecutionException died) {
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                    control.cancel("interrupted");
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Reads the host's messages for one mode into {@code trace}, until its end. The lanes' only writer. */
    private void read(ModeTrace trace, CompletableFuture<ThreadHostProtocol.Finished> finished) {
        try {
            while (true) {
                byte tag = fromHost.readByte();
                switch (tag) {
                    case ThreadHostProtocol.STARTED -> trace.start(fromHost.readLong());
                    case ThreadHostProtocol.LANE -> {
                        int index = fromHost.readInt();
                        Lane lane = trace.addLane(ThreadHostProtocol.readText(fromHost));
                        if (lane.index() != index) throw new IOException("lane " + index + " arrived as lane " + lane.index());
                    }
                    case ThreadHostProtocol.EVENTS -> {
                        int index = fromHost.readInt();
                        List<Lane> lanes = trace.lanes();
                        if (index < 0 || index >= lanes.size()) throw new IOException("events for unknown lane " + index);
                        ProcessProtocol.readEvents(fromHost, lanes.get(index).buffer());
                    }
                    case ThreadHostProtocol.FINISHED -> {
                        finished.complete(ThreadHostProtocol.readFinished(fromHost));
                        return;
                    }
                    case ThreadHostProtocol.FAILED -> throw new IOException("failed: " + ThreadHostProtocol.readText(fromHost));
                    default -> throw new IOException("sent an unexpected message " + tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    private void sendCancel(String reason) {
        synchronized (sending) {
            if (!modeRunning) return; // this mode has ended: the cancel is not for the next one
            try {
                toHost.writeByte(ThreadHostProtocol.CANCEL);
                ThreadHostProtocol.writeText(toHost, reason == null ? "cancelled" : reason);
                toHost.flush();
            } catch (IOException gone) {
                // the host died: its reader reports how
            }
        }
    }

    /** Why the host ended the mode without finishing it: stopped, failed, or how it died and its last words. */
    private String deathOf(CompletableFuture<ThreadHostProtocol.Finished> finished, long pid) {
        String said = null;
        try {
            finished.getNow(null);
        } catch (java.util.concurrent.CompletionException e) {
            said = e.getCause() == null ? null : e.getCause().getMessage();
        }
        if (said != null && said.startsWith(NAME)) return said; // stopped, as await found it
        String how = said != null && said.startsWith("failed: ") ? said : StderrTail.howItEnded(process) + stderr.lastWords();
        return NAME + " (pid " + pid + ") " + how;
    }

    private static void copyTotals(ThreadHostProtocol.LaneFigures figures, LaneTotals totals) {
        totals.setNativeThreadId(figures.nativeThreadId());
        totals.addCpuNanos(figures.cpuNanos());
        for (LaneState s : LaneState.values()) totals.addStateNanos(s, figures.nanosByState()[s.ordinal()]);
        for (int t = 0; t < figures.tasksRun(); t++) totals.taskDone();
    }

    private static ModeResult failed(Mode mode, ModeTrace trace, boolean lockEnabled, String why) {
        long now = System.nanoTime();
        if (trace.startNanos() == 0) trace.start(now);
        if (!trace.finished()) trace.finish(now);
        return new ModeResult(mode, trace.endNanos() - trace.startNanos(), 0, null, why,
                LockStatistics.of(trace.snapshot(), LockCounters.NONE), lockEnabled, trace, null);
    }

    private void startIfNeeded() throws IOException {
        if (process != null && process.isAlive()) return;
        process = new ProcessBuilder(WorkerProcess.childJvm(ThreadHostMain.class, "threads", List.of()))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        stderr = StderrTail.of(process, "threads");
        toHost = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 12));
        fromHost = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Kills the host and waits (bounded) for it to be gone, so that the next mode starts another. */
    private void kill() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the host: its stdin closes and it exits; one that has not within a second is killed. */
    @Override
    public void close() {
        if (process == null) return;
        try {
            toHost.close();
        } catch (IOException alreadyGone) {
            // it has exited
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
