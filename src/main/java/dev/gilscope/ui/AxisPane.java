package dev.gilscope.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The shared time axis above the rows: ticks at round times (1, 2, 5 × a power of ten) across the window. */
final class AxisPane extends Region {

    static final int HEIGHT = 22;

    private final BoardState state;
    private final Canvas canvas = new Canvas();
    private long drawnWindowVersion = -1;
    private long drawnStateVersion = -1;
    private double drawnWidth = -1;

    AxisPane(BoardState state) {
        this.state = state;
        setId("time-axis");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(HEIGHT);
    }

    void redrawIfNeeded() {
        TimeWindow window = state.window();
        if (window.version() == drawnWindowVersion && state.version() == drawnStateVersion && canvas.getWidth() == drawnWidth) return;
        drawnWindowVersion = window.version();
        drawnStateVersion = state.version();
        drawnWidth = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Palette palette = state.palette();
        g.setFill(ChartPane.argb(palette.background()));
        g.fillRect(0, 0, canvas.getWidth(), HEIGHT);
        double width = canvas.getWidth() - RowLayout.GUTTER;
        if (width <= 0) return;
        long step = tickStep(window.span(), width);
        g.setFont(Font.font("System", state.textSize()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(ChartPane.argb(palette.grid()));
        g.setFill(ChartPane.argb(palette.mutedText()));
        for (long t = ceilTo(window.from(), step); t <= window.to(); t += step) {
            double x = RowLayout.GUTTER + window.xOf(t, width);
            g.strokeLine(x, HEIGHT - 6, x, HEIGHT);
            g.fillText(tickLabel(t, step), x, 2);
        }
    }

    /** A tick's time in the unit that suits the step, with just the decimals the step needs: "1.1 s", "250 µs". */
    static String tickLabel(long t, long step) {
        String[] units = {"ns", "µs", "ms", "s"};
        long scale = 1;
        int unit = 0;
        while (unit < 3 && step >= scale * 1000) {
            scale *= 1000;
            unit++;
        }
        if (t == 0) return "0";
        int decimals = 0;
        for (long s = step; s % scale != 0 && decimals < 3; s *= 10) decimals++;
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f %s", (double) t / scale, units[unit]);
    }

    /** A round step that puts a tick every 90 pixels or more. */
    static long tickStep(long span, double width) {
        double wanted = span * 90 / Math.max(1, width);
        long power = 1;
        while (power * 10 <= wanted) power *= 10;
        for (long m : new long[] {1, 2, 5, 10}) {
            if (power * m >= wanted) return power * m;
        }
        return power * 10;
    }

    static long ceilTo(long t, long step) {
        return Math.floorDiv(t + step - 1, step) * step;
    }
}
