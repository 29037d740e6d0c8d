package dev.gilscope.cli;

import dev.gilscope.runtime.CoreList;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ProcessCosts;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.RecordingFull;
import dev.gilscope.workload.Outcome;
import java.io.PrintStream;
import java.util.Locale;

/** The comparison as a plain-text table for a terminal. */
final class ReportTable {

    private ReportTable() {}

    static void print(ComparisonResult comparison, int cores, PrintStream out) {
        out.println(headline(comparison, cores));
        boolean counter = comparison.modes().stream().anyMatch(r -> r.outcome() != null && r.outcome().lostUpdates() != null);
        boolean latency = comparison.modes().stream().anyMatch(r -> r.outcome() != null && r.outcome().ioLatency() != null);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-13s %8s %8s %9s %10s %10s",
                "mode", "wall s", "CPU s", "speed-up", "hand-offs", "lock wait"));
        if (counter) header.append(String.format(Locale.ROOT, " %13s", "lost updates"));
        if (latency) header.append(String.format(Locale.ROOT, " %22s", "I/O latency p50/p99 ms"));
        header.append("  result");
        out.println(header);
        for (ModeResult r : comparison.modes()) {
            Double speedup = comparison.speedup(r);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-13s %8.3f %8.3f %9s %10s %10s",
                    r.mode().cliName(), r.wallSeconds(), r.cpuSeconds(),
                    speedup == null ? "–" : String.format(Locale.ROOT, "%.2f×", speedup),
                    r.lockEnabled() ? Long.toString(r.lock().counters().handoffs()) : "–",
                    r.lockEnabled() ? String.format(Locale.ROOT, "%.1f%%", 100 * r.lock().lockWaitFraction()) : "–"));
            Outcome o = r.outcome();
            if (counter) row.append(String.format(Locale.ROOT, " %13s", o == null || o.lostUpdates() == null ? "–" : o.lostUpdates()));
            if (latency) {
                row.append(String.format(Locale.ROOT, " %22s", o == null || o.ioLatency() == null ? "–"
                        : String.format(Locale.ROOT, "%.2f / %.2f", o.ioLatency().p50Millis(), o.ioLatency().p99Millis())));
            }
            row.append("  ").append(r.resultOk() ? "ok  " + o.answer() : "FAILED  " + r.failure());
            out.println(row);
        }
        for (ModeResult r : comparison.modes()) {
            ProcessCosts costs = r.processCosts();
            if (costs == null || r.failure() != null) continue;
            out.printf(Locale.ROOT, "%s: starting the workers took %.3f s (summed over workers), serializing %.3f s, "
                    + "%s bytes of tasks and results crossed the pipes; the worker processes used %.3f CPU s in all "
                    + "(JIT and GC threads included)%n", r.mode().cliName(), costs.spawnNanos() / 1e9,
                    costs.serializeNanos() / 1e9, String.format(Locale.ROOT, "%,d", costs.bytesTransferred()),
                    costs.processCpuNanos() / 1e9);
        }
        for (ModeResult r : comparison.modes()) {
            dev.gilscope.runtime.RealPython python = r.realPython();
            if (python == null) continue;
            out.printf(Locale.ROOT, "%s: %s (%s), tasks in %s; its threads were read from /proc every %.0f ms "
                    + "(%,d samples; sampling took %.1f%% of a core).%s%n",
                    r.mode().cliName(), python.interpreter(), python.path(), python.style().cliName(),
                    python.samplePeriodNanos() / 1e6, python.samples(), 100 * python.samplerShareOfCore(r.wallNanos()),
                    r.lockEnabled() ? " Its lock figures are inferred: the worker that gained most CPU in a sample held "
                            + "the lock; drop requests cannot be seen from outside." : "");
        }
        for (ModeResult r : comparison.modes()) {
            String full = RecordingFull.describe(r.trace());
            if (full.isEmpty()) continue;
            out.printf(Locale.ROOT, "%s: %s (the cap is %,d events a mode; the counts and times above are exact)%n",
                    r.mode().cliName(), full, comparison.settings().maxEvents());
        }
    }

    static String headline(ComparisonResult comparison, int cores) {
        RunSettings s = comparison.settings();
        LockSettings lock = s.lock();
        String gil = lock.algorithm() == LockSettings.Algorithm.LEGACY
                ? "legacy GIL, release every " + lock.legacyTicks() + " ticks"
                : "GIL switch interval " + millis(lock.intervalNanos()) + " ms"
                        + (lock.forcedSwitching() ? "" : ", no forced switching");
        String placement = lock.checkpoints() == LockSettings.CheckpointPlacement.EVERY_STEP ? ", check points at every step" : "";
        return String.format(Locale.ROOT, "%s · tasks %d · size %d · chunk %d · workers %d · %d core%s%s · %s%s",
                comparison.workload().name(), comparison.params().tasks(), comparison.params().size(),
                comparison.params().chunkSize(), s.workers(), cores, cores == 1 ? "" : "s",
                s.cores() == null ? "" : " (" + CoreList.format(s.cores()) + ")", gil, placement);
    }

    static String millis(long nanos) {
        return new java.math.BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}
