package dev.gilscope.cli.bench;

/**
 * A target band for one figure: inclusive bounds (either may be infinite) and how to show it.
 */
record Band(double low, double high, String text) {

    static Band between(double low, double high, String text) {
        return new Band(low, high, text);
    }

    static Band atLeast(double low, String text) {
        return new Band(low, Double.POSITIVE_INFINITY, text);
    }

    static Band atMost(double high, String text) {
        return new Band(Double.NEGATIVE_INFINITY, high, text);
    }

    /** Strictly below {@code bound}. */
    static Band below(double bound, String text) {
        return new Band(Double.NEGATIVE_INFINITY, Math.nextDown(bound), text);
    }

    /** Within a factor of two of a reference figure either way, e.g. CPython's measurement. */
    static Band withinTwiceOf(double reference, String text) {
        return new Band(reference / 2, reference * 2, text);
    }

    boolean contains(double value) {
        return value >= low && value <= high;
    }

    String verdict(double value) {
        return Double.isNaN(value) ? "FAILED" : contains(value) ? "within" : "outside";
    }
}
