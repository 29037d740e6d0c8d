package dev.gilscope.cli.bench;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.ui.BoardBench;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 6: load. 64 workers for about a minute in every mode, live on a board in a headless window,
 * with the lock switching every 5 µs and the recording cap at a quarter of its default, so that
 * gil-threads records more events than the cap allows. What a user would notice: whether memory stays
 * bounded (the heap at its peak and after the run, the worker processes' proportional resident memory),
 * whether the board says what it could not keep, and whether the window keeps drawing and answering (longest gap between frames, target 100 ms; how long
 * a task posted to the UI thread waited, while the bench zooms and selects workers every half second).
 */
public final class LoadBench {

    static final int WORKERS = 64;
    static final double GAP_TARGET_MS = 100;
    private static final long TASK_SIZE = 100_000; // count-primes below 100,000: about 10 ms a task
    private static final double SWITCH_INTERVAL_MS = 0.005;
    /** A quarter of the default cap, so that a minute of gil-threads overflows it and the board must say so. */
    static final long MAX_EVENTS = EventBudget.DEFAULT_MAX_EVENTS / 4;

    private final BenchRunner runner;
    private final boolean quick;

    public LoadBench(BenchRunner runner, boolean quick) {
        this.runner = runner;
        this.quick = quick;
    }

    public void run(PrintStream out) {
        double seconds = quick ? 10 : 60;
        List<RunRequest.Checked> requests = new ArrayList<>();
        double freeThreadsProbe = Double.NaN;
        for (Mode mode : List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS, Mode.PROCESSES)) {
            // One task per worker first, to size the run: processes share free threads' two cores, and
            // probing them would mostly time 64 JVMs starting.
            double probe = mode == Mode.PROCESSES ? freeThreadsProbe : probeSeconds(mode);
            if (mode == Mode.FREE_THREADS) freeThreadsProbe = probe;
            int tasks = (int) Math.max(WORKERS, Math.min(RunRequest.MAX_TASKS, Math.round(WORKERS * seconds / probe)));
            requests.add(request(mode, tasks).check());
        }
        runner.say(Stats.fmt("load: %d workers × about %.0f s in each mode, live in a headless window", WORKERS, seconds));
        BoardBench.LoadRuns all;
        try {
            // A mode that runs far longer in the window than alone (gil-threads: the window's threads preempt
            // the lock holder) is cancelled at half again the planned time.
            all = BoardBench.loadRuns(requests, (long) (seconds * 1.5), line -> runner.say("load: " + line));
        } catch (Exception e) {
            out.println("load: could not run the window (" + e + ")");
            return;
        }
        List<BoardBench.LoadRun> runs = all.runs();
        out.println(Stats.fmt("load: count-primes below %s in %d workers, switch interval %.3f ms, recording cap %s events a mode "
                        + "(%d MiB, a quarter of the default); each mode live in one board while the bench zooms and selects a worker every 0.5 s",
                Stats.grouped(TASK_SIZE), WORKERS, SWITCH_INTERVAL_MS, Stats.grouped(MAX_EVENTS), MAX_EVENTS * 24 >> 20));
        TextTable memory = new TextTable("mode", "wall", "events kept", "dropped", "heap peak", "heap at end", "workers' PSS",
                "<the board says");
        TextTable window = new TextTable("mode", "frames", "longest gap ms", "longest frame ms", "UI answer median / max ms",
                "<target", "<verdict");
        for (BoardBench.LoadRun r : runs) {
            String recording = r.shownOnBoard().lines().filter(l -> l.startsWith("recording full")).findFirst()
                    .orElse(r.eventsDropped() == 0 ? "(nothing dropped)" : "MISSING: dropped events not shown");
            memory.row(r.mode(), Stats.fmt("%.1f s%s", r.wallSeconds(), r.stoppedAtLimit() ? " (cancelled)" : ""),
                    Stats.grouped(r.eventsKept()), Stats.grouped(r.eventsDropped()), mebibytes(r.heapPeakBytes()), mebibytes(r.heapAfterBytes()),
                    r.childrenPeakBytes() == 0 ? "–" : mebibytes(r.childrenPeakBytes()), recording);
            window.row(r.mode(), Stats.grouped(r.frames()), Stats.fmt("%.1f", r.longestGapMillis()),
                    Stats.fmt("%.1f", r.longestFrameMillis()), Stats.fmt("%.1f / %.1f", r.answerMedianMillis(), r.answerMaxMillis()),
                    "gap ≤ 100 ms", r.longestGapMillis() <= GAP_TARGET_MS ? "within" : "outside");
        }
        memory.print(out);
        out.println(Stats.fmt("heap after a full collection once all modes had run, the board still open: %s (heap at end "
                + "includes garbage not yet collected)", mebibytes(all.retainedHeapBytes())));
        out.println();
        window.print(out);
        for (BoardBench.LoadRun r : runs) out.println("  " + r.status());
    }

    private double probeSeconds(Mode mode) {
        RunRequest.Checked probe = request(mode, WORKERS).check();
        // at the window's priority, as the measured run will be: gil-threads hands over far slower there
        var result = runner.runOne("load: sizing", "count-primes", probe.params(),
                probe.settings().withWorkerNice(RunSettings.LOWEST_NICE).withThreadsInOwnJvm(true), mode);
        return Math.max(0.01, result.wallNanos() / 1e9);
    }

    private static RunRequest request(Mode mode, int tasks) {
        return new RunRequest("count-primes", mode.cliName(), WORKERS, tasks, TASK_SIZE, null, SWITCH_INTERVAL_MS, "new",
                null, true, "back-edges", null, "cold", MAX_EVENTS);
    }

    private static String mebibytes(long bytes) {
        return Stats.fmt("%,d MiB", bytes >> 20);
    }
}
