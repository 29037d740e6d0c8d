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
        BoardPicture.startToolkit();
        CompletableFuture<BoardView> shown = new CompletableFuture<>();
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            BoardView board = new BoardView(new BoardModel(Platform::runLater));
            stage[0] = new Stage();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage[0].setScene(new Scene(board, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight())));
            stage[0].show();
            shown.complete(board);
        });
        BoardView board = shown.get(30, TimeUnit.SECONDS);
        DrawingWarmUp.start(); // as the window does when it opens
        Thread.sleep(1_500); // let the window settle and the drawing code compile
        List<LiveStall> stalls = new ArrayList<>();
        try {
            for (int r = 0; r < runs; r++) stalls.add(watch(board, request, timeoutSeconds));
            return stalls;
        } finally {
            Platform.runLater(() -> {
                board.frames().stop();
                stage[0].close();
            });
        }
    }

    private static LiveStall watch(BoardView board, RunRequest.Checked request, long timeoutSeconds) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        long began = System.nanoTime();
        Platform.runLater(() -> {
            board.frames().resetStatistics();
            board.model().run(request);
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Thread.sleep(200);
        while (board.model().running() && System.nanoTime() < deadline) Thread.sleep(50);
        if (board.model().running()) board.model().cancel();
        board.model().awaitIdle(10_000);
        double wall = (System.nanoTime() - began) / 1e9;
        return new LiveStall(request.settings().workers(), wall, board.frames().frames(),
                board.frames().longestFrameNanos() / 1e6, board.frames().longestGapNanos() / 1e6, board.model().status());
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
