package dev.gilscope.cli.bench;

import dev.gilscope.runtime.CPythonSettings;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.PythonInterpreter;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The fidelity lessons run twice: in the emulation, and in a real interpreter through the cpython mode,
 * each figure side by side. Each side gets a size that makes its sequential run last a second or two:
 * CPython computes the same program about twenty times slower, and a run of a few milliseconds says
 * nothing about speed-ups. The emulation's lock is set as the interpreter's era has it: the legacy lock
 * before 3.2, switch checks at every step before 3.10. Where the two disagree by more than
 * {@link #DISAGREEMENT} on a figure, the table says so.
 */
public final class Calibration {

    /** A figure differs when the emulation is this far from CPython's, relative to CPython's. */
    public static final double DISAGREEMENT = 0.25;

    /** Sizes for the emulation and for CPython, full or quick. */
    private record Sizes(WorkloadParams primesEmulated, WorkloadParams primesPython, WorkloadParams matrix, WorkloadParams matrixPython,
                         WorkloadParams io, WorkloadParams latencyEmulated, WorkloadParams latencyPython,
                         WorkloadParams counterEmulated, WorkloadParams counterPython) {

        static Sizes of(boolean quick) {
            return quick
                    ? new Sizes(new WorkloadParams(4, 200_000, 1), new WorkloadParams(4, 40_000, 1), new WorkloadParams(4, 200, 1),
                            new WorkloadParams(4, 400, 1),
                            new WorkloadParams(4, 50, 1), new WorkloadParams(2, 300_000, 1), new WorkloadParams(2, 60_000, 1),
                            new WorkloadParams(2, 1_000_000, 1), new WorkloadParams(2, 200_000, 1))
                    : new Sizes(new WorkloadParams(4, 2_000_000, 1), new WorkloadParams(4, 200_000, 1), new WorkloadParams(4, 840, 1),
                            new WorkloadParams(4, 1_600, 1),
                            new WorkloadParams(4, 200, 1), new WorkloadParams(2, 1_400_000, 1), new WorkloadParams(2, 250_000, 1),
                            new WorkloadParams(2, 10_000_000, 1), new WorkloadParams(2, 2_000_000, 1));
        }
    }

    /** One figure for one interpreter: the emulation's and CPython's, as numbers and as text. */
    public record Row(String lesson, String figure, String python, double emulation, double cpython, String emulationText,
                      String cpythonText, String note) {

        /** How far the emulation is from CPython, relative to CPython's figure; NaN where either is missing. */
        public double difference() {
            if (Double.isNaN(emulation) || Double.isNaN(cpython)) return Double.NaN;
            if (cpython == 0) return emulation == 0 ? 0 : Double.POSITIVE_INFINITY;
            return Math.abs(emulation - cpython) / Math.abs(cpython);
        }

        public boolean disagrees() {
            return difference() > DISAGREEMENT;
        }
    }

    private final BenchRunner runner;
    private final Sizes sizes;
    private final RunSettings base;
    private final List<Row> rows = new ArrayList<>();

    public Calibration(BenchRunner runner, boolean quick, RunSettings base) {
        this.runner = runner;
        this.sizes = Sizes.of(quick);
        this.base = base;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Runs every lesson this interpreter can show; the old lock's (L7) only on Python 2. */
    public void calibrate(PythonInterpreter python) {
        RunSettings emulated = emulationFor(python);
        if (python.feature() < 300) {
            cpuBound(python, emulated, "L7");
        } else {
            cpuBound(python, emulated, "L1");
            processes(python, emulated);
            nativeCode(python, emulated);
            io(python, emulated);
            latency(python, emulated);
        }
        counter(python, emulated);
    }

    /** The emulation's lock as this interpreter's era had it. */
    private RunSettings emulationFor(PythonInterpreter python) {
        LockSettings lock = base.lock();
        if (python.feature() < 302) lock = lock.withAlgorithm(LockSettings.Algorithm.LEGACY);
        lock = lock.withCheckpoints(python.feature() < 310 ? LockSettings.CheckpointPlacement.EVERY_STEP
                : LockSettings.CheckpointPlacement.BACK_EDGES);
        return base.withLock(lock).withWorkers(2);
    }

    private RunSettings in(PythonInterpreter python, RunSettings settings, CPythonSettings.Style style) {
        return settings.withCPython(new CPythonSettings(python.path().toString(), style));
    }

    private String label(PythonInterpreter python) {
        return python.version();
    }

    /** A workload run one after the other in two ways: what a speed-up is taken from. */
    private record Pair(ModeResult sequential, ModeResult parallel) {}

    /** The emulation's sequential run and its {@code parallel} mode, back to back. */
    private Pair emulated(String tag, String workload, WorkloadParams params, RunSettings settings, Mode parallel) {
        ComparisonResult r = runner.run(tag + " emulation", workload, params, settings, List.of(Mode.SEQUENTIAL, parallel));
        return new Pair(r.modes().get(0), r.modes().get(1));
    }

    /** The program run sequentially in {@code python}, then as {@code style} (skipped when the first run failed). */
    private Pair inPython(String tag, String workload, WorkloadParams params, RunSettings settings, PythonInterpreter python,
                          CPythonSettings.Style style) {
        ModeResult sequential = runner.runOne(tag + " sequential", workload, params,
                in(python, settings, CPythonSettings.Style.SEQUENTIAL), Mode.CPYTHON);
        if (!sequential.resultOk()) return new Pair(sequential, sequential);
        return new Pair(sequential, runner.runOne(tag + " " + style.cliName(), workload, params, in(python, settings, style), Mode.CPYTHON));
    }

    // ---- L1 / L7: CPU-bound threads, and how often the lock changes hands ----

    private void cpuBound(PythonInterpreter python, RunSettings emulated, String lesson) {
        String tag = lesson + " " + label(python);
        Pair emu = emulated(tag, "count-primes", sizes.primesEmulated(), emulated, Mode.GIL_THREADS);
        Pair py = inPython(tag, "count-primes", sizes.primesPython(), emulated, python, CPythonSettings.Style.THREADS);
        String lock = python.feature() < 302 ? ", old GIL" : "";
        rows.add(speedup(lesson, "count-primes threads(2) speed-up" + lock, python, emu, py));
        rows.add(figure(lesson, "lock hand-offs per second, threads(2)" + lock, python, emu.parallel(), py.parallel(),
                r -> r.lock().counters().handoffs() / (r.wallNanos() / 1e9), v -> Stats.fmt("%.0f /s", v),
                "CPython's inferred from 1 ms samples, which see at most about 500 changes of holder a second"));
        rows.add(figure(lesson, "cores busy (CPU s / wall s), threads(2)" + lock, python, emu.parallel(), py.parallel(),
                r -> (double) r.cpuNanos() / r.wallNanos(), v -> Stats.fmt("%.2f", v), ""));
    }

    // ---- L2: processes; L4: native code that releases the lock; L5: waiting on I/O ----

    private void processes(PythonInterpreter python, RunSettings emulated) {
        String tag = "L2 " + label(python);
        rows.add(speedup("L2", "count-primes processes(2) speed-up", python,
                emulated(tag, "count-primes", sizes.primesEmulated(), emulated, Mode.PROCESSES),
                inPython(tag, "count-primes", sizes.primesPython(), emulated, python, CPythonSettings.Style.PROCESSES)));
    }

    private void nativeCode(PythonInterpreter python, RunSettings emulated) {
        RunSettings four = emulated.withWorkers(4);
        String tag = "L4 " + label(python);
        rows.add(speedup("L4", "matrix-native threads(4) speed-up (BLAS on one core per call)", python,
                emulated(tag, "matrix-native", sizes.matrix(), four, Mode.GIL_THREADS),
                inPython(tag, "matrix-native", sizes.matrixPython(), four, python, CPythonSettings.Style.THREADS)));
    }

    private void io(PythonInterpreter python, RunSettings emulated) {
        RunSettings four = emulated.withWorkers(4);
        String tag = "L5 " + label(python);
        rows.add(speedup("L5", Stats.fmt("io-wait %d × %d ms threads(4) speed-up", sizes.io().tasks(), sizes.io().size()), python,
                emulated(tag, "io-wait", sizes.io(), four, Mode.GIL_THREADS),
                inPython(tag, "io-wait", sizes.io(), four, python, CPythonSettings.Style.THREADS)));
    }

    // ---- L6: how late an I/O thread wakes next to CPU-bound threads ----

    private void latency(PythonInterpreter python, RunSettings emulated) {
        String tag = "L6 " + label(python);
        ModeResult emu = runner.runOne(tag + " emulation", "io-latency", sizes.latencyEmulated(), emulated, Mode.GIL_THREADS);
        ModeResult py = runner.runOne(tag + " threads", "io-latency", sizes.latencyPython(),
                in(python, emulated, CPythonSettings.Style.THREADS), Mode.CPYTHON);
        rows.add(figure("L6", Stats.fmt("io-latency p50 extra wake-up, switch interval %s ms",
                        Stats.plain(emulated.lock().intervalNanos() / 1e6)), python, emu, py,
                r -> r.outcome().ioLatency().p50Millis(), v -> Stats.fmt("%.2f ms", v), ""));
    }

    // ---- L9: counter += 1 ----

    private void counter(PythonInterpreter python, RunSettings emulated) {
        String tag = "L9 " + label(python);
        ModeResult emu = runner.runOne(tag + " emulation", "shared-counter", sizes.counterEmulated(), emulated, Mode.GIL_THREADS);
        ModeResult py = runner.runOne(tag + " threads", "shared-counter", sizes.counterPython(),
                in(python, emulated, CPythonSettings.Style.THREADS), Mode.CPYTHON);
        String where = emulated.lock().checkpoints() == LockSettings.CheckpointPlacement.EVERY_STEP ? "every step" : "back-edges";
        rows.add(figure("L9", "counter += 1, share of updates lost (emulation: switch checks at " + where + ")", python, emu, py,
                r -> (double) r.outcome().lostUpdates() / totalIncrements(r),
                v -> Stats.fmt("%.1f %%", 100 * v), ""));
    }

    private long totalIncrements(ModeResult r) {
        WorkloadParams p = r.mode() == Mode.CPYTHON ? sizes.counterPython() : sizes.counterEmulated();
        return (long) p.tasks() * p.size();
    }

    // ---- rows ----

    private Row speedup(String lesson, String figure, PythonInterpreter python, Pair emu, Pair py) {
        double e = ratio(emu.sequential(), emu.parallel());
        double c = ratio(py.sequential(), py.parallel());
        String note = py.parallel().resultOk() && py.sequential().resultOk()
                ? Stats.fmt("emulation %s / %s, CPython %s / %s", Stats.seconds(emu.sequential().wallNanos()),
                        Stats.seconds(emu.parallel().wallNanos()), Stats.seconds(py.sequential().wallNanos()),
                        Stats.seconds(py.parallel().wallNanos()))
                : failure(py.sequential().resultOk() ? py.parallel() : py.sequential());
        return new Row(lesson, figure, label(python), e, c, text(e, Stats::times), text(c, Stats::times), note);
    }

    private Row figure(String lesson, String figure, PythonInterpreter python, ModeResult emu, ModeResult py,
                       ToDoubleFunction<ModeResult> value, java.util.function.DoubleFunction<String> format, String note) {
        double e = emu.resultOk() ? value.applyAsDouble(emu) : Double.NaN;
        double c = py.resultOk() ? value.applyAsDouble(py) : Double.NaN;
        String why = py.resultOk() ? note : failure(py);
        return new Row(lesson, figure, label(python), e, c, text(e, format), text(c, format), why);
    }

    private static double ratio(ModeResult sequential, ModeResult parallel) {
        if (!sequential.resultOk() || !parallel.resultOk() || parallel.wallNanos() <= 0) return Double.NaN;
        return (double) sequential.wallNanos() / parallel.wallNanos();
    }

    private static String text(double value, java.util.function.DoubleFunction<String> format) {
        return Double.isNaN(value) ? "n/a" : format.apply(value);
    }

    private static String failure(ModeResult r) {
        if (r.failure() != null) return "n/a: " + r.failure();
        Outcome o = r.outcome();
        return o == null ? "n/a" : "n/a: " + o.message();
    }

    /** The side-by-side table, with a line under it for every figure that differs by more than 25%. */
    public static void print(PrintStream out, List<Row> rows) {
        TextTable table = new TextTable("<lesson", "<figure", "<python", "emulation", "CPython", "<agree?", "<runs");
        for (Row r : rows) {
            double d = r.difference();
            String agree = Double.isNaN(d) ? "–" : r.disagrees()
                    ? (Double.isInfinite(d) ? "differs" : Stats.fmt("differs by %.0f%%", 100 * d)) : "yes";
            table.row(r.lesson(), r.figure(), r.python(), r.emulationText(), r.cpythonText(), agree, r.note());
        }
        table.print(out);
        long differing = rows.stream().filter(Row::disagrees).count();
        out.println(differing == 0 ? "The emulation agrees with CPython within 25% on every figure measured."
                : Stats.fmt("%d figure%s differ%s from CPython by more than 25%%.", differing, differing == 1 ? "" : "s",
                        differing == 1 ? "s" : ""));
    }
}
