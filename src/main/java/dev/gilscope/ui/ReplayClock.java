package dev.gilscope.ui;

/**
 * The replay's clock: a moment on the shared time axis that every row draws up to, moved by the slider
 * or by playing at a chosen speed (1×, ¼×, 1/16×: a 5 ms switch interval becomes 80 ms at 1/16×).
 * While not replaying, the rows draw everything ({@link #until()} is {@link Long#MAX_VALUE}).
 */
public final class ReplayClock {

    public enum Speed {
        FULL("1×", 1), QUARTER("¼×", 0.25), SIXTEENTH("1/16×", 1.0 / 16);

        private final String label;
        private final double factor;

        Speed(String label, double factor) {
            this.label = label;
            this.factor = factor;
        }

        public double factor() {
            return factor;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private boolean active;
    private boolean playing;
    private long position;
    private Speed speed = Speed.FULL;

    public boolean active() {
        return active;
    }

    public boolean playing() {
        return playing;
    }

    public long position() {
        return position;
    }

    public Speed speed() {
        return speed;
    }

    public void setSpeed(Speed newSpeed) {
        speed = newSpeed;
    }

    /** Where every row stops drawing: the clock while replaying, otherwise no limit. */
    public long until() {
        return active ? position : Long.MAX_VALUE;
    }

    /** Moves the clock (the slider); stays paused. */
    public void seek(long nanos) {
        active = true;
        position = Math.max(0, nanos);
    }

    /** Plays from the current position, or from the start if the clock is at the end. */
    public void play(long extent) {
        if (!active || position >= extent) position = 0;
        active = true;
        playing = true;
    }

    public void pause() {
        playing = false;
    }

    /** Leaves replay: the rows show everything again. */
    public void stop() {
        active = false;
        playing = false;
    }

    /**
     * Advances by {@code elapsedNanos} of real time at the chosen speed; stops at {@code extent}.
     *
     * @return whether the clock moved
     */
    public boolean tick(long elapsedNanos, long extent) {
        if (!playing) return false;
        position = Math.min(extent, position + Math.round(elapsedNanos * speed.factor));
        if (position >= extent) playing = false;
        return true;
    }
}
