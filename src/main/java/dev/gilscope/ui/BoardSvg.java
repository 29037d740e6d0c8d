package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.trace.LaneState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.svg.SVGGraphics2D;

/**
 * The board, or one row of it, as an SVG document: the same lanes the window draws (painted by
 * {@link TimelinePainter} into rectangles, one per run of identical pixel columns), the row figures,
 * the time axis and the legend, so it scales cleanly on a slide. No toolkit needed.
 */
public final class BoardSvg {

    private static final int FIGURES = 210;
    private static final int AXIS = 24;
    private static final int ROW_GAP = 14;
    private static final int LEGEND_LINE = 18;

    private BoardSvg() {}

    /** The board's rows for {@code modes} (those with something to show) at {@code width × height}. */
    public static String render(BoardModel model, BoardState state, Set<Mode> modes, String title, int width, int height) {
        List<ModeRow> rows = new ArrayList<>();
        for (ModeRow row : model.rows()) {
            if (modes.contains(row.mode()) && row.snapshot() != null) rows.add(row);
        }
        Palette palette = state.palette();
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setPaint(awt(palette.background()));
        g.fillRect(0, 0, width, height);
        g.setPaint(awt(palette.text()));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 20);

        int cores = Runtime.getRuntime().availableProcessors();
        for (ModeRow row : rows) cores = Math.max(cores, row.coresSeen());
        int chartX = FIGURES + 10;
        int chartWidth = width - chartX - 10;
        int plotWidth = Math.max(1, chartWidth - RowLayout.GUTTER);
        int top = 30;
        drawAxis(g, state.window(), palette, chartX + RowLayout.GUTTER, top, plotWidth);
        top += AXIS;

        int legendHeight = legendHeight(g, palette, width);
        int needed = 0;
        for (ModeRow row : rows) needed += RowLayout.of(cores, Math.max(1, row.laneCount())).height();
        // the gaps between rows are drawn at their size whatever the scale: only the rows are scaled
        double scale = Math.clamp((height - top - legendHeight - rows.size() * ROW_GAP) / (double) Math.max(1, needed), 0.5, 2.5);
        TimelinePainter painter = new TimelinePainter();
        for (ModeRow row : rows) {
            RowLayout layout = RowLayout.of(cores, Math.max(1, row.laneCount())).scaled(scale);
            drawFigures(g, row, model, palette, top);
            g.translate(chartX, top);
            drawLaneNames(g, row, layout, palette);
            g.translate(RowLayout.GUTTER, 0);
            RectSink sink = new RectSink(g, palette);
            painter.paint(row, state.window(), plotWidth, layout, palette, state.replay().until(), state.selectedWorker(), sink);
            sink.flush();
            g.translate(-chartX - RowLayout.GUTTER, -top);
            top += layout.height() + ROW_GAP;
        }
        layOutLegend(g, palette, height - legendHeight + LEGEND_LINE, width, true);
        return g.getSVGDocument();
    }

    public static void write(String svg, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, svg);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void drawAxis(SVGGraphics2D g, TimeWindow window, Palette palette, int x0, int top, int width) {
        long step = AxisPane.tickStep(window.span(), width);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        for (long t = AxisPane.ceilTo(window.from(), step); t <= window.to(); t += step) {
            int x = x0 + (int) Math.round(window.xOf(t, width));
            g.setPaint(awt(palette.grid()));
            g.drawLine(x, top + AXIS - 6, x, top + AXIS);
            g.setPaint(awt(palette.mutedText()));
            String label = AxisPane.tickLabel(t, step);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + 12);
        }
    }

    private static void drawFigures(SVGGraphics2D g, ModeRow row, BoardModel model, Palette palette, int top) {
        RowFigures figures = RowFigures.of(row, model.speedup(row.mode()));
        g.setPaint(awt(palette.text()));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(row.mode().cliName(), 10, top + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setPaint(awt(palette.mutedText()));
        g.drawString(row.status().label(), 10 + g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 14))
                .stringWidth(row.mode().cliName()) + 8, top + 14);
        g.setPaint(awt(palette.text()));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(figures.wall(), 10, top + 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y = top + 50;
        for (String line : figures.lock().split("\\R")) {
            g.drawString(line, 10, y);
            y += 14;
        }
        if (!figures.failure().isEmpty()) {
            g.setPaint(new Color(0xC62828));
            g.drawString(figures.failure(), 10, y);
        }
    }

    private static void drawLaneNames(SVGGraphics2D g, ModeRow row, RowLayout layout, Palette palette) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setPaint(awt(palette.mutedText()));
        for (int c = 0; c < layout.cores(); c++) {
            if (layout.coreHeight() >= 9 || c == 0) g.drawString("cpu" + c, 4, layout.coreTop(c) + layout.coreHeight() / 2 + 4);
        }
        for (int w = 0; w < row.laneCount() && w < layout.workers(); w++) {
            if (layout.laneHeight() < 9 && w % 4 != 0) continue;
            g.setPaint(awt(palette.worker(w)));
            g.fillRect(4, layout.laneTop(w) + 1, 4, Math.max(1, layout.laneHeight() - 2));
            g.setPaint(awt(palette.mutedText()));
            g.drawString(row.lane(w).name(), 11, layout.laneTop(w) + layout.laneHeight() / 2 + 4);
        }
    }

    /** The height the legend takes at this width, its last line's descenders included. */
    private static int legendHeight(SVGGraphics2D g, Palette palette, int width) {
        return layOutLegend(g, palette, LEGEND_LINE, width, false) + 6;
    }

    /**
     * The window's legend: every lane state, the hand-off and drop-request ticks and the mark of what
     * was not recorded, then what the core lanes show, wrapped onto as many lines as the width needs
     * (none is left out). Draws it with its first baseline at {@code y} if {@code draw}; returns the
     * baseline of its last line.
     */
    private static int layOutLegend(SVGGraphics2D g, Palette palette, int y, int width, boolean draw) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int[] at = {10, y}; // where the next entry goes
        for (LaneState state : LaneState.values()) {
            legendEntry(g, palette, at, width, state.label(), draw, (x, top) -> {
                g.setPaint(awt(palette.state(state)));
                g.fillRect(x, top, 14, 10);
            });
        }
        legendEntry(g, palette, at, width, "hand-off (tick on top)", draw, (x, top) -> tickChip(g, palette, palette.handoff(), x, top, true));
        legendEntry(g, palette, at, width, "drop request (tick below)", draw,
                (x, top) -> tickChip(g, palette, palette.dropRequest(), x, top, false));
        legendEntry(g, palette, at, width, "not recorded (the recording was full)", draw, (x, top) -> {
            g.setPaint(awt(palette.mutedText()));
            for (int dash = 0; dash < 14; dash += 4) g.fillRect(x + dash, top + 4, 2, 2);
        });
        at[0] = 10;
        at[1] += LEGEND_LINE;
        for (String part : new String[] {"Core lanes:", "worker's colour = computing ·", "pale = serializing data ·",
                "empty = idle", "(a thread waiting for the lock sleeps: its core is free)"}) {
            int partWidth = g.getFontMetrics().stringWidth(part) + 4;
            wrapIfNeeded(at, partWidth, width);
            if (draw) {
                g.setPaint(awt(palette.mutedText()));
                g.drawString(part, at[0], at[1]);
            }
            at[0] += partWidth;
        }
        return at[1];
    }

    /** Moves {@code at} (x, baseline) to the start of the next line if {@code needed} pixels do not fit on this one. */
    private static void wrapIfNeeded(int[] at, int needed, int width) {
        if (at[0] > 10 && at[0] + needed > width - 10) {
            at[0] = 10;
            at[1] += LEGEND_LINE;
        }
    }

    /** A lane's background with a tick on its top or bottom edge, as the board marks a hand-off or a drop request. */
    private static void tickChip(SVGGraphics2D g, Palette palette, int colour, int x, int top, boolean onTop) {
        g.setPaint(awt(palette.laneBackground()));
        g.fillRect(x, top, 14, 10);
        g.setPaint(awt(colour));
        g.fillRect(x + 5, onTop ? top : top + 6, 3, 4);
    }

    private interface Chip {
        void draw(int x, int top);
    }

    /** One legend entry at {@code at} (x, baseline), on the next line if it does not fit; moves {@code at} past it. */
    private static void legendEntry(SVGGraphics2D g, Palette palette, int[] at, int width, String label, boolean draw,
                                    Chip chip) {
        int entryWidth = 26 + g.getFontMetrics().stringWidth(label);
        wrapIfNeeded(at, entryWidth, width);
        if (draw) {
            chip.draw(at[0], at[1] - 9);
            g.setPaint(awt(palette.text()));
            g.drawString(label, at[0] + 18, at[1]);
        }
        at[0] += entryWidth;
    }

    /** Spans become rectangles; neighbouring columns with the same span become one wider rectangle. */
    private static final class RectSink implements TimelinePainter.Sink {
        private record Key(int top, int bottom, int colour, boolean striped) {}

        private final SVGGraphics2D g;
        private final Palette palette;
        private final Map<Key, int[]> open = new HashMap<>(); // key → {first x, last x}

        RectSink(SVGGraphics2D g, Palette palette) {
            this.g = g;
            this.palette = palette;
        }

        @Override
        public void span(int x, int top, int bottom, int colour, boolean striped) {
            Key key = new Key(top, bottom, colour, striped);
            int[] run = open.get(key);
            if (run != null && run[1] == x - 1) {
                run[1] = x;
                return;
            }
            if (run != null) emit(key, run);
            open.put(key, new int[] {x, x});
        }

        @Override
        public void rect(int x, int y, int width, int height, int colour) {
            g.setPaint(awt(colour));
            g.fillRect(x, y, width, height);
        }

        private final List<int[]> marks = new ArrayList<>(); // x, y, width, height, colour: drawn last

        void flush() {
            open.forEach(this::emit);
            open.clear();
            for (int[] m : marks) {
                g.setPaint(awt(m[4]));
                g.fillRect(m[0], m[1], m[2], m[3]);
            }
            marks.clear();
        }

        private void emit(Key key, int[] run) {
            int colour = key.striped() ? Palette.blend(key.colour(), palette.laneBackground(), 0.5) : key.colour();
            int[] rect = {run[0], key.top(), run[1] - run[0] + 1, key.bottom() - key.top(), colour};
            // Hand-off and drop-request ticks sit on top of the states they mark.
            if (colour == palette.handoff() || colour == palette.dropRequest()) {
                marks.add(rect);
                return;
            }
            g.setPaint(awt(colour));
            g.fillRect(rect[0], rect[1], rect[2], rect[3]);
        }
    }

    private static Color awt(int argb) {
        return new Color(argb, true);
    }
}
