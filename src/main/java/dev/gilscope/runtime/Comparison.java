package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.WorkloadParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload in several modes, one after another so they do not take cores from each other,
 * each on freshly prepared inputs and shared state.
 */
public final class Comparison {

    /** Told about each mode as it starts (with its live trace) and ends. Called on the running thread. */
    public interface Listener {
        default void modeStarted(Mode mode, ModeTrace trace) {}

        default void modeFinished(ModeResult result) {}

        /** Before the first mode: the untimed warm-up of {@link #WARM_UP_MILLIS_PER_MODE} per mode. */
        default void warmingUp(List<Mode> modes) {}
    }

    /**
     * How long each mode runs, untimed and unrecorded, before the comparison: the JIT compiles the
     * kernels, so the first mode measured does not pay for compiling them (which would flatter the
     * modes after it).
     */
    public static final long WARM_UP_MILLIS_PER_MODE = 150;

    private Comparison() {}

    public static ComparisonResult run(Workload workload, WorkloadParams params, RunSettings settings, List<Mode> modes,
                                       Listener listener, RunControl control) {
        if (settings.workerNice() > 0) return runNiced(workload, params, settings, modes, listener, control);
        return runHere(workload, params, settings, modes, listener, control);
    }

    /**
     * Runs the comparison on a thread of its own at the settings' nice value. Threads and processes
     * inherit the priority of the thread that starts them (Linux: nice is per thread and copied at
     * clone and fork), so every worker thread and worker process (and the thread modes' JVM, see
     * {@link ThreadHost}) runs at it from its first instruction, start-up included, and the caller's
     * thread is left as it was. At the lowest nice, 19, the workers
     * also go into the kernel's idle scheduling class, and only they: see {@link IdleClass}.
     */
    private static ComparisonResult runNiced(Workload workload, WorkloadParams params, RunSettings settings,
                                             List<Mode> modes, Listener listener, RunControl control) {
        ComparisonResult[] result = new ComparisonResult[1];
        Throwable[] failure = new Throwable[1];
        Thread runner = Thread.ofPlatform().name("gilscope-comparison").start(() -> {
            CpuProbe probe = CpuProbe.get();
            probe.lowerPriority(probe.nativeThreadId(), settings.workerNice());
            try {
                result[0] = runHere(workload, params, settings, modes, listener, control);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        Uninterruptibly.join(runner, () -> control.cancel("interrupted"));
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
        if (failure[0] != null) throw new IllegalStateException(failure[0]);
        return result[0];
    }

    private static ComparisonResult runHere(Workload workload, WorkloadParams params, RunSettings settings,
                                            List<Mode> modes, Listener listener, RunControl control) {
        listener.warmingUp(modes);
        // The thread modes' own JVM, when the settings ask for one: started before the warm-up, ended with the run
        boolean wantsHost = settings.threadsInOwnJvm() && modes.stream().anyMatch(Mode::runsInThreads);
        try (ThreadHost host = wantsHost ? ThreadHost.startFor(workload, control) : null) {
            warmUp(workload, params, settings, modes, host, control);
            List<ModeResult> results = new ArrayList<>();
            for (Mode mode : modes) {
                if (control.isCancelled()) break;
                ModeTrace trace = new ModeTrace(mode.cliName(), new EventBudget(settings.maxEvents()));
                listener.modeStarted(mode, trace);
                ModeResult result = execute(mode, workload, params, settings, host, trace, control);
                control.clearHooks();
                results.add(result);
                listener.modeFinished(result);
            }
            return new ComparisonResult(workload, params, settings, List.copyOf(results));
        }
    }

    /** Runs one mode here, or in the thread modes' JVM if there is one and it is a thread mode (which prepares its own inputs). */
    private static ModeResult execute(Mode mode, Workload workload, WorkloadParams params, RunSettings settings,
                                      ThreadHost host, ModeTrace trace, RunControl control) {
        if (host != null && mode.runsInThreads()) {
            return host.execute(mode, new ModeExecutor.Job(workload.name(), params, null), settings, trace, control);
        }
        return mode.executor().execute(mode, new ModeExecutor.Job(workload.name(), params, workload.prepare(params)),
                settings, trace, control);
    }

    private static void warmUp(Workload workload, WorkloadParams params, RunSettings settings, List<Mode> modes,
                               ThreadHost host, RunControl outer) {
        RunSettings quiet = settings.withRecording(false);
        for (Mode mode : modes) {
            if (outer.isCancelled()) return;
            if (mode == Mode.PROCESSES || mode == Mode.CPYTHON) continue; // fresh processes every run: nothing to warm here
            RunControl warmUp = new RunControl();
            outer.onCancel(() -> warmUp.cancel(outer.cancelReason()));
            Thread timer = Thread.ofPlatform().daemon().name("gilscope-warm-up-timer").start(() -> {
                try {
                    Thread.sleep(WARM_UP_MILLIS_PER_MODE);
                    warmUp.cancel("warm-up over");
                } catch (InterruptedException finishedEarly) {
                    // the warm-up run ended by itself
                }
            });
            ModeTrace trace = new ModeTrace(mode.cliName(), new EventBudget(1));
            execute(mode, workload, params, quiet, host, trace, warmUp);
            timer.interrupt();
            outer.clearHooks();
        }
    }
}
