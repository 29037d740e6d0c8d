package dev.gilscope.cli.bench;

import dev.gilscope.cli.bench.LaneSegments.Segment;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task costs to send through a warm pool and get back, when computing it costs nothing:
 * count-primes below 2 (an empty loop) as thousands of tasks, 1 worker, chunk size 1, the workers
 * started before the clock. Taken from the recorded segments of the parent's "main" lane and the
 * worker's lane, which share one monotonic clock.
 *
 * <p>The executor keeps two chunks in flight per worker, so a task sent is usually queued behind the
 * one the worker is running, and the time from sending it to having its result spans about two task
 * periods. The table shows that figure as it happened, and the round trip taken apart leg by leg with
 * the two waits removed — the task lying in the pipe while the worker finishes the previous one, and the
 * result lying in the parent's inbox while the parent is still busy sending — which is what one task
 * alone would take. The interval between two results is what {@code map} pays per task.
 */
final class DispatchBench {

    static final String WORKLOAD = "count-primes";
    static final long EMPTY_SIZE = 2; // primes below 2: the loop body never runs

    /** Per task: the legs of its round trip and the figures around it, in µs. */
    private record Legs(double[] send, double[] in, double[] child, double[] out, double[] decode, double[] alone,
                        double[] seen, double[] interval) {}

    private final BenchRunner runner;
    private final ProcessSizes sizes;

    DispatchBench(BenchRunner runner, ProcessSizes sizes) {
        this.runner = runner;
        this.sizes = sizes;
    }

    void run(PrintStream out) {
        WorkloadParams p = new WorkloadParams(sizes.dispatchTasks(), EMPTY_SIZE, 1);
        RunSettings settings = RunSettings.defaults().withWorkers(1).withPool(RunSettings.Pool.WARM);
        ModeResult r = runner.runOne("dispatch round trip", WORKLOAD, p, settings, Mode.PROCESSES);
        int skip = sizes.dispatchWarmUp();
        out.println(Stats.fmt("processes: per-task dispatch round trip, warm pool (%s below %d — empty tasks; 1 worker, "
                        + "chunk size 1, %s tasks, the first %s left out while the worker's JIT compiles; from the "
                        + "recorded segments of the main and P1 lanes)", WORKLOAD, EMPTY_SIZE,
                Stats.grouped(p.tasks()), Stats.grouped(skip)));
        TextTable table = new TextTable("<leg", "p50 µs", "p99 µs", "<how it is taken");
        if (!r.resultOk()) {
            table.row("round trip", null, null, "FAILED: " + r.failure());
            table.print(out);
            return;
        }
        Legs legs;
        try {
            legs = legs(r, p.tasks(), skip);
        } catch (IllegalStateException e) {
            table.row("round trip", null, null, "cannot be taken from the lanes: " + e.getMessage());
            table.print(out);
            return;
        }
        row(table, "parent: encode the task, write it to the pipe", legs.send(),
                "main SERIALIZING start → TRANSFERRING end");
        row(table, "pipe → worker has read it", legs.in(),
                "→ P1 DESERIALIZING start, from the later of: sent, P1 idle again");
        row(table, "worker: decode, run, encode, write the result", legs.child(),
                "P1 DESERIALIZING start → P1 IDLE start");
        row(table, "pipe → parent takes the result", legs.out(),
                "→ main DESERIALIZING start, from the later of: P1 idle, main idle");
        row(table, "parent: decode the result", legs.decode(), "main DESERIALIZING");
        row(table, "round trip of one task alone (sum of the legs)", legs.alone(), "per task, then the quantiles");
        row(table, "send → result decoded, as it happened", legs.seen(),
                "2 chunks in flight: mostly queued behind the previous task");
        row(table, "interval between two results", legs.interval(), "what map() pays per task with 1 worker");
        table.print(out);
        out.println(Stats.fmt("(whole run: %s for %s tasks, %.1f µs per task on average, %d events dropped; "
                        + "CPython's ProcessPoolExecutor(2) took 30–37 ms for 100 tiny tasks (DESIGN §1), "
                        + "pool start-up included: at most 300–370 µs per task)",
                Stats.seconds(r.wallNanos()), Stats.grouped(p.tasks()), r.wallNanos() / 1e3 / p.tasks(),
                r.droppedEvents()));
    }

    private static void row(TextTable table, String leg, double[] micros, String how) {
        table.row(leg, Stats.fmt("%.1f", Stats.percentile(micros, 0.5)), Stats.fmt("%.1f", Stats.percentile(micros, 0.99)),
                how);
    }

    /**
     * Matches the i-th chunk sent on the main lane with the i-th chunk the worker decoded and the i-th
     * result the parent decoded: one worker and chunks of one task keep all three in task order.
     */
    private static Legs legs(ModeResult r, int tasks, int skip) {
        Lane mainLane = LaneSegments.lane(r, "main");
        List<Lane> workers = LaneSegments.processLanes(r);
        if (mainLane == null || workers.size() != 1) throw new IllegalStateException("expected lanes main and P1");
        if (r.droppedEvents() > 0) throw new IllegalStateException(r.droppedEvents() + " events were dropped");

        List<Long> sendStart = new ArrayList<>();
        List<Long> sendEnd = new ArrayList<>();
        List<Long> takeStart = new ArrayList<>(); // main DESERIALIZING: the parent takes a result
        List<Long> takeEnd = new ArrayList<>();
        List<Long> mainIdleSince = new ArrayList<>(); // start of the IDLE just before each DESERIALIZING
        List<Segment> main = LaneSegments.of(r, mainLane);
        for (int i = 0; i < main.size(); i++) {
            Segment s = main.get(i);
            switch (s.state()) {
                case SERIALIZING -> sendStart.add(s.start());
                case TRANSFERRING -> sendEnd.add(s.end());
                case DESERIALIZING -> {
                    takeStart.add(s.start());
                    takeEnd.add(s.end());
                    Segment before = i > 0 ? main.get(i - 1) : null;
                    mainIdleSince.add(before != null && before.state() == LaneState.IDLE ? before.start() : s.start());
                }
                default -> { }
            }
        }
        List<Long> workerTake = new ArrayList<>(); // P1 DESERIALIZING start: it has read a chunk
        List<Long> workerIdle = new ArrayList<>(); // P1 IDLE starts: ready for the next chunk
        for (Segment s : LaneSegments.of(r, workers.getFirst())) {
            if (s.state() == LaneState.DESERIALIZING) workerTake.add(s.start());
            if (s.state() == LaneState.IDLE) workerIdle.add(s.start());
        }
        // The worker goes idle once before its first chunk and once after each one.
        if (sendStart.size() != tasks || sendEnd.size() != tasks || takeStart.size() != tasks
                || workerTake.size() != tasks || workerIdle.size() < tasks + 1) {
            throw new IllegalStateException(Stats.fmt("%d tasks but %d sends, %d results, %d chunks decoded by P1",
                    tasks, sendStart.size(), takeStart.size(), workerTake.size()));
        }
        int from = Math.max(1, Math.min(skip, tasks - 1));
        int n = tasks - from;
        double[] send = new double[n], in = new double[n], child = new double[n], out = new double[n];
        double[] decode = new double[n], alone = new double[n], seen = new double[n], interval = new double[n];
        for (int k = from; k < tasks; k++) {
            int i = k - from;
            long idleBefore = workerIdle.get(k); // the worker's k-th IDLE precedes its k-th chunk
            long idleAfter = workerIdle.get(k + 1);
            send[i] = sendEnd.get(k) - sendStart.get(k);
            in[i] = Math.max(0, workerTake.get(k) - Math.max(sendEnd.get(k), idleBefore));
            child[i] = idleAfter - workerTake.get(k);
            out[i] = Math.max(0, takeStart.get(k) - Math.max(idleAfter, mainIdleSince.get(k)));
            decode[i] = takeEnd.get(k) - takeStart.get(k);
            alone[i] = send[i] + in[i] + child[i] + out[i] + decode[i];
            seen[i] = takeEnd.get(k) - sendStart.get(k);
            interval[i] = takeStart.get(k) - takeStart.get(k - 1);
        }
        return new Legs(micros(send), micros(in), micros(child), micros(out), micros(decode), micros(alone),
                micros(seen), micros(interval));
    }

    private static double[] micros(double[] nanos) {
        for (int i = 0; i < nanos.length; i++) nanos[i] /= 1e3;
        return nanos;
    }
}
