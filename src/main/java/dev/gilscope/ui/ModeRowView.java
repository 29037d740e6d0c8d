package dev.gilscope.ui;

import dev.gilscope.trace.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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

    /** What a row's context menu does on the board: export the row, pin a note to a moment of it. */
    interface RowActions {
        /** Exports one row's chart: "png" or "svg". */
        void export(ModeRow row, String format);

        /** Asks for a note's text and pins it at {@code atNanos} on {@code row}. */
        void pinNote(ModeRow row, long atNanos);
    }

    ModeRowView(ModeRow row, BoardModel model, BoardState state, RowActions actions) {
        this.row = row;
        this.model = model;
        this.chart = new ChartPane(row, state, model);
        String id = row.mode().cliName();
        ContextMenu menu = new ContextMenu();
        menu.setId("row-menu-" + id);
        chart.setOnContextMenuRequested(e -> {
            menu.getItems().setAll(menuItems(actions, e.getX()));
            menu.show(chart, e.getScreenX(), e.getScreenY());
        });
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

    /** The chart's context menu at {@code x}: remove the note there, or pin one; export the row. */
    List<MenuItem> menuItems(RowActions actions, double x) {
        List<MenuItem> items = new ArrayList<>();
        var near = chart.noteAt(x);
        boolean hasRun = model.lastResult().isPresent() || model.opened().isPresent();
        if (near.isPresent()) {
            Note note = near.get().getValue();
            MenuItem remove = new MenuItem("Remove note " + near.get().getKey() + " (" + Durations.moment(note.atNanos()) + ")");
            remove.setId("note-remove");
            remove.setOnAction(e -> model.unpin(note));
            items.add(remove);
        } else if (hasRun && !model.running()) {
            long at = chart.timeAt(x);
            MenuItem pin = new MenuItem("Pin a note at " + Durations.moment(at) + "…");
            pin.setId("note-pin-here");
            pin.setOnAction(e -> actions.pinNote(row, at));
            items.add(pin);
        }
        MenuItem png = new MenuItem("Export this row as PNG…");
        png.setOnAction(e -> actions.export(row, "png"));
        MenuItem svg = new MenuItem("Export this row as SVG…");
        svg.setOnAction(e -> actions.export(row, "svg"));
        if (!items.isEmpty()) items.add(new SeparatorMenuItem());
        items.addAll(List.of(png, svg));
        return items;
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
