package dev.gilscope.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One row of the board: the mode's name and figures on the left, its chart on the right. */
final class ModeRowView extends HBox {

    static final double FIGURES_WIDTH = 210;

    private final ModeRow row;
    private final BoardModel model;
    private final ChartPane chart;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label wall = new Label();
    private final Label lock = new Label();
    private final Label failure = new Label();
    private long shownVersion = -1;
    private final Tooltip failureTip = new Tooltip();

    /** Exports one row's chart: called with the mode and "png" or "svg". */
    interface RowExport {
        void export(ModeRow row, String format);
    }

    ModeRowView(ModeRow row, BoardModel model, BoardState state, RowExport export) {
        this.row = row;
        this.model = model;
        this.chart = new ChartPane(row, state);
        String id = row.mode().cliName();
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem("Export this row as PNG…");
        png.setOnAction(e -> export.export(row, "png"));
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem("Export this row as SVG…");
        svg.setOnAction(e -> export.export(row, "svg"));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(png, svg);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        setId("row-" + id);
        getStyleClass().add("mode-row");
        Label name = new Label(id);
        name.getStyleClass().add("mode-name");
        Tooltip.install(name, new Tooltip(row.mode().description()));
        status.setId("status-" + id);
        wall.setId("wall-" + id);
        wall.getStyleClass().add("figure-big");
        lock.setId("lock-" + id);
        lock.getStyleClass().add("figure");
        lock.setWrapText(true);
        failure.setId("failure-" + id);
        failure.getStyleClass().add("failure");
        failure.setWrapText(true);
        failure.setTooltip(failureTip);
        progress.setId("progress-" + id);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox heading = new HBox(8, name, status);
        VBox figures = new VBox(3, heading, progress, wall, lock, failure);
        figures.setPadding(new Insets(4, 8, 4, 8));
        figures.setMinWidth(FIGURES_WIDTH);
        figures.setPrefWidth(FIGURES_WIDTH);
        figures.setMaxWidth(FIGURES_WIDTH);
        HBox.setHgrow(chart, Priority.ALWAYS);
        getChildren().addAll(figures, chart);
        refreshFigures();
    }

    ChartPane chart() {
        return chart;
    }

    ModeRow row() {
        return row;
    }

    /** Updates the figures when the row changed; cheap enough for every frame. */
    void refreshFigures() {
        if (shownVersion == row.version()) return;
        shownVersion = row.version();
        status.setText(row.status().label());
        status.getStyleClass().setAll("status", "status-" + row.status().name().toLowerCase(Locale.ROOT));
        double p = row.progress();
        progress.setVisible(row.status() == ModeRow.Status.RUNNING || row.status() == ModeRow.Status.QUEUED);
        // Never the indeterminate bar: it animates every frame, and each frame costs the workers CPU.
        progress.setProgress(row.status() == ModeRow.Status.QUEUED || p < 0 ? 0 : p);
        RowFigures figures = RowFigures.of(row, model.speedup(row.mode()));
        wall.setText(figures.wall());
        lock.setText(figures.lock());
        failure.setText(figures.failure());
        if (!figures.failure().equals(failureTip.getText())) failureTip.setText(figures.failure());
    }
}
