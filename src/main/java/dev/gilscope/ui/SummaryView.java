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
    private static final int BINS = 120;

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

        speedupChart = ChartFactory.createBarChart("Speed-up over sequential", null, null, speedups,
                PlotOrientation.HORIZONTAL, false, true, false);
        cpuChart = ChartFactory.createXYLineChart("Cores busy over time", "ms from the mode's start", "cores", cpu,
                PlotOrientation.VERTICAL, true, true, false);
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
        getChildren().addAll(speedupViewer, cpuViewer, lockBox);
        styleCharts();
    }

    /** Restyles the charts for the current palette. */
    void styleCharts() {
        Palette p = state.palette();
        for (JFreeChart chart : new JFreeChart[] {speedupChart, cpuChart}) {
            chart.setBackgroundPaint(awt(p.background()));
            chart.getTitle().setPaint(awt(p.text()));
            chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
            chart.getPlot().setBackgroundPaint(awt(p.laneBackground()));
            if (chart.getLegend() != null) {
                chart.getLegend().setBackgroundPaint(awt(p.background()));
                chart.getLegend().setItemPaint(awt(p.text()));
            }
        }
        var bars = speedupChart.getCategoryPlot();
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
        if (cpuChart.getLegend() != null) cpuChart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        XYPlot xy = cpuChart.getXYPlot();
        xy.getDomainAxis().setTickLabelPaint(awt(p.text()));
        xy.getDomainAxis().setLabelPaint(awt(p.text()));
        xy.getRangeAxis().setTickLabelPaint(awt(p.text()));
        xy.getRangeAxis().setLabelPaint(awt(p.text()));
        ((NumberAxis) xy.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) xy.getRenderer();
        for (int i = 0; i < Mode.values().length; i++) {
            lines.setSeriesPaint(i, awt(MODE_COLOURS[i]));
            lines.setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
    }

    /** One colour per mode for the CPU chart (the modes' series keep their order). */
    private static final int[] MODE_COLOURS = {0xFF4E79A7, 0xFFD55E00, 0xFF009E73, 0xFFCC79A7};

    private String shown = "";

    /** Rebuilds the figures when a mode has finished (or a run was opened) since the last time. */
    void update() {
        StringBuilder signature = new StringBuilder();
        for (ModeRow row : model.rows()) {
            boolean finished = row.status() == ModeRow.Status.DONE || row.status() == ModeRow.Status.FAILED;
            if (finished) signature.append(row.mode()).append(row.status()).append(row.durationNanos()).append(';');
        }
        signature.append(state.palette().name());
        if (signature.toString().equals(shown)) return;
        shown = signature.toString();
        // One redraw per chart for the whole update, not one per value changed.
        speedupChart.setNotify(false);
        cpuChart.setNotify(false);
        try {
            rebuild();
        } finally {
            speedupChart.setNotify(true);
            cpuChart.setNotify(true);
        }
    }

    private void rebuild() {
        speedups.clear();
        cpu.removeAllSeries();
        lockTable.getChildren().clear();
        long longest = 0;
        for (ModeRow row : model.rows()) longest = Math.max(longest, row.durationNanos());
        int line = 0;
        lockTable.addRow(line++, header("mode"), header("hand-offs"), header("drop requests"), header("waiting"),
                header("CPU s"));
        for (ModeRow row : model.rows()) {
            if (row.status() != ModeRow.Status.DONE && row.status() != ModeRow.Status.FAILED) continue;
            String name = row.mode().cliName();
            model.speedup(row.mode()).ifPresent(s -> speedups.addValue(s, "speed-up", name));
            XYSeries series = new XYSeries(name);
            double[] busy = CpuUse.of(row, BINS, longest);
            long mine = row.durationNanos();
            for (int b = 0; b < BINS; b++) {
                double atMillis = (b + 0.5) * longest / BINS / 1e6;
                if (atMillis * 1e6 > mine) break;
                series.add(atMillis, busy[b]);
            }
            cpu.addSeries(series);
            java.util.Map<String, Object> figures = RowFigures.values(row);
            lockTable.addRow(line++, new Label(name), new Label(figure(figures, "handoffs", "%,.0f")),
                    new Label(figure(figures, "dropRequests", "%,.0f")), new Label(percent(figures)),
                    new Label(figure(figures, "cpuSeconds", "%.2f")));
        }
        styleCharts();
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
