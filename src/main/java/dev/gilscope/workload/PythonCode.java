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

    /** As {@link #fill}, with plain digits ({@code 1000000}): Python before 3.6 reads no underscores in numbers. */
    static String fillPlain(String template, WorkloadParams params) {
        return template.replace("$TASKS", Long.toString(params.tasks()))
                .replace("$SIZE", Long.toString(params.size()))
                .replace("$CHUNK", Long.toString(params.chunkSize()));
    }

    static String literal(long value) {
        return TypedRun.grouped(value).replace(',', '_');
    }
}
