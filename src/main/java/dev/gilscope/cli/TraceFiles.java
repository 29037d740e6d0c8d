package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.export.ChromeTraceWriter;
import dev.gilscope.trace.export.CsvWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Writes the optional trace and CSV files of a finished comparison. */
final class TraceFiles {

    private TraceFiles() {}

    /** Returns false (after saying why on {@code err}) if a file could not be written. */
    static boolean write(ComparisonResult result, int cores, Path trace, Path csv, PrintStream err) {
        List<ModeTrace> traces = result.modes().stream().map(ModeResult::trace).toList();
        boolean ok = true;
        if (trace != null) {
            ok &= save("trace", trace, err, () -> ChromeTraceWriter.write(trace, ResultFigures.runInfo(result, cores), traces));
        }
        if (csv != null) {
            ok &= save("CSV", csv, err, () -> CsvWriter.write(csv, traces));
        }
        return ok;
    }

    private interface Save {
        void run() throws IOException;
    }

    private static boolean save(String what, Path file, PrintStream err, Save save) {
        try {
            save.run();
            err.println("gilscope: wrote " + what + " to " + file);
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("gilscope: could not write the " + what + " to " + file + ": " + e.getMessage());
            return false;
        }
    }
}
