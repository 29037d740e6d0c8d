package dev.gilscope.cli;

import dev.gilscope.scenario.Lessons;
import dev.gilscope.ui.GilscopeApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "window", mixinStandardHelpOptions = true,
        description = "Open the window (as gilscope with no arguments does), optionally on a lesson, run it, and close "
                + "when it is done: for a class that starts on one lesson, and for recording or checking a packaged app.")
final class WindowCommand implements Callable<Integer> {

    @Option(names = "--lesson", paramLabel = "ID", description = "Open on this built-in lesson (L1 … L11).")
    String lesson;

    @Option(names = "--run", description = "Run the lesson (or the default comparison) as soon as the window is up.")
    boolean run;

    @Option(names = "--quit-when-done", description = "Close the window when the run has ended, printing how it went; "
            + "the exit code is 0 when every mode gave the checked answer.")
    boolean quitWhenDone;

    @Override
    public Integer call() {
        if (lesson != null && Lessons.byId(lesson).isEmpty()) {
            throw new UsageException("--lesson '" + lesson + "' is not a built-in lesson; choose one of: "
                    + String.join(", ", Lessons.builtIn().stream().map(l -> l.id()).toList()));
        }
        if (quitWhenDone && !run) throw new UsageException("--quit-when-done needs --run: without a run there is nothing to wait for");
        List<String> parameters = new ArrayList<>();
        if (lesson != null) parameters.add("--lesson=" + lesson);
        if (run) parameters.add("--run");
        if (quitWhenDone) parameters.add("--quit-when-done");
        return GilscopeApp.launchWindow(parameters.toArray(String[]::new));
    }
}
