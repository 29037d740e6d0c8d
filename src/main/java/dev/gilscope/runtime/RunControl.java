package dev.gilscope.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets another thread (the Cancel button, Ctrl-C) stop a running comparison. Executors register what
 * stopping means for them (cancel the lock, interrupt threads, kill child processes).
 */
public final class RunControl {

    private final List<Runnable> onCancel = new ArrayList<>();
    private volatile String cancelReason;

    public void cancel(String reason) {
        List<Runnable> hooks;
        synchronized (this) {
            if (cancelReason != null) return;
            cancelReason = reason;
            hooks = List.copyOf(onCancel);
        }
        hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelReason != null;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** Registers a hook; runs it at once if the run is already cancelled. */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (cancelReason == null) {
                onCancel.add(hook);
                return;
            }
        }
        hook.run();
    }

    /** Forgets the hooks of a finished mode. */
    synchronized void clearHooks() {
        onCancel.clear();
    }
}
