package dev.gilscope.ui;

import dev.gilscope.trace.Note;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Duration;

/**
 * One mode's per-core timeline and lock Gantt on a {@link Canvas}. It redraws only when something it
 * shows changed (new events, the window, the selection, the replay clock, its size), painting pixels
 * with {@link TimelinePainter} and lane names on top. Scroll zooms around the mouse, drag selects a
 * range to zoom to, double-click shows everything, a click on a lane selects its worker.
 */
final class ChartPane extends Region {

    private static final Font LANE_FONT = Font.font("System", 11);

    private final ModeRow row;
    private final BoardState state;
    private final BoardModel model;
    private final Canvas canvas = new Canvas();
    private final TimelinePainter painter = new TimelinePainter();
    private final Tooltip tooltip = new Tooltip();
    private RowLayout layout = RowLayout.of(1, 1);
    private final PixelFrames frames = new PixelFrames();
    private long drawnRowVersion = -1;
    private long drawnWindowVersion = -1;
    private long drawnStateVersion = -1;
    private long drawnNotesVersion = -1;
    private double drawnWidth = -1;
    private double dragStartX = Double.NaN;
    private double dragX = Double.NaN;

    ChartPane(ModeRow row, BoardState state, BoardModel model) {
        this.row = row;
        this.state = state;
        this.model = model;
        getStyleClass().add("chart");
        setId("chart-" + row.mode().cliName());
        getChildren().add(canvas);
        // Mouse handling on the whole pane: the row may be taller than the lanes, and a scroll or click
        // below them still belongs to this chart.
        tooltip.setShowDelay(Duration.millis(120));
        tooltip.setHideDelay(Duration.millis(50));
        tooltip.setStyle("-fx-font-size: 12px;");
        Tooltip.install(this, tooltip);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> state.hover(""));
        setOnScroll(this::scroll);
        setOnMousePressed(e -> {
            dragStartX = e.getX();
            dragX = e.getX();
        });
        setOnMouseDragged(e -> {
            dragX = e.getX();
            drawnWidth = -1; // repaint the band
        });
        setOnMouseReleased(this::released);
    }

    RowLayout rowLayout() {
        return layout;
    }

    Canvas canvas() {
        return canvas;
    }

    Tooltip tooltip() {
        return tooltip;
    }

    /** Width of the plot, right of the lane names. */
    int plotWidth() {
        return Math.max(1, (int) Math.floor(canvas.getWidth()) - RowLayout.GUTTER);
    }

    @Override
    protected double computePrefHeight(double width) {
        return layout.height();
    }

    @Override
    protected double computeMinHeight(double width) {
        return layout.height();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(layout.height());
    }

    /** Height of the chart at the normal lane size. */
    int unscaledHeight(int cores) {
        return RowLayout.of(cores, Math.max(1, row.lanesToShow())).height();
    }

    /** Redraws if anything it shows has changed; called once per frame. */
    void redrawIfNeeded(int cores) {
        int workers = Math.max(1, row.lanesToShow());
        RowLayout wanted = RowLayout.of(cores, workers).scaled(state.laneScale());
        if (!wanted.equals(layout)) {
            layout = wanted;
            canvas.setHeight(layout.height()); // now, so this frame draws all lanes; the parent follows
            requestLayout();
            drawnWidth = -1;
        }
        TimeWindow window = state.window();
        if (row.version() == drawnRowVersion && window.version() == drawnWindowVersion
                && state.version() == drawnStateVersion && canvas.getWidth() == drawnWidth
                && canvas.getHeight() == layout.height() && model.notesVersion() == drawnNotesVersion) {
            return;
        }
        drawnNotesVersion = model.notesVersion();
        drawnRowVersion = row.version();
        drawnWindowVersion = window.version();
        drawnStateVersion = state.version();
        drawnWidth = canvas.getWidth();
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette palette = state.palette();
        g.setFill(argb(palette.background()));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int width = plotWidth();
        int height = layout.height();
        if (canvas.getWidth() <= RowLayout.GUTTER || height <= 0) return;
        int[] pixels = frames.next(width, height);
        painter.paint(row, state.window(), width, layout, palette, state.replay().until(), state.selectedWorker(), pixels);
        g.drawImage(frames.painted(), RowLayout.GUTTER, 0);
        drawLaneNames(g, palette);
        drawNotes(g, palette, width);
        drawReplayLine(g, palette, width);
        drawDragBand(g, palette);
    }

    private void drawLaneNames(GraphicsContext g, Palette palette) {
        g.setFont(state.textSize() == LANE_FONT.getSize() ? LANE_FONT : Font.font("System", state.textSize()));
        g.setTextBaseline(VPos.CENTER);
        boolean roomy = layout.coreHeight() >= 9;
        g.setFill(argb(palette.mutedText()));
        for (int c = 0; c < layout.cores(); c++) {
            if (roomy || c == 0) g.fillText("cpu" + c, 4, layout.coreTop(c) + layout.coreHeight() / 2.0);
        }
        boolean namesFit = layout.laneHeight() >= 9;
        for (int w = 0; w < row.laneCount() && w < layout.workers(); w++) {
            if (!namesFit && w % Math.max(1, 10 / Math.max(1, layout.laneHeight())) != 0) continue;
            double y = layout.laneTop(w) + layout.laneHeight() / 2.0;
            g.setFill(argb(palette.worker(w)));
            g.fillRect(4, layout.laneTop(w) + 1, 4, Math.max(1, layout.laneHeight() - 2));
            g.setFill(argb(w == state.selectedWorker() ? palette.text() : palette.mutedText()));
            g.fillText(row.lane(w).name(), 11, y);
        }
    }

    /** Each note on this row: a dashed line at its moment, and its number in a tag at the top. */
    private void drawNotes(GraphicsContext g, Palette palette, int width) {
        List<Note> notes = model.notes();
        if (notes.isEmpty()) return;
        double size = state.textSize();
        g.setFont(Font.font("System", FontWeight.BOLD, size));
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            if (!note.belongsTo(row.mode().cliName())) continue;
            double x = RowLayout.GUTTER + state.window().xOf(note.atNanos(), width);
            if (x < RowLayout.GUTTER || x > RowLayout.GUTTER + width) continue;
            g.setStroke(argb(palette.text()));
            g.strokeLine(x, 0, x, canvas.getHeight());
            String number = Integer.toString(i + 1);
            double tagWidth = size * 0.7 * number.length() + 6;
            g.setFill(argb(palette.text()));
            g.fillRect(x, 0, tagWidth, size + 4);
            g.setFill(argb(palette.background()));
            g.fillText(number, x + 3, (size + 4) / 2);
        }
        g.setLineDashes();
    }

    /** The note drawn within a few pixels of {@code x} on this row, if any, with its number (1-based). */
    Optional<Map.Entry<Integer, Note>> noteAt(double x) {
        List<Note> notes = model.notes();
        int width = plotWidth();
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            double at = RowLayout.GUTTER + state.window().xOf(note.atNanos(), width);
            if (note.belongsTo(row.mode().cliName()) && Math.abs(at - x) <= NOTE_REACH) return Optional.of(Map.entry(i + 1, note));
        }
        return Optional.empty();
    }

    /** The moment under {@code x} on the shared time axis, never before the start. */
    long timeAt(double x) {
        return Math.max(0, state.window().timeAt(x - RowLayout.GUTTER, plotWidth()));
    }

    private static final double NOTE_REACH = 5;

    private void drawReplayLine(GraphicsContext g, Palette palette, int width) {
        if (!state.replay().active()) return;
        double x = RowLayout.GUTTER + state.window().xOf(state.replay().position(), width);
        if (x < RowLayout.GUTTER || x > RowLayout.GUTTER + width) return;
        g.setStroke(argb(palette.text()));
        g.setLineWidth(1.5);
        g.strokeLine(x, 0, x, canvas.getHeight());
    }

    private void drawDragBand(GraphicsContext g, Palette palette) {
        if (Double.isNaN(dragStartX) || Math.abs(dragX - dragStartX) < 3) return;
        g.setFill(argbWithAlpha(palette.selectionBand()));
        g.fillRect(Math.min(dragStartX, dragX), 0, Math.abs(dragX - dragStartX), canvas.getHeight());
    }

    private void hover(MouseEvent e) {
        Optional<Map.Entry<Integer, Note>> note = noteAt(e.getX());
        if (note.isPresent()) {
            String shown = "Note " + note.get().getKey() + " at " + Durations.moment(note.get().getValue().atNanos()) + ": "
                    + note.get().getValue().text();
            tooltip.setText(shown);
            state.hover(shown);
            return;
        }
        String text = RowInspector.describe(row, state.window(), plotWidth(), layout, e.getX() - RowLayout.GUTTER,
                e.getY(), state.replay().until());
        String shown = text == null ? "" : row.mode().cliName() + " · " + text;
        tooltip.setText(shown);
        state.hover(shown.replace('\n', ' '));
    }

    private void scroll(ScrollEvent e) {
        double anchor = (e.getX() - RowLayout.GUTTER) / plotWidth();
        if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double delta = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
            state.window().pan(-delta / plotWidth());
        } else if (e.getDeltaY() != 0) {
            state.window().zoom(anchor, e.getDeltaY() > 0 ? 0.8 : 1.25);
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        double start = dragStartX;
        dragStartX = Double.NaN;
        drawnWidth = -1;
        if (e.getButton() != MouseButton.PRIMARY) return;
        if (e.getClickCount() == 2) {
            state.window().reset();
            return;
        }
        if (!Double.isNaN(start) && Math.abs(e.getX() - start) >= 3) {
            int width = plotWidth();
            TimeWindow window = state.window();
            window.zoomTo(window.timeAt(start - RowLayout.GUTTER, width), window.timeAt(e.getX() - RowLayout.GUTTER, width));
            return;
        }
        int worker = layout.workerAt(e.getY());
        if (worker >= 0 && worker < row.laneCount()) state.select(worker);
    }

    static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    static Color argbWithAlpha(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }
}
