package dev.gilscope.scenario;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ResultFigures;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What a lesson's answer means in measured numbers: one figure of one mode within a range, written
 * {@code speedup gil-threads between 0.7 and 1.4}, {@code lost-updates free-threads above 1} or
 * {@code speedup processes below 1}.
 *
 * @param low lowest value that holds (inclusive), or negative infinity
 * @param high highest value that holds (exclusive), or positive infinity
 */
public record Condition(Measure measure, Mode mode, double low, double high) {

    /** The figures a condition can name. */
    public enum Measure {
        SPEEDUP("speedup", "×", "the sequential time divided by this mode's"),
        LOST_UPDATES("lost-updates", "%", "counter increments lost, as a share of all of them (shared-counter)"),
        WAKE_UP_MS("wake-up-ms", "ms", "the I/O thread's median extra wake-up delay (io-latency)"),
        DATA_SHARE("data-share", "%", "share of the worker processes' busy time spent moving data");

        private final String word;
        private final String unit;
        private final String meaning;

        Measure(String word, String unit, String meaning) {
            this.word = word;
            this.unit = unit;
            this.meaning = meaning;
        }

        /** How a learner reads the figure's name: "speed-up", "lost updates". */
        public String label() {
            return switch (this) {
                case SPEEDUP -> "speed-up";
                case LOST_UPDATES -> "lost updates";
                case WAKE_UP_MS -> "median wake-up delay";
                case DATA_SHARE -> "time moving data";
            };
        }

        /** The figure as a learner reads it: "1.02×", "12.5 %", "4.1 ms". */
        public String format(double value) {
            return switch (this) {
                case SPEEDUP -> String.format(Locale.ROOT, "%.2f×", value);
                case LOST_UPDATES, DATA_SHARE -> String.format(Locale.ROOT, "%.1f %%", value);
                case WAKE_UP_MS -> String.format(Locale.ROOT, "%.1f ms", value);
            };
        }

        public String word() {
            return word;
        }

        public String unit() {
            return unit;
        }

        public String meaning() {
            return meaning;
        }

        static String words() {
            return Arrays.stream(values()).map(Measure::word).collect(Collectors.joining(", "));
        }
    }

    /** Reads a condition; the message of the exception says what is wrong and what is accepted. */
    public static Condition parse(String text) {
        String[] w = text.trim().split("\\s+");
        String form = "write it as: <figure> <mode> above N | below N | between N and M, e.g. 'speedup gil-threads below 1.4'";
        if (w.length < 4) throw new IllegalArgumentException("'" + text.trim() + "' is not a condition; " + form);
        Measure measure = Arrays.stream(Measure.values()).filter(m -> m.word.equals(w[0])).findFirst().orElseThrow(() ->
                new IllegalArgumentException("'" + w[0] + "' is not a figure a condition can name; use one of: " + Measure.words()));
        Mode mode = Mode.byName(w[1]).orElseThrow(() ->
                new IllegalArgumentException("'" + w[1] + "' is not a mode; use one of: " + Mode.names()));
        return switch (w[2]) {
            case "above" -> {
                requireLength(w, 4, text, form);
                yield new Condition(measure, mode, number(w[3]), Double.POSITIVE_INFINITY);
            }
            case "below" -> {
                requireLength(w, 4, text, form);
                yield new Condition(measure, mode, Double.NEGATIVE_INFINITY, number(w[3]));
            }
            case "between" -> {
                requireLength(w, 6, text, form);
                if (!w[4].equals("and")) throw new IllegalArgumentException("expected 'and' after '" + w[3] + "'; " + form);
                double low = number(w[3]);
                double high = number(w[5]);
                if (!(low < high)) throw new IllegalArgumentException("the range " + w[3] + " to " + w[5] + " is empty");
                yield new Condition(measure, mode, low, high);
            }
            default -> throw new IllegalArgumentException("'" + w[2] + "' is not a comparison; " + form);
        };
    }

    private static void requireLength(String[] words, int length, String text, String form) {
        if (words.length != length) throw new IllegalArgumentException("'" + text.trim() + "' has the wrong number of words; " + form);
    }

    private static double number(String word) {
        try {
            double v = Double.parseDouble(word);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException("'" + word + "' is not a number");
    }

    /** The figure in this run, or empty when the run does not have it (mode not run, failed, or not that workload). */
    public OptionalDouble value(ComparisonResult result) {
        return measure(measure, mode, result);
    }

    /** One figure of one mode in this run, or empty when the run does not have it. */
    public static OptionalDouble measure(Measure measure, Mode mode, ComparisonResult result) {
        ModeResult r = result.result(mode).orElse(null);
        if (r == null || !r.resultOk()) return OptionalDouble.empty();
        return switch (measure) {
            case SPEEDUP -> {
                Double s = result.speedup(r);
                yield s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
            }
            case LOST_UPDATES -> {
                Long lost = r.outcome().lostUpdates();
                long all = (long) result.params().tasks() * result.params().size();
                yield lost == null || all == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * lost / all);
            }
            case WAKE_UP_MS -> r.outcome().ioLatency() == null || r.outcome().ioLatency().samples() == 0
                    ? OptionalDouble.empty() : OptionalDouble.of(r.outcome().ioLatency().p50Millis());
            case DATA_SHARE -> {
                OptionalDouble share = ResultFigures.dataMovingShare(r);
                yield share.isPresent() ? OptionalDouble.of(100 * share.getAsDouble()) : share;
            }
        };
    }

    /** Whether the run's figure is in range; a figure the run does not have never holds. */
    public boolean holds(ComparisonResult result) {
        OptionalDouble v = value(result);
        return v.isPresent() && v.getAsDouble() >= low && v.getAsDouble() < high;
    }

    /** The figure in this run, named: "gil-threads speed-up 1.02×", or "… not measured". */
    public String describe(ComparisonResult result) {
        OptionalDouble v = value(result);
        return mode.cliName() + " " + measure.label() + " " + (v.isPresent() ? format(v.getAsDouble()) : "not measured");
    }

    /** The figure as a learner reads it: "1.02×", "12.5 %", "4.1 ms". */
    public String format(double value) {
        return measure.format(value);
    }

    /** The range in words, with the figure's unit: "between 0.7× and 1.4×", "below 1 ms". */
    public String range() {
        return low == Double.NEGATIVE_INFINITY ? "below " + withUnit(high)
                : high == Double.POSITIVE_INFINITY ? "above " + withUnit(low)
                : "between " + withUnit(low) + " and " + withUnit(high);
    }

    private String withUnit(double v) {
        return plain(v) + (measure == Measure.SPEEDUP ? measure.unit : " " + measure.unit);
    }

    @Override
    public String toString() {
        String range = low == Double.NEGATIVE_INFINITY ? "below " + plain(high)
                : high == Double.POSITIVE_INFINITY ? "above " + plain(low)
                : "between " + plain(low) + " and " + plain(high);
        return measure.word + " " + mode.cliName() + " " + range;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
