package dev.gilscope.runtime;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of the JVM that runs the thread modes of a window's run ({@link ThreadHost}): the same
 * executor as in gilscope's own process, its lanes sent home as they fill; see {@link ThreadHostProtocol}.
 * One mode at a time, as many as gilscope asks for; it exits when its stdin ends or gilscope is gone.
 */
public final class ThreadHostMain {

    /** How often the lanes' new events are sent home while a mode runs: about one frame of the board. */
    private static final long SEND_EVERY_MILLIS = 15;

    private final DataOutputStream out; // guarded by itself: the streamer and the run's end both write
    private volatile RunControl current;
    private Thread running;

    private ThreadHostMain(DataOutputStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        DataOutputStream out = ProcessWorkerMain.startAsChild(args);
        ThreadModeExecutor.leftBehindUntil = "the run ends (" + ThreadHost.NAME + " exits then)";
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 12));
        ThreadHostMain host = new ThreadHostMain(out);
        try {
            synchronized (out) {
                out.writeByte(ThreadHostProtocol.HELLO);
                out.writeInt(ThreadHostProtocol.VERSION);
                out.flush();
            }
            host.serve(in);
        } catch (EOFException gilscopeClosedThePipe) {
            host.cancelCurrent("gilscope closed");
            System.exit(0);
        } catch (Throwable t) {
            synchronized (out) {
                try {
                    out.writeByte(ThreadHostProtocol.FAILED);
                    ThreadHostProtocol.writeText(out, ThreadModeExecutor.describe(t));
                    out.flush();
                } catch (IOException ignored) {
                    // gilscope is gone; nothing left to tell
                }
            }
            System.exit(1);
        }
    }

    private void serve(DataInputStream in) throws IOException {
        while (true) {
            byte tag = in.readByte();
            switch (tag) {
                case ThreadHostProtocol.RUN -> {
                    ThreadHostProtocol.Order order = ThreadHostProtocol.readOrder(in);
                    // gilscope asks for the next mode once the last one's end arrived: its thread is just ending
                    if (running != null) Uninterruptibly.join(running, () -> {});
                    RunControl control = new RunControl();
                    current = control;
                    running = Thread.ofPlatform().name("gilscope-threads-run").start(() -> run(order, control));
                }
                case ThreadHostProtocol.CANCEL -> cancelCurrent(ThreadHostProtocol.readText(in));
                default -> throw new IOException("unexpected message " + tag);
            }
        }
    }

    private void cancelCurrent(String reason) {
        RunControl control = current;
        if (control != null) control.cancel(reason);
    }

    /** Runs one mode while a streamer sends its lanes home, then sends the last events and the figures. */
    private void run(ThreadHostProtocol.Order order, RunControl control) {
        Mode mode = order.mode();
        ModeTrace trace = new ModeTrace(mode.cliName(), new EventBudget(order.settings().maxEvents()));
        Streamer streamer = new Streamer(trace);
        Thread streaming = Thread.ofPlatform().daemon().name("gilscope-threads-streamer").start(() -> {
            try {
                streamer.loop();
            } catch (RuntimeException | Error e) { // out of memory, say: the board would stop moving without a word
                control.cancel(ThreadHost.NAME + " could not send the lanes home: " + ThreadModeExecutor.describe(e));
            }
        });
        ModeResult result = null;
        String failure = null;
        try {
            Workload workload = Workloads.byName(order.workload())
                    .orElseThrow(() -> new IllegalArgumentException("unknown workload " + order.workload()));
            ModeExecutor.Job job = new ModeExecutor.Job(workload.name(), order.params(), workload.prepare(order.params()));
            result = mode.executor().execute(mode, job, order.settings(), trace, control);
        } catch (RuntimeException | Error e) {
            failure = ThreadHost.NAME + " (pid " + ProcessHandle.current().pid() + ") failed: " + ThreadModeExecutor.describe(e);
        }
        streamer.stop();
        Uninterruptibly.join(streaming, () -> {});
        long now = System.nanoTime();
        if (trace.startNanos() == 0) trace.start(now);
        if (!trace.finished()) trace.finish(now);
        List<ThreadHostProtocol.LaneFigures> lanes = new ArrayList<>();
        for (Lane lane : trace.lanes()) {
            long[] nanos = new long[LaneState.values().length];
            for (LaneState s : LaneState.values()) nanos[s.ordinal()] = lane.totals().nanosIn(s);
            lanes.add(new ThreadHostProtocol.LaneFigures(lane.totals().nativeThreadId(), lane.totals().cpuNanos(), nanos,
                    lane.totals().tasksRun()));
        }
        ThreadHostProtocol.Finished finished = result == null
                ? new ThreadHostProtocol.Finished(trace.endNanos(), trace.endNanos() - trace.startNanos(), 0, failure, null,
                        mode != Mode.FREE_THREADS, LockCounters.NONE, lanes)
                : new ThreadHostProtocol.Finished(trace.endNanos(), result.wallNanos(), result.cpuNanos(), result.failure(),
                        result.outcome(), result.lockEnabled(), result.lock().counters(), lanes);
        synchronized (out) {
            try {
                streamer.sendNew();
                ThreadHostProtocol.writeFinished(out, finished);
                out.flush();
            } catch (IOException gilscopeGone) {
                System.exit(0); // nobody left to run for
            }
        }
    }

    /** Sends what each lane recorded since the last time, every {@link #SEND_EVERY_MILLIS}, until stopped. */
    private final class Streamer {
        private final ModeTrace trace;
        private volatile boolean stopped;
        private boolean startSent;
        private int lanesAnnounced;
        private int[] sent = new int[0];
        private long[] droppedSent = new long[0];

        Streamer(ModeTrace trace) {
            this.trace = trace;
        }

        void stop() {
            stopped = true;
        }

        void loop() {
            while (!stopped) {
                synchronized (out) {
                    try {
                        sendNew();
                        out.flush();
                    } catch (IOException gilscopeGone) {
                        System.exit(0);
                    }
                }
                try {
                    Thread.sleep(SEND_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Writes the start, new lanes and new events; the caller holds {@code out} and flushes. */
        void sendNew() throws IOException {
            if (!startSent) {
                if (trace.startNanos() == 0) return; // lanes come after the start: nothing to send yet
                out.writeByte(ThreadHostProtocol.STARTED);
                out.writeLong(trace.startNanos());
                startSent = true;
            }
            List<Lane> lanes = trace.lanes();
            if (lanes.size() > sent.length) {
                sent = java.util.Arrays.copyOf(sent, lanes.size());
                droppedSent = java.util.Arrays.copyOf(droppedSent, lanes.size());
            }
            for (; lanesAnnounced < lanes.size(); lanesAnnounced++) {
                out.writeByte(ThreadHostProtocol.LANE);
                out.writeInt(lanesAnnounced);
                ThreadHostProtocol.writeText(out, lanes.get(lanesAnnounced).name());
            }
            for (int i = 0; i < lanes.size(); i++) {
                LaneBuffer buffer = lanes.get(i).buffer();
                int upTo = buffer.size();
                long dropped = buffer.droppedEvents();
                if (upTo == sent[i] && dropped == droppedSent[i]) continue;
                out.writeByte(ThreadHostProtocol.EVENTS);
                out.writeInt(i);
                ProcessProtocol.writeEvents(out, buffer, sent[i], upTo);
                sent[i] = upTo;
                droppedSent[i] = dropped;
            }
        }
    }
}
