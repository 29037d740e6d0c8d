package dev.gilscope.runtime;

/** Thrown inside worker threads to unwind them when a run is cancelled or another worker failed. */
public final class RunCancelledException extends RuntimeException {

    public RunCancelledException(String why) {
        super(why, null, false, false);
    }
}
