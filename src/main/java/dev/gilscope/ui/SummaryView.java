package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Under the rows: speed-up over sequential per mode, cores kept busy over time per mode, and the lock
 * figures side by side. Rebuilt when a mode finishes, never per frame.
 */
final class SummaryView extends HBox {

    static final double HEIGHT = 210;
    static final int BINS = 120;
    private static final double LOCK_BOX_WIDTH = 400;

    private final BoardModel model;
    private final BoardState state;
    private final DefaultCategoryDataset speedups = new DefaultCategoryDataset();
    private final XYSeriesCollection cpu = new XYSeriesCollection();
    private final JFreeChart speedupChart;
    private final JFreeChart cpuChart;
    private final GridPane lockTable = new GridPane();

    SummaryView(BoardModel model, BoardState state) {
        this.model = model;
        this.state = state;
        setId("summary");
        getStyleClass().add("summary");
        setSpacing(10);
        setPadding(new Insets(4, 0, 4, 0));
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);

        speedupChart = speedupChart(speedups);
        cpuChart = cpuChart(cpu);
        ChartViewer speedupViewer = new ChartViewer(speedupChart);
        speedupViewer.setId("speedup-chart");
        ChartViewer cpuViewer = new ChartViewer(cpuChart);
        cpuViewer.setId("cpu-chart");
        speedupViewer.setPrefSize(420, HEIGHT);
        cpuViewer.setPrefSize(560, HEIGHT);
        HBox.setHgrow(cpuViewer, Priority.ALWAYS);
        lockTable.setId("lock-table");
        lockTable.setHgap(12);
        lockTable.setVgap(3);
        VBox lockBox = new VBox(4, new Label("Lock figures"), lockTable);
        lockBox.getStyleClass().add("lock-box");
        // A fixed width: new figures must not resize (and so redraw) the charts beside them.
        lockBox.setMinWidth(LOCK_BOX_WIDTH);
        lockBox.setPrefWidth(LOCK_BOX_WIDTH);
        lockBox.setMaxWidth(LOCK_BOX_WIDTH);
        getChildren().addAll(speedupViewer, cpuViewer, lockBox);
        styleCharts();
    }

    static JFreeChart speedupChart(DefaultCategoryDataset speedups) {
        JFreeChart chart = ChartFactory.createBarChart("Speed-up over sequential", null, null, speedups,
                PlotOrientation.HORIZONTAL, false, true, false);
        chart.getPlot().setNoDataMessage("No sequential run to compare with");
        return chart;
    }

    static JFreeChart cpuChart(XYSeriesCollection cpu) {
        // No tooltips on the line chart: they cost an entity per point at every redraw, for little.
        // No label on the vertical axis (the title says "cores"): rotated text is drawn as outlines, slowly.
        return ChartFactory.createXYLineChart("Cores busy over time", "ms from the mode's start", null, cpu,
                PlotOrientation.VERTICAL, true, false, false);
    }

    /** Restyles the charts for the current palette: one redraw each. */
    void styleCharts() {
        for (JFreeChart chart : new JFreeChart[] {speedupChart, cpuChart}) {
            chart.setNotify(false);
            try {
                style(chart, state.palette());
            } finally {
                chart.setNotify(true);
            }
        }
    }

    /** Styles one chart; call with its notifications off, or every setter below redraws it. */
    static void style(JFreeChart chart, Palette p) {
        chart.setBackgroundPaint(awt(p.background()));
        chart.getTitle().setPaint(awt(p.text()));
        chart.getPlot().setNoDataMessagePaint(awt(p.mutedText()));
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        chart.getPlot().setBackgroundPaint(awt(p.laneBackground()));
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(awt(p.background()));
            chart.getLegend().setItemPaint(awt(p.text()));
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            if (chart.getLegend() != null) chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
            styleLines(xy, p);
        } else {
            styleBars(chart.getCategoryPlot(), p);
        }
    }

    private static void styleBars(org.jfree.chart.plot.CategoryPlot bars, Palette p) {
        // Solid grid lines: JFreeChart's dotted default makes the software renderer cut every line into
        // hundreds of dashes, 100 ms or more a redraw, and the window stops drawing meanwhile.
        bars.setRangeGridlineStroke(GRID);
        bars.setDomainGridlineStroke(GRID);
        bars.getDomainAxis().setTickLabelPaint(awt(p.text()));
        bars.getRangeAxis().setTickLabelPaint(awt(p.text()));
        bars.getRangeAxis().setLabelPaint(awt(p.text()));
        BarRenderer barRenderer = (BarRenderer) bars.getRenderer();
        barRenderer.setSeriesPaint(0, awt(p.worker(0)));
        barRenderer.setShadowVisible(false);
        barRenderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        barRenderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator(
                "{2}×", new java.text.DecimalFormat("0.00")));
        barRenderer.setDefaultItemLabelsVisible(true);
        barRenderer.setDefaultItemLabelPaint(awt(p.text()));
        bars.getRangeAxis().setUpperMargin(0.2); // room for the "1.98×" labels
    }

    private static void styleLines(XYPlot xy, Palette p) {
        xy.setDomainGridlineStroke(GRID);
        xy.setRangeGridlineStroke(GRID);
        xy.getDomainAxis().setTickLabelPaint(awt(p.text()));
        xy.getDomainAxis().setLabelPaint(awt(p.text()));
        xy.getRangeAxis().setTickLabelPaint(awt(p.text()));
        xy.getRangeAxis().setLabelPaint(awt(p.text()));
        ((NumberAxis) xy.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) xy.getRenderer();
        lines.setDrawSeriesLineAsPath(true); // one shape per mode, not one per point: far cheaper to rasterize
        paintModes(xy);
    }

    /** Each mode's line in its own colour, whichever modes ran (series are indexed by position, not mode). */
    private static void paintModes(XYPlot xy) {
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) xy.getRenderer();
        for (int i = 0; i < xy.getDataset().getSeriesCount(); i++) {
            String mode = xy.getDataset().getSeriesKey(i).toString();
            lines.setSeriesPaint(i, awt(MODE_COLOURS[Mode.byName(mode).orElseThrow().ordinal()]));
            lines.setSeriesStroke(i, LINE);
        }
    }

    private static final java.awt.Stroke GRID = new java.awt.BasicStroke(0.5f);
    private static final java.awt.Stroke LINE = new java.awt.BasicStroke(2f);

    /** One colour per mode for the CPU chart, in the order of {@link Mode}. */
    private static final int[] MODE_COLOURS = {0xFF4E79A7, 0xFFD55E00, 0xFF009E73, 0xFFCC79A7, 0xFF3A3A3A};

    static {
        if (MODE_COLOURS.length != Mode.values().length) throw new ExceptionInInitializerError("one colour per mode");
    }

    /** A mode's colour in the summary charts, and wherever else modes are compared. */
    static int modeColour(Mode mode) {
        return MODE_COLOURS[mode.ordinal()];
    }

    private String shown = "";
    /** Pieces of a rebuild still to do, one per frame (see {@link #step}). */
    private int piecesLeft;
    private static final int PIECES = 3;

    /**
     * Notes whether a mode has finished (or a run was opened) since the last time; if so the summary
     * is rebuilt over the next frames.
     */
    void update() {
        StringBuilder signature = new StringBuilder();
        for (ModeRow row : model.rows()) {
            if (finished(row)) signature.append(row.mode()).append(row.status()).append(row.durationNanos()).append(';');
        }
        if (signature.toString().equals(shown)) return;
        shown = signature.toString();
        piecesLeft = PIECES;
    }

    /**
     * Does one piece of a pending rebuild: the speed-up chart, the CPU chart or the lock table. A chart
     * redraw costs the UI thread and the renderer tens of milliseconds, so while a run is live the pieces
     * go in separate frames rather than one long stall. Returns whether pieces remain.
     */
    boolean step() {
        if (piecesLeft == 0) return false;
        switch (PIECES - piecesLeft) {
            case 0 -> rebuildSpeedups();
            case 1 -> rebuildCpu();
            default -> rebuildLockTable();
        }
        piecesLeft--;
        return piecesLeft > 0;
    }

    /** Finishes a pending rebuild at once (pictures, which draw a single frame). */
    void finishPending() {
        while (step()) {
            // one piece after another
        }
    }

    private static boolean finished(ModeRow row) {
        return row.status() == ModeRow.Status.DONE || row.status() == ModeRow.Status.FAILED;
    }

    private void rebuildSpeedups() {
        speedupChart.setNotify(false); // one redraw for the whole update, not one per value
        try {
            speedups.clear();
            for (ModeRow row : model.rows()) {
                if (finished(row)) model.speedup(row.mode()).ifPresent(s -> speedups.addValue(s, "speed-up", row.mode().cliName()));
            }
        } finally {
            speedupChart.setNotify(true);
        }
    }

    private void rebuildCpu() {
        cpuChart.setNotify(false);
        try {
            cpu.removeAllSeries();
            long longest = 0;
            for (ModeRow row : model.rows()) longest = Math.max(longest, row.durationNanos());
            // The cores of the machine the run was made on: this one, or the one a saved run names.
            int cores = model.opened().map(run -> run.info().cores()).filter(c -> c > 0)
                    .orElse(Runtime.getRuntime().availableProcessors());
            for (ModeRow row : model.rows()) {
                if (!finished(row)) continue;
                XYSeries series = new XYSeries(row.mode().cliName());
                double[] busy = CpuUse.of(row, BINS, longest, cores);
                long mine = row.durationNanos();
                for (int b = 0; b < BINS; b++) {
                    double atMillis = (b + 0.5) * longest / BINS / 1e6;
                    if (atMillis * 1e6 > mine) break;
                    series.add(atMillis, busy[b]);
                }
                cpu.addSeries(series);
            }
            paintModes(cpuChart.getXYPlot());
        } finally {
            cpuChart.setNotify(true);
        }
    }

    private void rebuildLockTable() {
        lockTable.getChildren().clear();
        int line = 0;
        lockTable.addRow(line++, header("mode"), header("hand-offs"), header("drop requests"), header("waiting"),
                header("CPU s"));
        for (ModeRow row : model.rows()) {
            if (!finished(row)) continue;
            java.util.Map<String, Object> figures = RowFigures.values(row);
            lockTable.addRow(line++, new Label(row.mode().cliName()), new Label(figure(figures, "handoffs", "%,.0f")),
                    new Label(figure(figures, "dropRequests", "%,.0f")), new Label(percent(figures)),
                    new Label(figure(figures, "cpuSeconds", "%.2f")));
        }
    }

    private static String figure(java.util.Map<String, Object> figures, String key, String format) {
        Object value = figures.get(key);
        return value instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "–";
    }

    private static String percent(java.util.Map<String, Object> figures) {
        Object value = figures.get("lockWaitFraction");
        return value instanceof Number n ? String.format(Locale.ROOT, "%.0f%%", 100 * n.doubleValue()) : "–";
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static java.awt.Color awt(int argb) {
        return new java.awt.Color(argb, true);
    }
}
