package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.trace.ModeTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measurements of the board for {@code gilscope bench}: how long a frame takes to paint a very large
 * recording, and the longest the UI thread went without a frame during a live run.
 */
public final class BoardBench {

    private BoardBench() {}

    /** Frame times in ms: median and worst of several frames, and the one-time cost of indexing. */
    public record FrameTimes(int workers, long segmentsPerWorker, long events, double indexMillis,
                             double fullP50, double fullMax, double zoomP50, double zoomMax, int width, int frames) {}

    /** The UI thread during a live run: its longest frame and the longest gap between two frames, ms. */
    public record LiveStall(int workers, double wallSeconds, long frames, double longestFrameMillis, double longestGapMillis,
                            String status) {}

    /**
     * Paints a recording of {@code workers} lanes × {@code segments} lock states (two threads taking
     * turns every 1–3 µs, a hand-off at each turn) at full zoom-out and at a 1 ms window.
     */
    public static FrameTimes frameTimes(int workers, long segments, int width, int frames) {
        ModeTrace trace = DrawingWarmUp.syntheticGilTrace(workers, segments);
        ModeRow row = new ModeRow(Mode.GIL_THREADS);
        row.start(trace, 0);
        long began = System.nanoTime();
        row.refresh();
        double indexMillis = (System.nanoTime() - began) / 1e6;
        long events = 0;
        for (int l = 0; l < row.laneCount(); l++) events += row.snapshot().eventCount(l);

        RowLayout layout = RowLayout.of(2, workers);
        TimelinePainter painter = new TimelinePainter();
        int[] pixels = new int[width * layout.height()];
        TimeWindow window = new TimeWindow();
        window.setExtent(row.durationNanos());
        for (int f = 0; f < 10; f++) paintMillis(painter, row, window, width, layout, pixels); // compile first
        double[] full = new double[frames];
        for (int f = 0; f < frames; f++) full[f] = paintMillis(painter, row, window, width, layout, pixels);
        SplittableRandom random = new SplittableRandom(1);
        double[] zoom = new double[frames];
        for (int f = 0; f < frames; f++) {
            long at = random.nextLong(Math.max(1, row.durationNanos() - 1_000_000));
            window.zoomTo(at, at + 1_000_000);
            zoom[f] = paintMillis(painter, row, window, width, layout, pixels);
        }
        return new FrameTimes(workers, segments, events, indexMillis, median(full), max(full), median(zoom), max(zoom),
                width, frames);
    }

    private static double paintMillis(TimelinePainter painter, ModeRow row, TimeWindow window, int width, RowLayout layout,
                                      int[] pixels) {
        long t0 = System.nanoTime();
        painter.paint(row, window, width, layout, Palette.LIGHT, Long.MAX_VALUE, -1, pixels);
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Runs {@code request} {@code runs} times, one after another, in a real board (headless window) and
     * watches the frame timer during each: the longest frame and the longest gap between frames, from
     * the press of Run to the end of the run. The first run is the one just after the window opened,
     * when the drawing code has barely been compiled; the later ones show the window warmed up.
     */
    public static List<LiveStall> liveStalls(RunRequest.Checked request, long timeoutSeconds, int runs) throws Exception {
        OpenBoard open = openBoard();
        List<LiveStall> stalls = new ArrayList<>();
        try {
            for (int r = 0; r < runs; r++) stalls.add(watch(open.board(), request, timeoutSeconds));
            return stalls;
        } finally {
            open.close();
        }
    }

    /** A board in a headless window of its own, warmed up as the window warms up when it opens. */
    private record OpenBoard(BoardView board, Stage stage) {
        /**
         * Cancels any run still going (a measurement that failed half-way leaves none behind), closes the
         * window and waits for it, so that no frame is still asking to be rendered when the JVM exits.
         */
        void close() throws Exception {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                if (board.model().running()) board.model().cancel();
                board.frames().stop();
                stage.close();
                closed.complete(null);
            });
            closed.get(10, TimeUnit.SECONDS);
        }
    }

    private static OpenBoard openBoard() throws Exception {
        BoardPicture.startToolkit();
        CompletableFuture<OpenBoard> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            BoardView board = new BoardView(new BoardModel(Platform::runLater));
            Stage stage = new Stage();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(board, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight())));
            stage.show();
            shown.complete(new OpenBoard(board, stage));
        });
        OpenBoard open = shown.get(30, TimeUnit.SECONDS);
        DrawingWarmUp.start(); // as the window does when it opens
        Thread.sleep(1_500); // let the window settle and the drawing code compile
        return open;
    }

    /**
     * One mode under load in a board, as a user would watch it: the run live on the board while, every
     * half second, the view is zoomed into a random 50 ms or back out and a worker is selected.
     *
     * @param heapPeakBytes the most heap in use at any sample (every 250 ms)
     * @param heapAfterBytes heap in use once the run ended, garbage included
     * @param childrenPeakBytes the most memory the child processes took at any sample (their proportional resident share)
     * @param answerMedianMillis, answerMaxMillis how long a task posted to the UI thread waited before it ran
     * @param shownOnBoard what the row's figures said at the end (the recording line among them)
     */
    public record LoadRun(String mode, boolean stoppedAtLimit, double wallSeconds, long frames, double longestGapMillis, double longestFrameMillis,
                          double answerMedianMillis, double answerMaxMillis, long eventsKept, long eventsDropped,
                          long heapPeakBytes, long heapAfterBytes, long childrenPeakBytes, String shownOnBoard, String status) {}

    /** The runs, and the heap still in use after all of them and a full collection, the board still open. */
    public record LoadRuns(List<LoadRun> runs, long retainedHeapBytes) {}

    private static long retainedHeapBytes() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Runs each request (one mode each) in turn in one board and measures it under load; a run still
     * going after {@code timeoutSeconds} is cancelled, and the cancel is part of what is measured.
     */
    public static LoadRuns loadRuns(List<RunRequest.Checked> requests, long timeoutSeconds,
                                         java.util.function.Consumer<String> progress) throws Exception {
        OpenBoard open = openBoard();
        List<LoadRun> runs = new ArrayList<>();
        try {
            for (RunRequest.Checked request : requests) {
                progress.accept(request.modes().get(0).cliName() + ": " + request.params().tasks() + " tasks in "
                        + request.settings().workers() + " workers");
                runs.add(load(open.board(), request, timeoutSeconds));
            }
            return new LoadRuns(runs, retainedHeapBytes());
        } finally {
            open.close();
        }
    }

    private static LoadRun load(BoardView board, RunRequest.Checked request, long timeoutSeconds) throws Exception {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        Mode mode = request.modes().get(0);
        // No full collection between modes: it would shrink the heap, and the young generation with it, so
        // that this run collected (and stopped every thread) far more often than a window that was not asked to.
        long began = pressRun(board, request);
        long deadline = began + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<Double> answers = new ArrayList<>();
        long heapPeak = 0, childrenPeak = 0;
        SplittableRandom random = new SplittableRandom(7);
        int tick = 0;
        while (board.model().running() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
            // Every 2 s: summing 64 worker JVMs' smaps_rollup costs the kernel about 0.1 s of CPU, which at
            // four times a second competed with the window it measures. The workers' memory grows slowly.
            if (tick % 8 == 0) childrenPeak = Math.max(childrenPeak, dev.gilscope.sampling.ResidentMemory.ofChildren());
            if (++tick % 2 == 0) {
                long posted = System.nanoTime();
                boolean zoomIn = tick % 4 == 0;
                long at = random.nextLong(1, Long.MAX_VALUE);
                int worker = random.nextInt(Math.max(1, request.settings().workers()));
                CompletableFuture<Double> answered = new CompletableFuture<>();
                Platform.runLater(() -> {
                    answered.complete((System.nanoTime() - posted) / 1e6);
                    TimeWindow window = board.state().window();
                    if (zoomIn && window.extent() > 100_000_000) {
                        long from = Math.floorMod(at, window.extent() - 50_000_000);
                        window.zoomTo(from, from + 50_000_000);
                    } else {
                        window.reset();
                    }
                    board.state().select(worker);
                });
                answers.add(answered.get(30, TimeUnit.SECONDS));
            }
        }
        boolean stopped = board.model().running();
        if (stopped) cancelOnUiThread(board); // as a user would stop a run that goes on too long
        board.model().awaitIdle(30_000);
        double wall = (System.nanoTime() - began) / 1e9;
        // the frame figures of the run, before the bench's own collection below can add a pause to them
        long frames = board.frames().frames();
        double longestGap = board.frames().longestGapNanos() / 1e6, longestFrame = board.frames().longestFrameNanos() / 1e6;
        CompletableFuture<String> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            board.state().window().reset();
            board.state().select(-1);
            javafx.scene.Node figures = board.lookup("#lock-" + mode.cliName());
            shown.complete(figures instanceof javafx.scene.control.Label label ? label.getText() : "");
        });
        String shownOnBoard = shown.get(10, TimeUnit.SECONDS);
        long kept = 0, dropped = 0;
        ModeRow row = board.model().row(mode);
        if (row != null && row.trace() != null) {
            for (var lane : row.trace().lanes()) kept += lane.buffer().size();
            dropped = row.trace().droppedEvents();
        }
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        double[] waits = answers.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new LoadRun(mode.cliName(), stopped, wall, frames, longestGap, longestFrame,
                waits.length == 0 ? 0 : waits[waits.length / 2],
                waits.length == 0 ? 0 : waits[waits.length - 1], kept, dropped, heapPeak, heapAfter, childrenPeak,
                shownOnBoard, board.model().status());
    }

    private static LiveStall watch(BoardView board, RunRequest.Checked request, long timeoutSeconds) throws Exception {
        long began = pressRun(board, request);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Thread.sleep(200);
        while (board.model().running() && System.nanoTime() < deadline) Thread.sleep(50);
        if (board.model().running()) cancelOnUiThread(board);
        board.model().awaitIdle(10_000);
        double wall = (System.nanoTime() - began) / 1e9;
        return new LiveStall(request.settings().workers(), wall, board.frames().frames(),
                board.frames().longestFrameNanos() / 1e6, board.frames().longestGapNanos() / 1e6, board.model().status());
    }

    /** Starts a run on the UI thread with fresh frame statistics; returns when it was asked for ({@link System#nanoTime()}). */
    private static long pressRun(BoardView board, RunRequest.Checked request) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        long began = System.nanoTime();
        Platform.runLater(() -> {
            board.frames().resetStatistics();
            board.model().run(request);
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        return began;
    }

    /** Presses Cancel, as the window does: on the UI thread, which the board's model belongs to. */
    private static void cancelOnUiThread(BoardView board) throws Exception {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Platform.runLater(() -> {
            board.model().cancel();
            cancelled.complete(null);
        });
        cancelled.get(10, TimeUnit.SECONDS);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
