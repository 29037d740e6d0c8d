package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ProcessCosts;
import dev.gilscope.trace.LockStatistics;
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

    ModeRowView(ModeRow row, BoardModel model, BoardState state) {
        this.row = row;
        this.model = model;
        this.chart = new ChartPane(row, state);
        String id = row.mode().cliName();
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
        progress.setProgress(row.status() == ModeRow.Status.QUEUED ? 0 : p < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p);
        ModeResult result = row.result();
        if (result == null && row.savedFigures() != null) {
            showSaved(row.savedFigures());
            return;
        }
        if (result == null) {
            wall.setText(row.live() ? Durations.format(row.durationNanos()) : "");
            lock.setText("");
            failure.setText("");
            return;
        }
        String speedup = model.speedup(row.mode()).map(s -> String.format(Locale.ROOT, "   %.2f×", s)).orElse("");
        wall.setText(String.format(Locale.ROOT, "%.3f s%s", result.wallSeconds(), speedup));
        lock.setText(lockFigures(result));
        failure.setText(result.resultOk() ? "" : result.failure() != null ? result.failure() : "wrong result");
        Tooltip.install(failure, new Tooltip(failure.getText()));
    }

    /** The same figures, as saved in a trace file. */
    private void showSaved(java.util.Map<String, Object> f) {
        double wallSeconds = f.get("wallSeconds") instanceof Number n ? n.doubleValue() : Double.NaN;
        String speedup = f.get("speedup") instanceof Number s ? String.format(Locale.ROOT, "   %.2f×", s.doubleValue()) : "";
        wall.setText(String.format(Locale.ROOT, "%.3f s%s", wallSeconds, speedup));
        if (f.get("spawnSeconds") instanceof Number spawn) {
            lock.setText(String.format(Locale.ROOT, "start-up %.2f s%nserialize %.3f s · %,d bytes piped", spawn.doubleValue(),
                    number(f, "serializeSeconds"), (long) number(f, "bytesTransferred")));
        } else if (f.get("handoffs") instanceof Number handoffs) {
            lock.setText(String.format(Locale.ROOT, "%,d hand-offs · %,d drop requests%n%.0f%% of the time waiting for the lock",
                    handoffs.longValue(), (long) number(f, "dropRequests"), 100 * number(f, "lockWaitFraction")));
        } else {
            lock.setText(String.format(Locale.ROOT, "no lock: CPU %.2f s", number(f, "cpuSeconds")));
        }
        failure.setText(f.get("failure") instanceof String why ? why : "");
    }

    private static double number(java.util.Map<String, Object> f, String key) {
        return f.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static String lockFigures(ModeResult result) {
        if (result.mode() == Mode.PROCESSES && result.processCosts() != null) {
            ProcessCosts costs = result.processCosts();
            return String.format(Locale.ROOT, "start-up %.2f s%nserialize %.3f s · %,d bytes piped",
                    costs.spawnNanos() / 1e9, costs.serializeNanos() / 1e9, costs.bytesTransferred());
        }
        if (!result.lockEnabled()) return "no lock: CPU " + String.format(Locale.ROOT, "%.2f s", result.cpuSeconds());
        LockStatistics lock = result.lock();
        return String.format(Locale.ROOT, "%,d hand-offs · %,d drop requests%n%.0f%% of the time waiting for the lock",
                lock.counters().handoffs(), lock.counters().dropRequests(), 100 * lock.lockWaitFraction());
    }
}
