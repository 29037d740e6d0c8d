package dev.gilscope.cli.bench;

import java.util.Arrays;
import java.util.Locale;

/** The little arithmetic and number formatting the bench sections share. */
final class Stats {

    private Stats() {}

    static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * The {@code q}-quantile (0 ≤ q ≤ 1) by the nearest-rank method: the smallest value with at least
     * {@code q} of all values at or below it, so it is always one of the measured values.
     */
    static double percentile(double[] values, double q) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** (max − min) / median: how far apart repeated measurements of one thing were. */
    static double spread(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return (max - min) / median(values);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String seconds(long nanos) {
        return fmt("%.3f s", nanos / 1e9);
    }

    static String times(double ratio) {
        return fmt("%.2f×", ratio);
    }

    static String percent(double fraction) {
        return fmt("%+.1f%%", 100 * fraction);
    }

    /** 1234567 → "1,234,567". */
    static String grouped(long n) {
        return fmt("%,d", n);
    }

    /** 0.5 → "0.5", 5.0 → "5". */
    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Counts like "0", "0.16 M" or "12,345", for the lost-update rows. */
    static String millions(long n) {
        return Math.abs(n) >= 100_000 ? fmt("%.2f M", n / 1e6) : grouped(n);
    }
}
