package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread-based modes: {@code sequential} (one thread), {@code gil-threads} and {@code free-threads}.
 *
 * <p>Tasks are handed out like {@code ThreadPoolExecutor.map}: each worker takes the next chunk of
 * {@code chunkSize} consecutive tasks until none is left. Even sequential runs on a worker thread of its
 * own behind an (uncontended) lock, as a one-thread Python program does, so the three modes differ
 * only in the number of threads and whether the lock is on.
 */
final class ThreadModeExecutor implements ModeExecutor {

    static final ThreadModeExecutor SEQUENTIAL = new ThreadModeExecutor(true, true);
    static final ThreadModeExecutor GIL_THREADS = new ThreadModeExecutor(false, true);
    static final ThreadModeExecutor FREE_THREADS = new ThreadModeExecutor(false, false);

    private final boolean singleThread;
    private final boolean lockEnabled;

    private ThreadModeExecutor(boolean singleThread, boolean lockEnabled) {
        this.singleThread = singleThread;
        this.lockEnabled = lockEnabled;
    }

    @Override
    public ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control) {
        WorkloadRun run = job.run();
        int chunkSize = job.params().chunkSize();
        Gil gil = new Gil(settings.lock(), lockEnabled);
        CpuProbe probe = CpuProbe.get();
        Object[] results = new Object[run.taskCount()];
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        Canceller cancelRun = reason -> {
            gil.cancel(reason);
            synchronized (threads) {
                threads.forEach(Thread::interrupt); // wakes sleepers in blocking I/O
            }
        };
        control.onCancel(() -> cancelRun.cancel(control.cancelReason()));

        long start = System.nanoTime();
        trace.start(start);
        if (singleThread) {
            startWorker("T1", mode, gil, probe, settings, trace, threads, failure, cancelRun, py -> {
                for (int c = 0; c < run.companionCount(); c++) run.runCompanion(py, c);
                runTasks(py, run, chunkSize, nextChunk, results);
            });
        } else {
            for (int w = 0; w < settings.workers(); w++) {
                startWorker("T" + (w + 1), mode, gil, probe, settings, trace, threads, failure, cancelRun,
                        py -> runTasks(py, run, chunkSize, nextChunk, results));
            }
            for (int c = 0; c < run.companionCount(); c++) {
                int companion = c;
                startWorker(run.companionCount() == 1 ? "I/O" : "I/O" + (c + 1), mode, gil, probe, settings, trace,
                        threads, failure, cancelRun, py -> run.runCompanion(py, companion));
            }
        }
        joinAll(threads);
        long end = System.nanoTime();
        trace.finish(end);

        String failed = failure.get();
        if (failed == null && control.isCancelled()) failed = "cancelled: " + control.cancelReason();
        Outcome outcome = failed == null ? finish(run, results) : null;
        if (outcome != null && !outcome.resultOk()) failed = "wrong result: " + outcome.message();
        LockCounters counters = lockEnabled ? gil.counters() : LockCounters.NONE;
        long cpu = trace.lanes().stream().mapToLong(l -> l.totals().cpuNanos()).sum();
        return new ModeResult(mode, end - start, cpu, outcome, failed,
                LockStatistics.of(trace.snapshot(), counters), lockEnabled, trace, null);
    }

    interface WorkerBody {
        void run(ThreadState py);
    }

    /** Stops every thread of a mode: cancels its lock and wakes its sleepers. */
    interface Canceller {
        void cancel(String reason);
    }

    static void startWorker(String name, Mode mode, Gil gil, CpuProbe probe, RunSettings settings,
                                    ModeTrace trace, List<Thread> threads, AtomicReference<String> failure,
                                    Canceller cancelRun, WorkerBody body) {
        ThreadState py = new ThreadState(gil, trace.addLane(name), probe, settings.cores(), settings.recording());
        Thread thread = Thread.ofPlatform().name("gilscope-" + mode.cliName() + "-" + name).unstarted(() -> {
            try {
                py.begin();
                body.run(py);
            } catch (RunCancelledException cancelled) {
                // another worker failed or the user cancelled: that is reported by whoever caused it
            } catch (Throwable t) {
                String why = name + " failed: " + describe(t);
                if (failure.compareAndSet(null, why)) cancelRun.cancel(why);
            } finally {
                py.end();
            }
        });
        synchronized (threads) {
            threads.add(thread);
        }
        py.spawning();
        thread.start();
    }

    private static void runTasks(ThreadState py, WorkloadRun run, int chunkSize, AtomicInteger nextChunk,
                                 Object[] results) {
        int tasks = run.taskCount();
        for (int chunk = nextChunk.getAndIncrement(); (long) chunk * chunkSize < tasks; chunk = nextChunk.getAndIncrement()) {
            int first = chunk * chunkSize;
            int last = Math.min(tasks, first + chunkSize);
            for (int task = first; task < last; task++) {
                py.checkCancelled(); // between tasks too: a task may have no check point of its own
                py.taskStarted(task);
                results[task] = run.compute(py, run.input(task));
                py.taskEnded(task);
            }
        }
    }

    private static Outcome finish(WorkloadRun run, Object[] results) {
        try {
            return run.finish(results);
        } catch (RuntimeException e) {
            return Outcome.checked(false, "no answer", "checking the answer failed: " + describe(e));
        }
    }

    private static void joinAll(List<Thread> threads) {
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        for (Thread t : all) {
            boolean interrupted = false;
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // workers must end before their results are read
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
