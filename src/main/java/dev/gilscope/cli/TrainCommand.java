package dev.gilscope.cli;

import dev.gilscope.ui.BoardBench;
import dev.gilscope.ui.GilscopeApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * What the launchers record the JVM's start-up cache from (hidden: packaging/aot-cache.sh runs it, with
 * the window on JavaFX's headless platform). A user's first minutes in one run: the board paints a large
 * made-up recording at full zoom-out and zoomed in (the code that draws big runs), then the window opens,
 * runs the default comparison in every mode live, and closes. The cache keeps the classes this loaded
 * and how its methods were used, so the JIT compiles them early in the next start.
 */
@Command(name = "train-start-up-cache", hidden = true,
        description = "Run what the start-up cache is recorded from: paint a large made-up board, then run the default "
                + "comparison in the window and close it.")
final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        BoardBench.frameTimes(16, 400_000, 1600, 10);
        return GilscopeApp.launchWindow(new String[] {"--run", "--quit-when-done"});
    }
}
