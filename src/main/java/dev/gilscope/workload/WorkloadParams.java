package dev.gilscope.workload;

/**
 * The knobs every workload takes.
 *
 * @param tasks how many tasks the work is split into (the iterable handed to {@code map})
 * @param size the size of one task; its meaning depends on the workload (see {@link Workload#sizeMeaning()})
 * @param chunkSize how many consecutive tasks a worker takes at once ({@code map(..., chunksize=)})
 */
public record WorkloadParams(int tasks, long size, int chunkSize) {

    public WorkloadParams {
        if (tasks < 1) throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        if (size < 1) throw new IllegalArgumentException("size must be at least 1, got " + size);
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
    }

    public WorkloadParams withTasks(int newTasks) { return new WorkloadParams(newTasks, size, chunkSize); }

    public WorkloadParams withSize(long newSize) { return new WorkloadParams(tasks, newSize, chunkSize); }

    public WorkloadParams withChunkSize(int newChunkSize) { return new WorkloadParams(tasks, size, newChunkSize); }
}
