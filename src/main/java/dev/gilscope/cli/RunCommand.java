package dev.gilscope.cli;

import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.ModeTrace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one workload in several modes, one after another, and compare them.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the table.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE.json", description = "Write a Chrome Trace Event file (opens in Perfetto).")
    Path trace;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every segment and instant as CSV.")
    Path csv;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        RunRequest.Checked run = options.validate();
        OutputFiles.checkWritable("--trace", trace);
        OutputFiles.checkWritable("--csv", csv);
        int cores = run.settings().cores() == null ? CpuProbe.get().allowedCores().cardinality()
                : run.settings().cores().cardinality();
        ComparisonResult result = ProgressRun.run(run, err);
        if (json) {
            JsonReport.write(result, cores, out);
        } else {
            ReportTable.print(result, cores, out);
        }
        boolean saved = TraceFiles.write(result, cores, trace, csv, err);
        return saved && result.modes().stream().allMatch(ModeResult::resultOk) ? 0 : 1;
    }
}
