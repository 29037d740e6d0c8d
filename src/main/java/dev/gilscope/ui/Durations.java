package dev.gilscope.ui;

import java.util.Locale;

/** How the board writes times: short, with a unit that suits the size. */
public final class Durations {

    private Durations() {}

    public static String format(long nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 10e9) return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        if (abs >= 1e9) return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        if (abs >= 1e6) return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        if (abs >= 1e3) return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        return nanos + " ns";
    }

    /** A moment on the axis, e.g. "12.350 ms". */
    public static String moment(long nanos) {
        return format(nanos);
    }
}
