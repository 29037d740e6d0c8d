package dev.gilscope.cli;

import dev.gilscope.cli.bench.BenchRunner;
import dev.gilscope.cli.bench.BenchSizes;
import dev.gilscope.cli.bench.DrawingBench;
import dev.gilscope.cli.bench.FidelityBench;
import dev.gilscope.cli.bench.HandoffBench;
import dev.gilscope.cli.bench.LoadBench;
import dev.gilscope.cli.bench.MachineLine;
import dev.gilscope.cli.bench.ProcessSizes;
import dev.gilscope.cli.bench.ProcessesBench;
import dev.gilscope.cli.bench.RecordingCostBench;
import dev.gilscope.cli.bench.RecordingOverheadBench;
import dev.gilscope.cli.bench.Section;
import dev.gilscope.cli.bench.WarmUp;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gilscope bench}: recording cost, lock hand-off latency, fidelity to CPython and the costs of the
 * processes mode, measured in one run on this machine and reported as ratios from that run. Tables on
 * stdout, progress on stderr; the sections live in {@code dev.gilscope.cli.bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure recording cost, lock hand-off latency, fidelity to CPython, the costs of worker processes, how fast the board draws and how the window holds up under 64 workers, on this machine.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Much smaller sizes: a smoke run of a few minutes.")
    boolean quick;

    @Option(names = "--only", paramLabel = "LIST",
            description = "Comma-separated sections to run: recording, handoff, fidelity, processes, drawing, load (default: all).")
    String only;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Set<Section> sections;
        try {
            sections = Section.parse(only);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
        BenchRunner runner = new BenchRunner(err);

        out.println(MachineLine.describe(sizes));
        if (sections.contains(Section.RECORDING)) {
            out.println();
            new RecordingCostBench(runner, sizes).run(out);
        }
        WarmUp.run(runner, quick); // every section from here on times whole runs
        if (sections.contains(Section.RECORDING)) {
            out.println();
            new RecordingOverheadBench(runner, sizes).run(out);
        }
        if (sections.contains(Section.HANDOFF)) {
            out.println();
            new HandoffBench(runner, sizes).run(out);
        }
        if (sections.contains(Section.FIDELITY)) {
            out.println();
            new FidelityBench(runner, sizes).run(out);
        }
        if (sections.contains(Section.PROCESSES)) {
            out.println();
            new ProcessesBench(runner, quick ? ProcessSizes.quick() : ProcessSizes.full()).run(out);
        }
        if (sections.contains(Section.DRAWING)) {
            out.println();
            new DrawingBench(runner, quick).run(out);
        }
        if (sections.contains(Section.LOAD)) {
            out.println();
            new LoadBench(runner, quick).run(out);
        }
        out.println();
        out.println("other load over the whole bench: " + MachineLine.otherLoad(runner.otherLoadSinceStart()));
        runner.say("done");
        if (runner.failedModes() > 0) {
            err.println("gilscope: " + runner.failedModes() + " run(s) failed; their figures are marked FAILED");
            return 1;
        }
        return 0;
    }
}
