package dev.gilscope.cli.bench;

import java.io.PrintStream;

/**
 * Section 5: what the processes mode costs and how close it comes to CPython's process lessons — the
 * per-task round trip through a warm pool ({@link DispatchBench}), worker start-up and class-data
 * sharing ({@link StartupBench}), and the L2, L3 and L11 rows ({@link ProcessFidelityBench}).
 */
public final class ProcessesBench {

    private final BenchRunner runner;
    private final ProcessSizes sizes;

    public ProcessesBench(BenchRunner runner, ProcessSizes sizes) {
        this.runner = runner;
        this.sizes = sizes;
    }

    public void run(PrintStream out) {
        new DispatchBench(runner, sizes).run(out);
        out.println();
        new StartupBench(runner, sizes).run(out);
        out.println();
        new ProcessFidelityBench(runner, sizes).run(out);
    }
}
