package dev.gilscope.cli;

import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.trace.ModeTrace;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Runs a comparison from the command line: progress on stderr, Ctrl-C cancels it (threads and workers end). */
final class ProgressRun {

    private ProgressRun() {}

    static ComparisonResult run(RunRequest.Checked run, PrintStream err) {
        RunControl control = new RunControl();
        Thread onCtrlC = new Thread(() -> control.cancel("interrupted"));
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return Comparison.run(run.workload(), run.params(), run.settings(), run.modes(), progress(run, err), control);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook has run
            }
        }
    }

    private static Comparison.Listener progress(RunRequest.Checked run, PrintStream err) {
        int total = run.modes().size();
        return new Comparison.Listener() {
            int index;

            @Override
            public void warmingUp(List<Mode> modes) {
                err.printf(Locale.ROOT, "gilscope: warming up (%d ms per mode, not timed) …%n", Comparison.WARM_UP_MILLIS_PER_MODE);
            }

            @Override
            public void modeStarted(Mode mode, ModeTrace t) {
                index++;
                err.printf(Locale.ROOT, "gilscope: [%d/%d] %s …%n", index, total, mode.cliName());
            }

            @Override
            public void modeFinished(ModeResult r) {
                err.printf(Locale.ROOT, "gilscope: [%d/%d] %s %.3f s %s%n", index, total, r.mode().cliName(),
                        r.wallSeconds(), r.resultOk() ? "ok" : "FAILED: " + r.failure());
            }
        };
    }
}
