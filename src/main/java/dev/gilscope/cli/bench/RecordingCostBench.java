package dev.gilscope.cli.bench;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Section 1: what one recorded lane state change costs, timed in tight loops: the whole recording
 * step of {@code ThreadState.enter} (clock, core, append) and each part alone. Every loop runs
 * {@code rounds} untimed warm-up rounds first (so it is compiled), then {@code rounds} timed ones,
 * each after a full collection; the median and the best round are reported (on a busy machine the
 * best is the closer estimate of the cost itself).
 */
public final class RecordingCostBench {

    /** Keeps the JIT from discarding loops whose results would otherwise be unused. */
    private static volatile long sink;

    private final BenchRunner runner;
    private final int events;
    private final int rounds;
    private final CpuProbe probe = CpuProbe.get();

    public RecordingCostBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.events = sizes.eventsPerRound();
        this.rounds = sizes.costRounds();
    }

    private interface Loop {
        /** Runs {@code n} iterations; returns elapsed nanoseconds. */
        long time(int n);
    }

    private record Row(String what, Loop loop) {}

    public void run(PrintStream out) {
        Row[] rows = {
            new Row("System.nanoTime()", this::clockOnly),
            new Row("CpuProbe.currentCore()", this::coreOnly),
            new Row("LaneBuffer.add(...)", this::addOnly),
            new Row("state change: nanoTime + currentCore + add", this::fullEvent),
        };
        double[] median = new double[rows.length];
        double[] best = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            runner.say("recording cost · " + rows[r].what());
            for (int i = 0; i < rounds; i++) rows[r].loop().time(events); // warm-up
            double[] perRound = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                System.gc();
                perRound[i] = (double) rows[r].loop().time(events) / events;
            }
            median[r] = Stats.median(perRound);
            best[r] = Arrays.stream(perRound).min().orElseThrow();
        }
        out.println(Stats.fmt("recording cost per event (%s events × %d rounds after %d warm-up rounds)",
                Stats.grouped(events), rounds, rounds));
        TextTable table = new TextTable("<what", "median ns/event", "best ns/event");
        for (int r = 0; r < rows.length; r++) {
            table.row(rows[r].what(), Stats.fmt("%.1f", median[r]), Stats.fmt("%.1f", best[r]));
        }
        table.print(out);
        out.println("(add includes allocating a new " + Stats.grouped(LaneBuffer.CHUNK_EVENTS)
                + "-event chunk whenever one fills; the full step is what ThreadState records per lane state change)");
    }

    private LaneBuffer freshBuffer(int n) {
        return new LaneBuffer(new EventBudget((long) n + LaneBuffer.CHUNK_EVENTS));
    }

    private long clockOnly(int n) {
        long sum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) sum += System.nanoTime();
        long elapsed = System.nanoTime() - start;
        sink = sum;
        return elapsed;
    }

    private long coreOnly(int n) {
        CpuProbe p = probe;
        long sum = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) sum += p.currentCore();
        long elapsed = System.nanoTime() - start;
        sink = sum;
        return elapsed;
    }

    private long addOnly(int n) {
        LaneBuffer buffer = freshBuffer(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) buffer.add(i, EventKind.STATE, 0, i & 7, 0);
        long elapsed = System.nanoTime() - start;
        checkNothingDropped(buffer, n);
        return elapsed;
    }

    private long fullEvent(int n) {
        LaneBuffer buffer = freshBuffer(n);
        CpuProbe p = probe;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) buffer.add(System.nanoTime(), EventKind.STATE, p.currentCore(), i & 7, 0);
        long elapsed = System.nanoTime() - start;
        checkNothingDropped(buffer, n);
        return elapsed;
    }

    private static void checkNothingDropped(LaneBuffer buffer, int n) {
        if (buffer.size() != n || buffer.droppedEvents() != 0) {
            throw new IllegalStateException("the timing buffer kept " + buffer.size() + " of " + n + " events");
        }
        sink = buffer.arg(n - 1);
    }
}
