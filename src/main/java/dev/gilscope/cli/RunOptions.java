package dev.gilscope.cli;

import dev.gilscope.runtime.LockSettings;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to run and how: shared by every command that runs a comparison. Checked by {@link #validate()}. */
final class RunOptions {

    @Option(names = "--workload", required = true, paramLabel = "W",
            description = "What to compute: one of the names 'gilscope workloads' lists.")
    String workload;

    @Option(names = "--modes", paramLabel = "LIST", defaultValue = "sequential,gil-threads,free-threads,processes",
            description = "Comma-separated modes, run one after another (default: ${DEFAULT-VALUE}).")
    String modes;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "Threads for the parallel modes, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--tasks", paramLabel = "N", description = "Number of tasks (default: the workload's).")
    Integer tasks;

    @Option(names = "--size", paramLabel = "N", description = "Size of one task; see 'gilscope workloads' (default: the workload's).")
    Long size;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Tasks a worker takes at once, like map(chunksize=) (default: 1).")
    Integer chunkSize;

    @Option(names = "--switch-interval-ms", paramLabel = "X", defaultValue = "5",
            description = "How long a thread waits before asking for the lock, like sys.setswitchinterval (default: ${DEFAULT-VALUE}).")
    double switchIntervalMs;

    @Option(names = "--gil", paramLabel = "new|legacy", defaultValue = "new",
            description = "Lock algorithm: new (CPython 3.2+) or legacy (2.x, release every N ticks) (default: ${DEFAULT-VALUE}).")
    String gil;

    @Option(names = "--legacy-ticks", paramLabel = "N", defaultValue = "100",
            description = "Check points between releases of the legacy lock, like sys.setcheckinterval (default: ${DEFAULT-VALUE}).")
    int legacyTicks;

    @Option(names = "--no-forced-switching",
            description = "Let a thread that was asked to drop the lock take it straight back (CPython forces a switch).")
    boolean noForcedSwitching;

    @Option(names = "--checkpoints", paramLabel = "back-edges|every-step", defaultValue = "back-edges",
            description = "Where a switch may happen: back-edges (loop back-edges and calls only, as CPython 3.10 and later) or every-step (between any two steps, as 3.9 and older) (default: ${DEFAULT-VALUE}).")
    String checkpoints;

    @Option(names = "--cores", paramLabel = "LIST",
            description = "Cores the workers may use, e.g. 0 or 0,1 or 0-3 (Linux only; default: all).")
    String cores;

    @Option(names = "--pool", paramLabel = "cold|warm", defaultValue = "cold",
            description = "processes mode: start the worker processes inside the timed run (cold, like a first Pool()) "
                    + "or before it (warm) (default: ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--max-events", paramLabel = "N", hidden = true,
            description = "Cap on recorded events per mode (default: 16777216).")
    long maxEvents = EventBudget.DEFAULT_MAX_EVENTS;

    /** A checked version of the options, ready to run. */
    record Checked(Workload workload, WorkloadParams params, RunSettings settings, List<Mode> modes) {}

    Checked validate() {
        Workload w = Workloads.byName(workload).orElseThrow(() -> new UsageException(
                "unknown workload '" + workload + "'; choose one of: " + Workloads.names()));
        List<Mode> chosen = parseModes();
        if (workers < 1 || workers > RunSettings.MAX_WORKERS) {
            throw new UsageException("--workers " + workers + " is out of range; use 1 to " + RunSettings.MAX_WORKERS);
        }
        WorkloadParams defaults = w.defaults();
        int t = positiveInt("--tasks", tasks, defaults.tasks());
        long s = size == null ? defaults.size() : size;
        if (s < 1 || s > w.maxSize()) {
            throw new UsageException("--size " + s + " is out of range for " + w.name() + "; use 1 to " + w.maxSize()
                    + " (" + w.sizeMeaning() + ")");
        }
        int c = positiveInt("--chunk-size", chunkSize, defaults.chunkSize());
        if (!(switchIntervalMs >= 0.001 && switchIntervalMs <= 10_000)) {
            throw new UsageException("--switch-interval-ms " + switchIntervalMs + " is out of range; use 0.001 to 10000");
        }
        LockSettings.Algorithm algorithm = switch (gil) {
            case "new" -> LockSettings.Algorithm.NEW;
            case "legacy" -> LockSettings.Algorithm.LEGACY;
            default -> throw new UsageException("--gil '" + gil + "' is not known; use new or legacy");
        };
        if (legacyTicks < 1) throw new UsageException("--legacy-ticks " + legacyTicks + " must be at least 1");
        LockSettings.CheckpointPlacement placement = switch (checkpoints) {
            case "back-edges" -> LockSettings.CheckpointPlacement.BACK_EDGES;
            case "every-step" -> LockSettings.CheckpointPlacement.EVERY_STEP;
            default -> throw new UsageException("--checkpoints '" + checkpoints + "' is not known; use back-edges or every-step");
        };
        if (maxEvents < 1) throw new UsageException("--max-events must be at least 1");
        LockSettings lock = new LockSettings(algorithm, Math.round(switchIntervalMs * 1_000_000), !noForcedSwitching,
                legacyTicks, placement);
        RunSettings.Pool poolStart = switch (pool) {
            case "cold" -> RunSettings.Pool.COLD;
            case "warm" -> RunSettings.Pool.WARM;
            default -> throw new UsageException("--pool '" + pool + "' is not known; use cold or warm");
        };
        RunSettings settings = new RunSettings(workers, lock,
                cores == null ? null : CoreList.parse(cores, CpuProbe.get()), true, maxEvents, poolStart);
        WorkloadParams params = new WorkloadParams(t, s, c);
        try {
            w.requireValid(params);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Checked(w, params, settings, chosen);
    }

    private List<Mode> parseModes() {
        List<Mode> chosen = new ArrayList<>();
        for (String name : modes.split(",", -1)) {
            Mode mode = Mode.byName(name.trim()).orElseThrow(() -> new UsageException(
                    "unknown mode '" + name.trim() + "' in --modes; choose from: " + Mode.names()));
            if (chosen.contains(mode)) throw new UsageException("mode '" + name.trim() + "' is named twice in --modes");
            chosen.add(mode);
        }
        return chosen;
    }

    /** More tasks than this would only fill memory with task records; no lesson needs them. */
    static final int MAX_TASKS = 10_000_000;

    private static int positiveInt(String option, Integer given, int fallback) {
        int value = given == null ? fallback : given;
        if (value < 1) throw new UsageException(option + " " + value + " must be at least 1");
        if (value > MAX_TASKS) throw new UsageException(option + " " + value + " is too large; use at most " + MAX_TASKS);
        return value;
    }
}
