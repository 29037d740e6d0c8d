package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.Workloads;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What a user asked to run, as typed values, checked in one place for the command line and the window
 * alike. A null number means "the default". {@link #check()} names the field that is wrong and says
 * what is accepted; each front end words the field its own way ("--tasks" or "Tasks").
 */
public record RunRequest(String workload, String modes, Integer workers, Integer tasks, Long size, Integer chunkSize,
                         Double switchIntervalMs, String gil, Integer legacyTicks, boolean forcedSwitching,
                         String checkpoints, String cores, String pool, long maxEvents, String python,
                         String cpythonAs) {

    public RunRequest(String workload, String modes, Integer workers, Integer tasks, Long size, Integer chunkSize,
                      Double switchIntervalMs, String gil, Integer legacyTicks, boolean forcedSwitching,
                      String checkpoints, String cores, String pool, long maxEvents) {
        this(workload, modes, workers, tasks, size, chunkSize, switchIntervalMs, gil, legacyTicks, forcedSwitching,
                checkpoints, cores, pool, maxEvents, null, null);
    }

    /** The inputs a request is made of; {@link #optionName()} is the command line's spelling. */
    public enum Field {
        WORKLOAD("workload"), MODES("modes"), WORKERS("workers"), TASKS("tasks"), SIZE("size"),
        CHUNK_SIZE("chunk-size"), SWITCH_INTERVAL("switch-interval-ms"), GIL("gil"), LEGACY_TICKS("legacy-ticks"),
        CHECKPOINTS("checkpoints"), CORES("cores"), POOL("pool"), MAX_EVENTS("max-events"), PYTHON("python"),
        CPYTHON_AS("cpython-as");

        private final String optionName;

        Field(String optionName) {
            this.optionName = optionName;
        }

        public String optionName() {
            return optionName;
        }

        /** How saved runs and reports name it ("switchIntervalMs"): see {@link RunRequest#parameterName}. */
        public String parameterName() {
            return RunRequest.parameterName(optionName);
        }

        /** The field the command line spells {@code option} ("chunk-size"), if there is one. */
        public static java.util.Optional<Field> byOptionName(String option) {
            return java.util.Arrays.stream(values()).filter(f -> f.optionName.equals(option)).findFirst();
        }

        /** The field a saved run's parameter {@code name} ("chunkSize") holds, if there is one. */
        public static java.util.Optional<Field> byParameterName(String name) {
            return java.util.Arrays.stream(values()).filter(f -> f.parameterName().equals(name)).findFirst();
        }
    }

    /**
     * An option's name as the parameters of a saved run or a JSON report spell it: the command line's
     * spelling in camel case (chunk-size → chunkSize, forced-switching → forcedSwitching).
     */
    public static String parameterName(String option) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : option.toCharArray()) {
            if (ch == '-') {
                upper = true;
                continue;
            }
            out.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        return out.toString();
    }

    /** A wrong input: which field, and a problem that reads after the field's name ("0 must be at least 1"). */
    public static final class InvalidException extends IllegalArgumentException {
        private final Field field;
        private final String problem;

        public InvalidException(Field field, String problem) {
            super(field.optionName() + " " + problem, null);
            this.field = field;
            this.problem = problem;
        }

        public Field field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }

    /** A request that passed every check, ready to run. */
    public record Checked(Workload workload, WorkloadParams params, RunSettings settings, List<Mode> modes) {}

    /** More tasks than this would only fill memory with task records; no lesson needs them. */
    public static final int MAX_TASKS = 10_000_000;
    public static final double MIN_SWITCH_INTERVAL_MS = 0.001;
    public static final double MAX_SWITCH_INTERVAL_MS = 10_000;
    public static final String ALL_MODES = "sequential,gil-threads,free-threads,processes";

    /** The defaults of everything but the workload. */
    public static RunRequest of(String workload) {
        return new RunRequest(workload, ALL_MODES, 2, null, null, null, 5.0, "new", LockSettings.DEFAULT_LEGACY_TICKS,
                true, "back-edges", null, "cold", EventBudget.DEFAULT_MAX_EVENTS);
    }

    public Checked check() {
        Workload w = Workloads.byName(workload).orElseThrow(() -> new InvalidException(Field.WORKLOAD,
                "'" + workload + "' is not known; choose one of: " + Workloads.names()));
        List<Mode> chosen = parseModes();
        int n = workers == null ? 2 : workers;
        if (n < 1 || n > RunSettings.MAX_WORKERS) {
            throw new InvalidException(Field.WORKERS, n + " is out of range; use 1 to " + RunSettings.MAX_WORKERS);
        }
        WorkloadParams defaults = w.defaults();
        int t = countOf(Field.TASKS, tasks, defaults.tasks());
        long s = size == null ? defaults.size() : size;
        if (s < 1 || s > w.maxSize()) {
            throw new InvalidException(Field.SIZE, s + " is out of range for " + w.name() + "; use 1 to " + w.maxSize()
                    + " (" + w.sizeMeaning() + ")");
        }
        int c = countOf(Field.CHUNK_SIZE, chunkSize, defaults.chunkSize());
        double interval = switchIntervalMs == null ? 5.0 : switchIntervalMs;
        if (!(interval >= MIN_SWITCH_INTERVAL_MS && interval <= MAX_SWITCH_INTERVAL_MS)) {
            throw new InvalidException(Field.SWITCH_INTERVAL, interval + " is out of range; use "
                    + MIN_SWITCH_INTERVAL_MS + " to " + (long) MAX_SWITCH_INTERVAL_MS);
        }
        LockSettings.Algorithm algorithm = switch (gil == null ? "new" : gil) {
            case "new" -> LockSettings.Algorithm.NEW;
            case "legacy" -> LockSettings.Algorithm.LEGACY;
            default -> throw new InvalidException(Field.GIL, "'" + gil + "' is not known; use new or legacy");
        };
        int ticks = legacyTicks == null ? LockSettings.DEFAULT_LEGACY_TICKS : legacyTicks;
        if (ticks < 1) throw new InvalidException(Field.LEGACY_TICKS, ticks + " must be at least 1");
        LockSettings.CheckpointPlacement placement = switch (checkpoints == null ? "back-edges" : checkpoints) {
            case "back-edges" -> LockSettings.CheckpointPlacement.BACK_EDGES;
            case "every-step" -> LockSettings.CheckpointPlacement.EVERY_STEP;
            default -> throw new InvalidException(Field.CHECKPOINTS, "'" + checkpoints
                    + "' is not known; use back-edges or every-step");
        };
        if (maxEvents < 1) throw new InvalidException(Field.MAX_EVENTS, maxEvents + " must be at least 1");
        RunSettings.Pool poolStart = switch (pool == null ? "cold" : pool) {
            case "cold" -> RunSettings.Pool.COLD;
            case "warm" -> RunSettings.Pool.WARM;
            default -> throw new InvalidException(Field.POOL, "'" + pool + "' is not known; use cold or warm");
        };
        LockSettings lock = new LockSettings(algorithm, Math.round(interval * 1_000_000), forcedSwitching, ticks, placement);
        BitSet coreSet = cores == null || cores.isBlank() ? null : CoreList.parse(cores, CpuProbe.get());
        CPythonSettings cpython = cpythonSettings(chosen);
        RunSettings settings = new RunSettings(n, lock, coreSet, true, maxEvents, poolStart).withCPython(cpython);
        WorkloadParams params = new WorkloadParams(t, s, c);
        try {
            w.requireValid(params);
        } catch (IllegalArgumentException e) {
            throw new InvalidException(Field.SIZE, s + " does not fit: " + e.getMessage());
        }
        return new Checked(w, params, settings, chosen);
    }

    /**
     * The cpython mode's interpreter and style. A given path must name an executable file; whether it is
     * a Python is asked when the mode runs (starting a program on every keystroke of a form would not do).
     */
    private CPythonSettings cpythonSettings(List<Mode> chosen) {
        CPythonSettings.Style style = cpythonAs == null || cpythonAs.isBlank() ? CPythonSettings.Style.THREADS
                : CPythonSettings.Style.byName(cpythonAs.strip()).orElseThrow(() -> new InvalidException(Field.CPYTHON_AS,
                        "'" + cpythonAs + "' is not known; use " + CPythonSettings.Style.names()));
        if (python != null && !python.isBlank() && chosen.contains(Mode.CPYTHON)) {
            java.nio.file.Path path;
            try {
                path = java.nio.file.Path.of(python.strip());
            } catch (java.nio.file.InvalidPathException e) {
                throw new InvalidException(Field.PYTHON, "'" + python + "' is not a path");
            }
            if (!java.nio.file.Files.exists(path)) throw new InvalidException(Field.PYTHON, python.strip() + ": no such file; give the path of a python program, such as /usr/bin/python3");
            if (java.nio.file.Files.isDirectory(path) || !java.nio.file.Files.isExecutable(path)) {
                throw new InvalidException(Field.PYTHON, python.strip() + " is not an executable program; give the path of a python program, such as /usr/bin/python3");
            }
        }
        return new CPythonSettings(python, style);
    }

    private List<Mode> parseModes() {
        List<Mode> chosen = new ArrayList<>();
        if (modes == null) return Mode.emulatedModes();
        for (String name : modes.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() && modes.isBlank()) throw new InvalidException(Field.MODES, "is empty; choose at least one of: " + Mode.names());
            Mode mode = Mode.byName(trimmed).orElseThrow(() -> new InvalidException(Field.MODES,
                    "names '" + trimmed + "', which is not a mode; choose from: " + Mode.names()));
            if (chosen.contains(mode)) throw new InvalidException(Field.MODES, "names '" + trimmed + "' twice");
            chosen.add(mode);
        }
        return chosen;
    }

    private static int countOf(Field field, Integer given, int fallback) {
        int value = given == null ? fallback : given;
        if (value < 1) throw new InvalidException(field, value + " must be at least 1");
        if (value > MAX_TASKS) throw new InvalidException(field, value + " is too large; use at most " + MAX_TASKS);
        return value;
    }
}
