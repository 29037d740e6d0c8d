package dev.gilscope.runtime;

/**
 * The knobs of the emulated lock that a teacher can turn.
 *
 * @param algorithm {@link Algorithm#NEW} (CPython 3.2+) or {@link Algorithm#LEGACY} (2.x – 3.1)
 * @param intervalNanos how long a waiting thread waits before asking the holder to drop (CPython's
 *     {@code sys.setswitchinterval}, default 5 ms); new algorithm only
 * @param forcedSwitching whether a thread that dropped on request waits until another has taken the
 *     lock (CPython's {@code FORCE_SWITCHING}, on by default); new algorithm only
 * @param legacyTicks check points between two release-and-retake of the legacy lock
 *     ({@code sys.setcheckinterval}, default 100); legacy algorithm only
 * @param checkpoints where a switch may happen
 */
public record LockSettings(Algorithm algorithm, long intervalNanos, boolean forcedSwitching, int legacyTicks,
                           CheckpointPlacement checkpoints) {

    public static final long DEFAULT_INTERVAL_NANOS = 5_000_000;
    public static final int DEFAULT_LEGACY_TICKS = 100;

    public enum Algorithm {
        /** CPython 3.2 and later: timed wait, drop request, forced switching. */
        NEW,
        /** CPython 3.1 and earlier: release and retake every N ticks, no request, no forced switching. */
        LEGACY
    }

    public enum CheckpointPlacement {
        /** Only loop back-edges and calls, like CPython 3.10+: {@code counter += 1} cannot be split. */
        BACK_EDGES,
        /** Between any two steps, like CPython 3.9 and older: a switch may fall inside {@code counter += 1}. */
        EVERY_STEP
    }

    public LockSettings {
        if (intervalNanos < 1_000) throw new IllegalArgumentException("switch interval must be at least 0.001 ms");
        if (legacyTicks < 1) throw new IllegalArgumentException("legacy ticks must be at least 1, got " + legacyTicks);
    }

    /** CPython 3.10+ defaults. */
    public static LockSettings defaults() {
        return new LockSettings(Algorithm.NEW, DEFAULT_INTERVAL_NANOS, true, DEFAULT_LEGACY_TICKS,
                CheckpointPlacement.BACK_EDGES);
    }

    public LockSettings withInterval(long nanos) {
        return new LockSettings(algorithm, nanos, forcedSwitching, legacyTicks, checkpoints);
    }

    public LockSettings withAlgorithm(Algorithm newAlgorithm) {
        return new LockSettings(newAlgorithm, intervalNanos, forcedSwitching, legacyTicks, checkpoints);
    }

    public LockSettings withForcedSwitching(boolean on) {
        return new LockSettings(algorithm, intervalNanos, on, legacyTicks, checkpoints);
    }

    public LockSettings withLegacyTicks(int ticks) {
        return new LockSettings(algorithm, intervalNanos, forcedSwitching, ticks, checkpoints);
    }

    public LockSettings withCheckpoints(CheckpointPlacement placement) {
        return new LockSettings(algorithm, intervalNanos, forcedSwitching, legacyTicks, placement);
    }
}
