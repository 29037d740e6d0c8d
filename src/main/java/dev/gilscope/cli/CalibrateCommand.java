package dev.gilscope.cli;

import dev.gilscope.cli.bench.BenchRunner;
import dev.gilscope.cli.bench.Calibration;
import dev.gilscope.runtime.PythonInterpreter;
import dev.gilscope.runtime.RunSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Run the fidelity lessons (L1, L2, L4, L5, L6, L7 on Python 2, L9) in the emulation and in real "
                + "Python interpreters, and print their figures side by side, flagging those that differ by more than 25%%.")
final class CalibrateCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--python", paramLabel = "PATH",
            description = "An interpreter to compare with; repeat for several (default: the one the cpython mode uses, "
                    + "plus a Python 2.7 and a Python 3.6–3.9 when installed, for the old lock and for lost updates).")
    List<String> pythons = new ArrayList<>();

    @Option(names = "--quick", description = "Much smaller sizes: a smoke run of seconds per interpreter.")
    boolean quick;

    CalibrateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<PythonInterpreter> chosen = new ArrayList<>();
        for (String given : pythons) {
            try {
                chosen.add(PythonInterpreter.at(Path.of(given)));
            } catch (PythonInterpreter.NotUsableException | java.nio.file.InvalidPathException e) {
                throw new UsageException("--python " + e.getMessage());
            }
        }
        if (chosen.isEmpty()) chosen = defaults();
        if (chosen.isEmpty()) {
            err.println("gilscope: no Python found on PATH, in ~/.pyenv/versions or in /usr/bin; install one, or give "
                    + "its path with --python PATH");
            return 1;
        }
        BenchRunner runner = new BenchRunner(err);
        Calibration calibration = new Calibration(runner, quick, RunSettings.defaults());
        for (PythonInterpreter python : chosen) {
            runner.say("calibrating against " + python.label() + " (" + python.path() + ")");
            calibration.calibrate(python);
        }
        out.println("Emulation against real CPython on this machine (" + Runtime.getRuntime().availableProcessors()
                + " cores; each side sized so its sequential run lasts a second or two)");
        Calibration.print(out, calibration.rows());
        out.flush();
        return 0;
    }

    /** The preferred interpreter, plus the newest 2.x and the newest 3.6–3.9 installed, each once. */
    private static List<PythonInterpreter> defaults() {
        List<PythonInterpreter> installed = PythonInterpreter.installed();
        List<PythonInterpreter> chosen = new ArrayList<>();
        PythonInterpreter.preferred().ifPresent(chosen::add);
        newest(installed, 200, 299).ifPresent(chosen::add);
        newest(installed, 306, 309).ifPresent(chosen::add);
        List<PythonInterpreter> once = new ArrayList<>();
        for (PythonInterpreter p : chosen) {
            if (once.stream().noneMatch(q -> q.version().equals(p.version()))) once.add(p);
        }
        return once;
    }

    private static Optional<PythonInterpreter> newest(List<PythonInterpreter> installed, int from, int to) {
        return installed.stream().filter(p -> p.gilEnabled() && p.feature() >= from && p.feature() <= to)
                .max(Comparator.comparingInt(PythonInterpreter::feature));
    }
}
