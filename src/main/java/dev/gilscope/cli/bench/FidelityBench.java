package dev.gilscope.cli.bench;

import dev.gilscope.cli.bench.FidelityTable.Row;
import dev.gilscope.cli.bench.FidelityTable.Runs;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Section 4: one row per lesson, gilscope's figure from this run next to CPython's (DESIGN §1,
 * measured on a 2-core x86-64 machine) and a target band. Runs whose times are divided by each other
 * run back to back; the CPU-bound and native speed-ups are taken in several such rounds and the
 * median ratio reported, since a machine shared with other work can take a core away for seconds.
 * Rows are printed in lesson order.
 */
public final class FidelityBench {

    /** The order rows are printed in. */
    private static final List<String> LESSONS = List.of("L1", "L8", "L4", "L5", "L6", "L7", "L9", "L10");

    private final BenchRunner runner;
    private final BenchSizes sizes;
    private final RunSettings base = RunSettings.defaults();
    private final List<Row> rows = new ArrayList<>();

    public FidelityBench(BenchRunner runner, BenchSizes sizes) {
        this.runner = runner;
        this.sizes = sizes;
    }

    public void run(PrintStream out) {
        cpuBound();
        nativeCode();
        io();
        ioLatency();
        sharedCounter();
        rows.sort(Comparator.comparingInt(r -> LESSONS.indexOf(r.lesson())));

        out.println(Stats.fmt("fidelity to CPython (figures from this run; CPython's from DESIGN §1, 2-core x86-64; "
                        + "count-primes %s · matrix-native %s · io-wait %s ms · io-latency %s, at 50 ms %s · "
                        + "shared-counter %s, %d runs per L9 row; speed-ups of L1 L4 L7 L8 L10: median of %d round%s; "
                        + "ranges in brackets)",
                shape(sizes.cpuBound()), shape(sizes.matrix()), shape(sizes.io()), shape(sizes.latency()),
                shape(sizes.latencyLong()), shape(sizes.counter()), sizes.counterRuns(), sizes.speedupRounds(),
                sizes.speedupRounds() == 1 ? "" : "s"));
        FidelityTable.print(out, rows, runner);
        out.println("(other load: cores that other processes kept busy while the row's runs went on, median over them; "
                + "figures that need both cores read low when it is well above 0)");
    }

    // ---- L1, L7, L8, L10: count-primes; each round's runs back to back so they share one sequential run ----

    private void cpuBound() {
        WorkloadParams p = sizes.cpuBound();
        RunSettings legacy = base.withWorkers(2).withLock(base.lock().withAlgorithm(LockSettings.Algorithm.LEGACY));
        int rounds = sizes.speedupRounds();
        List<ModeResult> sequential = new ArrayList<>();
        List<ModeResult> gil = new ArrayList<>();
        List<ModeResult> free2 = new ArrayList<>();
        List<ModeResult> legacyGil = new ArrayList<>();
        List<ModeResult> free4 = new ArrayList<>();
        List<ModeResult> free8 = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String round = rounds == 1 ? "" : Stats.fmt(" %d/%d", i + 1, rounds);
            ComparisonResult main = runner.run("L1/L8 count-primes" + round, "count-primes", p, base.withWorkers(2),
                    List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS));
            sequential.add(main.modes().get(0));
            gil.add(main.modes().get(1));
            free2.add(main.modes().get(2));
            legacyGil.add(runner.runOne("L7 count-primes legacy GIL" + round, "count-primes", p, legacy,
                    Mode.GIL_THREADS));
            free4.add(runner.runOne("L10 count-primes 4 workers" + round, "count-primes", p, base.withWorkers(4),
                    Mode.FREE_THREADS));
            free8.add(runner.runOne("L10 count-primes 8 workers" + round, "count-primes", p, base.withWorkers(8),
                    Mode.FREE_THREADS));
        }
        Runs seq = new Runs("sequential", sequential);
        Runs twoFree = new Runs("free-threads(2)", free2);
        rows.add(FidelityTable.speedup("L1", "count-primes gil-threads(2) speed-up", seq, new Runs("gil-threads(2)", gil),
                "1.02× (3.11)", Band.between(0.8, 1.2, "0.8–1.2×")));
        rows.add(FidelityTable.speedup("L8", "count-primes free-threads(2) speed-up", seq, twoFree, "1.75× (Pool(2))",
                Band.atLeast(1.7, "≥ 1.7×")));
        rows.add(FidelityTable.speedup("L7", Stats.fmt("count-primes legacy GIL (%d ticks) speed-up", legacy.lock().legacyTicks()), seq, new Runs("gil-threads(2) legacy", legacyGil),
                "0.69× (2.7)", Band.below(1, "< 1×")));
        rows.add(FidelityTable.speedup("L10", "count-primes free-threads(4) vs (2)", twoFree,
                new Runs("free-threads(4)", free4), "–", Band.between(0.8, 1.1, "0.8–1.1×")));
        rows.add(FidelityTable.speedup("L10", "count-primes free-threads(8) vs (2)", twoFree,
                new Runs("free-threads(8)", free8), "–", Band.between(0.8, 1.1, "0.8–1.1×")));
    }

    // ---- L4: native code that releases the lock; L5: I/O-bound ----

    private void nativeCode() {
        List<ModeResult> sequential = new ArrayList<>();
        List<ModeResult> gil = new ArrayList<>();
        int rounds = sizes.speedupRounds();
        for (int i = 0; i < rounds; i++) {
            ComparisonResult r = runner.run("L4 matrix-native" + (rounds == 1 ? "" : Stats.fmt(" %d/%d", i + 1, rounds)),
                    "matrix-native", sizes.matrix(), base.withWorkers(4), List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS));
            sequential.add(r.modes().get(0));
            gil.add(r.modes().get(1));
        }
        rows.add(FidelityTable.speedup("L4", "matrix-native gil-threads(4) speed-up", new Runs("sequential", sequential),
                new Runs("gil-threads(4)", gil), "1.55× (NumPy)", Band.between(1.3, 2.1, "1.3–2.1×")));
    }

    private void io() {
        ComparisonResult r = runner.run("L5 io-wait", "io-wait", sizes.io(), base.withWorkers(4),
                List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS));
        rows.add(FidelityTable.speedup("L5", Stats.fmt("io-wait %d × %d ms gil-threads(4) speed-up", sizes.io().tasks(),
                        sizes.io().size()), new Runs("sequential", List.of(r.modes().get(0))),
                new Runs("gil-threads(4)", List.of(r.modes().get(1))), "3.98×", Band.atLeast(3.6, "≥ 3.6× (0.9 N)")));
    }

    // ---- L6: switch interval and I/O latency ----

    private void ioLatency() {
        ModeResult alone = runner.runOne("L6 io-latency", "io-latency", sizes.latency(), base, Mode.SEQUENTIAL);
        rows.add(latencyRow("io-latency p50 extra wake-up, sequential", "sequential", alone, "–",
                Band.below(0.5, "< 0.5 ms")));
        double[] intervals = {0.5, 5, 50};
        double[] cpython = {1.2, 14, 100};
        for (int i = 0; i < intervals.length; i++) {
            WorkloadParams p = intervals[i] >= 50 ? sizes.latencyLong() : sizes.latency();
            RunSettings s = base.withWorkers(2).withLock(base.lock().withInterval(Math.round(intervals[i] * 1e6)));
            ModeResult r = runner.runOne(Stats.fmt("L6 io-latency interval %s ms", Stats.plain(intervals[i])),
                    "io-latency", p, s, Mode.GIL_THREADS);
            Band band = Band.withinTwiceOf(cpython[i],
                    Stats.fmt("%s–%s ms", Stats.plain(cpython[i] / 2), Stats.plain(cpython[i] * 2)));
            rows.add(latencyRow(Stats.fmt("io-latency p50 extra wake-up, interval %s ms",
                    Stats.plain(intervals[i])), "gil-threads(2)", r, "≈ " + Stats.plain(cpython[i]) + " ms", band));
        }
    }

    private static Row latencyRow(String figure, String name, ModeResult r, String cpython, Band target) {
        Outcome.LatencySummary latency = r.resultOk() ? r.outcome().ioLatency() : null;
        String note = latency == null ? ""
                : Stats.fmt(", %d samples, p99 %.2f ms", latency.samples(), latency.p99Millis());
        return new Row("L6", figure, latency == null ? Double.NaN : latency.p50Millis(),
                latency == null ? "FAILED" : Stats.fmt("%.2f ms", latency.p50Millis()), cpython, target,
                List.of(new Runs(name, List.of(r), note)));
    }

    // ---- L9: counter += 1 ----

    private void sharedCounter() {
        WorkloadParams p = sizes.counter();
        long total = (long) p.tasks() * p.size();
        LockSettings lock = base.lock();
        record Case(String figure, String label, LockSettings lock, Mode mode, String cpython, Band target) {}
        List<Case> cases = List.of(
                new Case("gil-threads, back-edges", "back-edges",
                        lock.withCheckpoints(LockSettings.CheckpointPlacement.BACK_EDGES), Mode.GIL_THREADS,
                        "0 % (3.10+)", Band.between(0, 0, "0 %")),
                new Case("gil-threads, every step", "every-step",
                        lock.withCheckpoints(LockSettings.CheckpointPlacement.EVERY_STEP), Mode.GIL_THREADS,
                        "25–40 % (3.6/3.9)", Band.between(0.125, 0.8, "12.5–80 %")),
                new Case("free-threads", "free-threads", lock, Mode.FREE_THREADS, "–", Band.atLeast(1e-9, "> 0 %")));
        int n = sizes.counterRuns();
        for (Case c : cases) {
            List<ModeResult> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(runner.runOne(Stats.fmt("L9 shared-counter %s %d/%d", c.label(), i + 1, n), "shared-counter",
                        p, base.withWorkers(2).withLock(c.lock()), c.mode()));
            }
            boolean ok = runs.stream().allMatch(r -> r.resultOk() && r.outcome().lostUpdates() != null);
            // As a share of all increments, so runs of any size compare with CPython's 2 M
            double[] lost = ok ? runs.stream().mapToDouble(r -> (double) r.outcome().lostUpdates() / total).toArray()
                    : new double[0];
            rows.add(new Row("L9", Stats.fmt("counter += 1 share of %s updates lost, %s", Stats.millions(total),
                    c.figure()), ok ? Stats.median(lost) : Double.NaN,
                    ok ? FidelityTable.medianAndRange(lost, v -> Stats.fmt("%.1f %%", 100 * v)) : "FAILED", c.cpython(), c.target(),
                    List.of(new Runs(c.mode().cliName() + "(2)", runs))));
        }
    }

    // ---- helpers ----

    private static String shape(WorkloadParams p) {
        return p.tasks() + " × " + Stats.grouped(p.size());
    }
}
