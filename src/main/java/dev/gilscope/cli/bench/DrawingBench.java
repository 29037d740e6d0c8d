package dev.gilscope.cli.bench;

import dev.gilscope.runtime.RunRequest;
import dev.gilscope.ui.BoardBench;
import java.io.PrintStream;
import java.util.List;

/**
 * Section 5: the board. How long one frame takes to paint 16 workers × 1,000,000 lock states at full
 * zoom-out and at a 1 ms window (the target is a 60 Hz frame, 16 ms), and the longest the UI thread
 * went without a frame while 16 workers ran live in three modes, in the first run after the window
 * opened and in the next one (target 50 ms).
 */
public final class DrawingBench {

    static final double FRAME_TARGET_MS = 16;
    static final double STALL_TARGET_MS = 50;

    private final BenchRunner runner;
    private final boolean quick;

    public DrawingBench(BenchRunner runner, boolean quick) {
        this.runner = runner;
        this.quick = quick;
    }

    public void run(PrintStream out) {
        int workers = 16;
        long segments = quick ? 100_000 : 1_000_000;
        runner.say("drawing: painting " + workers + " × " + Stats.grouped(segments) + " segments");
        BoardBench.FrameTimes f = BoardBench.frameTimes(workers, segments, 1600, quick ? 5 : 15);
        out.println(Stats.fmt("board frame time (%d workers × %s lock states, %s events, %d px wide, %d frames each; "
                        + "indexing them once took %.0f ms)", f.workers(), Stats.grouped(f.segmentsPerWorker()),
                Stats.grouped(f.events()), f.width(), f.frames(), f.indexMillis()));
        TextTable frames = new TextTable("<zoom", "p50 ms", "max ms", "<target", "<verdict");
        frames.row("whole run", Stats.fmt("%.2f", f.fullP50()), Stats.fmt("%.2f", f.fullMax()), "≤ 16 ms",
                f.fullP50() <= FRAME_TARGET_MS ? "within" : "outside");
        frames.row("1 ms window", Stats.fmt("%.2f", f.zoomP50()), Stats.fmt("%.2f", f.zoomMax()), "≤ 16 ms",
                f.zoomP50() <= FRAME_TARGET_MS ? "within" : "outside");
        frames.print(out);

        out.println();
        System.gc(); // the frame test's 24 M events are garbage now: collect them before the live run, not during it
        RunRequest request = new RunRequest("count-primes", "gil-threads,free-threads,processes", workers,
                quick ? 16 : 32, quick ? 100_000L : 300_000L, null, 5.0, "new", null, true, "back-edges", null, "cold",
                dev.gilscope.trace.EventBudget.DEFAULT_MAX_EVENTS);
        RunRequest.Checked checked = request.check();
        runner.say("drawing: two live runs of " + workers + " workers in a headless window");
        TextTable stall = new TextTable("run", "wall", "frames", "longest frame ms", "longest gap ms", "<target", "<verdict");
        try {
            List<BoardBench.LiveStall> runs = BoardBench.liveStalls(checked, 300, 2);
            String[] names = {"first, just after the window opened", "second, same window"};
            for (int i = 0; i < runs.size(); i++) {
                BoardBench.LiveStall s = runs.get(i);
                stall.row(names[i], Stats.fmt("%.1f s", s.wallSeconds()), Stats.grouped(s.frames()),
                        Stats.fmt("%.1f", s.longestFrameMillis()), Stats.fmt("%.1f", s.longestGapMillis()), "gap ≤ 50 ms",
                        s.longestGapMillis() <= STALL_TARGET_MS ? "within" : "outside");
            }
            out.println(Stats.fmt("UI thread during live runs of count-primes %d × %s, %d workers, 3 modes (frames drawn by the "
                    + "board's frame timer; a gap is the time between two frames, from the press of Run to the end)",
                    checked.params().tasks(), Stats.grouped(checked.params().size()), workers));
            stall.print(out);
            for (BoardBench.LiveStall s : runs) out.println("  " + s.status());
        } catch (Exception e) {
            out.println("UI thread during a live run: could not run the window (" + e + ")");
        }
    }
}
