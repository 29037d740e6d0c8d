package dev.gilscope.cli;

import dev.gilscope.runtime.RunRequest;
import dev.gilscope.trace.EventBudget;
import picocli.CommandLine.Option;

/** What to run and how: shared by every command that runs a comparison. Checked by {@link #validate()}. */
final class RunOptions {

    @Option(names = "--workload", required = true, paramLabel = "W",
            description = "What to compute: one of the names 'gilscope workloads' lists.")
    String workload;

    @Option(names = "--modes", paramLabel = "LIST", defaultValue = RunRequest.ALL_MODES,
            description = "Comma-separated modes, run one after another (default: ${DEFAULT-VALUE}); "
                    + "add cpython to run the workload's Python program in a real interpreter too.")
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

    @Option(names = "--python", paramLabel = "PATH",
            description = "cpython mode: the interpreter to run (default: python3 on PATH, else the newest found; "
                    + "'gilscope pythons' lists them).")
    String python;

    @Option(names = "--cpython-as", paramLabel = "threads|processes|sequential", defaultValue = "threads",
            description = "cpython mode: run the program's tasks in threads, a process pool, or one after another (default: ${DEFAULT-VALUE}).")
    String cpythonAs;

    @Option(names = "--max-events", paramLabel = "N", hidden = true,
            description = "Cap on recorded events per mode (default: 16777216).")
    long maxEvents = EventBudget.DEFAULT_MAX_EVENTS;

    /** A checked version of the options, ready to run. */
    RunRequest.Checked validate() {
        RunRequest request = new RunRequest(workload, modes, workers, tasks, size, chunkSize, switchIntervalMs, gil,
                legacyTicks, !noForcedSwitching, checkpoints, cores, pool, maxEvents, python, cpythonAs);
        try {
            return request.check();
        } catch (RunRequest.InvalidException e) {
            throw new UsageException("--" + e.field().optionName() + " " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
