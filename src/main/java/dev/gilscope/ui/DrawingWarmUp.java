package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.JFreeChart;
import org.jfree.fx.FXGraphics2D;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Compiles the drawing code before the first run: paints a made-up recording off-screen a few times,
 * and draws the summary charts, on a background thread when the window opens. Without it the first live frames run interpreted, and
 * next to busy workers a frame can take a quarter of a second.
 */
final class DrawingWarmUp {

    private DrawingWarmUp() {}

    static void start() {
        Thread.ofPlatform().daemon().name("gilscope-drawing-warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
            ModeRow row = new ModeRow(Mode.GIL_THREADS);
            row.start(syntheticGilTrace(16, 20_000), 0);
            row.refresh();
            RowLayout layout = RowLayout.of(2, 16);
            TimeWindow window = new TimeWindow();
            window.setExtent(row.durationNanos());
            int width = 1200;
            int[] pixels = new int[width * layout.height()];
            TimelinePainter painter = new TimelinePainter();
            for (int i = 0; i < 40; i++) {
                if (i % 2 == 1) window.zoomTo(i * 100_000L, i * 100_000L + 1_000_000);
                else window.reset();
                painter.paint(row, window, width, layout, Palette.LIGHT, Long.MAX_VALUE, i % 3 - 1, pixels);
                RowInspector.describe(row, window, width, layout, i * 10, layout.laneTop(1) + 1, Long.MAX_VALUE);
            }
            warmUpSummaryCharts();
        });
    }

    /**
     * Draws the summary's two charts, built and styled as the window builds them, on a canvas that is in
     * no scene (allowed off the UI thread): the first mode to finish then redraws them compiled.
     */
    private static void warmUpSummaryCharts() {
        DefaultCategoryDataset speedups = new DefaultCategoryDataset();
        XYSeriesCollection cpu = new XYSeriesCollection();
        for (Mode mode : Mode.values()) {
            speedups.addValue(1 + mode.ordinal() * 0.5, "speed-up", mode.cliName());
            XYSeries series = new XYSeries(mode.cliName());
            for (int b = 0; b < SummaryView.BINS; b++) series.add(b * 10.0, (b + mode.ordinal()) % 3);
            cpu.addSeries(series);
        }
        JFreeChart[] charts = {SummaryView.speedupChart(speedups), SummaryView.cpuChart(cpu)};
        Canvas canvas = new Canvas(560, SummaryView.HEIGHT);
        FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
        Rectangle2D area = new Rectangle2D.Double(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int i = 0; i < 30; i++) {
            for (JFreeChart chart : charts) {
                SummaryView.style(chart, i % 2 == 0 ? Palette.LIGHT : Palette.DARK);
                canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight()); // drops the queued drawing
                chart.draw(g, area);
            }
        }
    }

    /** Lanes that take turns holding an emulated lock, as a gil-threads run records them. */
    static ModeTrace syntheticGilTrace(int workers, long segments) {
        long eventsPerLane = segments * 3 / 2 + 2;
        ModeTrace trace = new ModeTrace("gil-threads", new EventBudget(eventsPerLane * workers + LaneBuffer.CHUNK_EVENTS * workers));
        trace.start(1);
        SplittableRandom random = new SplittableRandom(42);
        long end = 1;
        for (int l = 0; l < workers; l++) {
            LaneBuffer lane = trace.addLane("T" + (l + 1)).buffer();
            long t = 1;
            for (long s = 0; s < segments; s++) {
                boolean holding = (s + l) % 2 == 0;
                int core = (int) ((s / 2 + l) % 2);
                lane.add(t, EventKind.STATE, core, (holding ? LaneState.RUNNING_WITH_LOCK : LaneState.WAITING_FOR_LOCK).ordinal(), 0);
                if (holding) lane.add(t, EventKind.HANDOFF, core, (l + 1) % workers, 5_000);
                t += 1_000 + random.nextInt(2_000);
            }
            end = Math.max(end, t);
        }
        trace.finish(end);
        return trace;
    }

}
