package dev.gilscope.runtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways one workload can be executed. Each names the executor that runs it. */
public enum Mode {
    SEQUENTIAL("sequential", "one thread runs every task in order"),
    GIL_THREADS("gil-threads", "N threads behind the emulated global interpreter lock"),
    FREE_THREADS("free-threads", "N threads with the lock disabled (free-threaded build, PEP 703)"),
    PROCESSES("processes", "a pool of N worker processes, each with its own interpreter and lock (multiprocessing)"),
    CPYTHON("cpython", "the workload's Python program in a real CPython on this machine, its threads sampled from /proc");

    private final String cliName;
    private final String description;

    Mode(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    ModeExecutor executor() {
        return switch (this) {
            case SEQUENTIAL -> ThreadModeExecutor.SEQUENTIAL;
            case GIL_THREADS -> ThreadModeExecutor.GIL_THREADS;
            case FREE_THREADS -> ThreadModeExecutor.FREE_THREADS;
            case PROCESSES -> ProcessModeExecutor.INSTANCE;
            case CPYTHON -> CPythonModeExecutor.INSTANCE;
        };
    }

    /** Whether this mode's workers are threads of one process (the sequential one too). */
    boolean runsInThreads() {
        return executor() instanceof ThreadModeExecutor;
    }

    /** Whether gilscope emulates this mode (false: a real interpreter runs it). */
    public boolean emulated() {
        return this != CPYTHON;
    }

    /** The modes a run has when none are named: the four emulated ones. */
    public static java.util.List<Mode> emulatedModes() {
        return Arrays.stream(values()).filter(Mode::emulated).toList();
    }

    public static Optional<Mode> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Mode::cliName).collect(Collectors.joining(", "));
    }
}
