package dev.gilscope.ui;

/**
 * The part of the shared time axis the board shows, in nanoseconds from each mode's start: every row
 * draws the same window, so bar lengths compare directly. Follows the longest mode until the user
 * zooms; double-click ({@link #reset()}) goes back to following.
 */
public final class TimeWindow {

    /** The narrowest window: a few microseconds, below which the clock's resolution shows. */
    public static final long MIN_SPAN_NANOS = 2_000;

    private long extent = 1_000_000_000; // the longest mode so far; a second until there is one
    private long from;
    private long to = extent;
    private boolean following = true;
    private long version;

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    public long span() {
        return to - from;
    }

    public long extent() {
        return extent;
    }

    public boolean following() {
        return following;
    }

    /** Changes whenever the window moves: views redraw when it differs from what they drew. */
    public long version() {
        return version;
    }

    /** The longest mode's length; while following, the window shows all of it with a little room. */
    public void setExtent(long nanos) {
        long e = Math.max(MIN_SPAN_NANOS, nanos);
        if (e == extent) return;
        extent = e;
        if (following) show(0, e + e / 50);
        version++;
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the moment at {@code anchor} (0..1 of the width) in place. */
    public void zoom(double anchor, double factor) {
        double a = Math.clamp(anchor, 0, 1);
        long span = Math.max(MIN_SPAN_NANOS, Math.round(span() * factor));
        long limit = extent + extent / 50;
        span = Math.min(span, Math.max(limit, MIN_SPAN_NANOS));
        long pivot = from + Math.round(span() * a);
        long newFrom = pivot - Math.round(span * a);
        following = false;
        show(newFrom, newFrom + span);
    }

    /** Shows {@code [start, end)}, clamped to the recorded time. */
    public void zoomTo(long start, long end) {
        if (end < start) {
            long swap = start;
            start = end;
            end = swap;
        }
        if (end - start < MIN_SPAN_NANOS) {
            long middle = (start + end) / 2;
            start = middle - MIN_SPAN_NANOS / 2;
            end = start + MIN_SPAN_NANOS;
        }
        following = false;
        show(start, end);
    }

    /** Moves the window by {@code fraction} of its width (negative: back in time). */
    public void pan(double fraction) {
        long shift = Math.round(span() * fraction);
        following = false;
        show(from + shift, to + shift);
    }

    public void reset() {
        following = true;
        show(0, extent + extent / 50);
    }

    /** The moment under pixel {@code x} of a plot {@code width} pixels wide. */
    public long timeAt(double x, double width) {
        return from + Math.round(span() * (x / width));
    }

    public double xOf(long nanos, double width) {
        return (nanos - from) * width / span();
    }

    private void show(long start, long end) {
        long span = end - start;
        long limit = extent + extent / 50;
        if (start < 0) {
            start = 0;
            end = span;
        }
        if (end > limit && span <= limit) {
            end = limit;
            start = end - span;
        }
        if (start != from || end != to) version++;
        from = start;
        to = end;
    }
}
