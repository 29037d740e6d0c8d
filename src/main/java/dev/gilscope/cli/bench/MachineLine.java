package dev.gilscope.cli.bench;

import dev.gilscope.cli.StartUpCache;
import dev.gilscope.sampling.CpuProbe;
import java.util.BitSet;

/** The first line of the bench: what the figures were measured on. */
public final class MachineLine {

    private MachineLine() {}

    public static String describe(BenchSizes sizes) {
        CpuProbe probe = CpuProbe.get();
        BitSet allowed = probe.allowedCores();
        return Stats.fmt("machine: %d cores (this process may use %d: %s) · JDK %s (%s, %s) · %s %s · %s · bench %s%n"
                        + "start-up cache: %s",
                Runtime.getRuntime().availableProcessors(), allowed.cardinality(), allowed,
                Runtime.version(), System.getProperty("java.vm.vendor"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"), probe.description(), sizes.name(),
                StartUpCache.describe());
    }

    /** "0.85 of 2 cores busy with other processes on average (/proc/stat)", or that it is unknown. */
    public static String otherLoad(double cores) {
        return Double.isNaN(cores) ? "unknown (no /proc/stat)"
                : Stats.fmt("%.2f of %d cores kept busy by other processes on average (/proc/stat)", cores,
                        Runtime.getRuntime().availableProcessors());
    }
}
