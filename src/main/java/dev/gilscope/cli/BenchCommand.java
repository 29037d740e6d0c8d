package dev.gilscope.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure recording cost, lock hand-off latency and fidelity to CPython on this machine.")
final class BenchCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        out.println("bench: not yet");
        return 0;
    }
}
