package dev.gilscope.workload;

/** Fills the placeholders of a workload's Python program with its default parameters. */
final class PythonCode {

    private PythonCode() {
    }

    /** Replaces {@code $TASKS}, {@code $SIZE} and {@code $CHUNK} by Python literals such as {@code 1_000_000}. */
    static String fill(String template, WorkloadParams params) {
        return template.replace("$TASKS", literal(params.tasks()))
                .replace("$SIZE", literal(params.size()))
                .replace("$CHUNK", literal(params.chunkSize()));
    }

    static String literal(long value) {
        return TypedRun.grouped(value).replace(',', '_');
    }
}
