package dev.gilscope.ui;

/**
 * Where things are inside one mode's chart: first a lane per logical core, then, after a gap, a lane
 * per worker (the lock Gantt). Lanes get thinner as there are more of them so that 64 workers still fit.
 */
public record RowLayout(int cores, int workers, int coreHeight, int laneHeight, int gap) {

    public static final int GUTTER = 46; // lane names, left of the plot

    public static RowLayout of(int cores, int workers) {
        return new RowLayout(cores, workers, heightFor(cores), heightFor(workers), 6);
    }

    /** Thicker lanes for projectors and recordings. */
    public RowLayout scaled(double factor) {
        return new RowLayout(cores, workers, (int) Math.round(coreHeight * factor), (int) Math.round(laneHeight * factor),
                (int) Math.round(gap * factor));
    }

    private static int heightFor(int lanes) {
        if (lanes <= 4) return 22;
        if (lanes <= 8) return 14;
        if (lanes <= 16) return 9;
        if (lanes <= 32) return 6;
        if (lanes <= 64) return 4;
        return 2;
    }

    public int coreTop(int core) {
        return core * coreHeight;
    }

    public int workersTop() {
        return cores * coreHeight + gap;
    }

    public int laneTop(int worker) {
        return workersTop() + worker * laneHeight;
    }

    public int height() {
        return workersTop() + Math.max(1, workers) * laneHeight;
    }

    /** The core lane at {@code y}, or -1. */
    public int coreAt(double y) {
        int core = (int) Math.floor(y / coreHeight);
        return y >= 0 && core < cores ? core : -1;
    }

    /** The worker lane at {@code y}, or -1. */
    public int workerAt(double y) {
        double inside = y - workersTop();
        int worker = (int) Math.floor(inside / laneHeight);
        return inside >= 0 && worker < workers ? worker : -1;
    }
}
