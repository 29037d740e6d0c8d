package dev.gilscope.cli.bench;

import dev.gilscope.runtime.ModeResult;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.DoubleFunction;

/**
 * The table of the fidelity rows — gilscope's figure from this run next to CPython's and a target band
 * with its verdict — shared by the thread lessons ({@link FidelityBench}) and the process lessons
 * ({@link ProcessFidelityBench}).
 */
final class FidelityTable {

    private FidelityTable() {}

    /**
     * One row of the table.
     *
     * @param value the figure the verdict is taken on, NaN when a run it needs failed
     * @param shown the figure as printed
     * @param runs the runs the figure comes from, for the wall-time and other-load columns
     */
    record Row(String lesson, String figure, double value, String shown, String cpython, Band target,
               List<Runs> runs) {}

    /**
     * Every run of one mode that a figure uses (one per round), shown in the wall-time column as its
     * name, its median wall time and an optional note.
     */
    record Runs(String name, List<ModeResult> results, String note) {
        Runs(String name, List<ModeResult> results) {
            this(name, results, "");
        }

        boolean ok() {
            return results.stream().allMatch(ModeResult::resultOk);
        }

        String wall() {
            if (!ok()) return name + " FAILED";
            double median = Stats.median(results.stream().mapToDouble(ModeResult::wallNanos).toArray());
            if (results.size() <= 2) return name + " " + Stats.seconds((long) median) + note;
            double min = results.stream().mapToDouble(ModeResult::wallNanos).min().orElseThrow();
            double max = results.stream().mapToDouble(ModeResult::wallNanos).max().orElseThrow();
            return Stats.fmt("%s %.3f s (%.3f–%.3f)%s", name, median / 1e9, min / 1e9, max / 1e9, note);
        }
    }

    static void print(PrintStream out, List<Row> rows, BenchRunner runner) {
        TextTable table = new TextTable("<lesson", "<figure", "gilscope", "<CPython", "<target", "<verdict",
                "other load", "<wall times (median, range)");
        for (Row r : rows) {
            List<ModeResult> all = r.runs().stream().flatMap(runs -> runs.results().stream()).toList();
            StringJoiner walls = new StringJoiner(" · ");
            r.runs().forEach(runs -> walls.add(runs.wall()));
            table.row(r.lesson(), r.figure(), r.shown(), r.cpython(), r.target().text(), r.target().verdict(r.value()),
                    OtherLoad.format(runner.medianOtherLoad(all)), walls);
        }
        table.print(out);
    }

    /** Per round, the baseline's wall time divided by the measured run's of the same round. */
    static double[] speedups(Runs baseline, Runs measured) {
        double[] ratios = new double[baseline.results().size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) baseline.results().get(i).wallNanos() / measured.results().get(i).wallNanos();
        }
        return ratios;
    }

    /** A speed-up row: the median over the rounds of {@link #speedups}. */
    static Row speedup(String lesson, String figure, Runs baseline, Runs measured, String cpython, Band target) {
        List<Runs> runs = List.of(baseline, measured);
        if (!baseline.ok() || !measured.ok()) return new Row(lesson, figure, Double.NaN, "FAILED", cpython, target, runs);
        double[] ratios = speedups(baseline, measured);
        return new Row(lesson, figure, Stats.median(ratios), medianAndRange(ratios, Stats::times), cpython, target, runs);
    }

    /** "0.98×" for one value, "0.98× (0.95–1.01)" for several. */
    static String medianAndRange(double[] values, DoubleFunction<String> format) {
        String median = format.apply(Stats.median(values));
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        if (values.length == 1 || min == max) return median;
        return median + " (" + format.apply(min).replace("×", "") + "–" + format.apply(max) + ")";
    }
}
