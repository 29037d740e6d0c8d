package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.sampling.ThreadSampler;
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
        List<ThreadState> workers = new ArrayList<>();
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
            workers.add(startWorker("T1", mode, gil, probe, settings, trace, threads, failure, cancelRun, py -> {
                for (int c = 0; c < run.companionCount(); c++) run.runCompanion(py, c);
                runTasks(py, run, chunkSize, nextChunk, results);
            }));
        } else {
            for (int w = 0; w < settings.workers(); w++) {
                workers.add(startWorker("T" + (w + 1), mode, gil, probe, settings, trace, threads, failure, cancelRun,
                        py -> runTasks(py, run, chunkSize, nextChunk, results)));
            }
            for (int c = 0; c < run.companionCount(); c++) {
                int companion = c;
                workers.add(startWorker(run.companionCount() == 1 ? "I/O" : "I/O" + (c + 1), mode, gil, probe, settings,
                        trace, threads, failure, cancelRun, py -> run.runCompanion(py, companion)));
            }
        }
        awaitAll(threads, workers, failure, cancelRun);
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

    static ThreadState startWorker(String name, Mode mode, Gil gil, CpuProbe probe, RunSettings settings,
                                    ModeTrace trace, List<Thread> threads, AtomicReference<String> failure,
                                    Canceller cancelRun, WorkerBody body) {
        ThreadState py = new ThreadState(gil, trace.addLane(name), probe, settings.cores(), settings.recording());
        // A daemon: one left behind hung (see awaitAll) must not keep gilscope from exiting
        Thread thread = Thread.ofPlatform().daemon().name("gilscope-" + mode.cliName() + "-" + name).unstarted(() -> {
            try {
                IdleClass.enterAsWorker(settings);
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
        return py;
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

    /** Until when a hung thread left behind stays: its process's end (the thread modes' JVM ends with its run). */
    static volatile String leftBehindUntil = "gilscope closes";

    /** How often the workers are looked at for one asleep in the middle of its work while they are awaited. */
    private static final long WATCH_MILLIS = 250;
    /** How long threads get to end after a hung one ended the run; one that even a cancel cannot wake is left. */
    private static final long LEAVE_HUNG_AFTER_NANOS = 2_000_000_000L;

    /**
     * Waits for every worker thread (workers must end before their results are read). Meanwhile it
     * watches those that should be computing: one asleep there too long ({@link AsleepWorkers}) ends the
     * run naming it. A hung thread that a cancel cannot wake (blocked on a Java monitor) is left behind
     * once no other is still computing, so the run still ends and the next one can start.
     */
    private static void awaitAll(List<Thread> threads, List<ThreadState> workers, AtomicReference<String> failure,
                                 Canceller cancelRun) {
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        long pid = ProcessHandle.current().pid();
        String hung = null;
        long hungAt = 0;
        boolean interrupted = false;
        try (AsleepWorkers asleep = new AsleepWorkers(0)) {
            for (Thread t : all) {
                while (t.isAlive()) {
                    if (hung != null && System.nanoTime() - hungAt > LEAVE_HUNG_AFTER_NANOS && !anyRunning(all, workers)) {
                        failure.compareAndSet(hung, hung + "; it could not be stopped and stays asleep until " + leftBehindUntil);
                        return;
                    }
                    interrupted |= join(t, WATCH_MILLIS);
                    if (hung == null && (hung = hungWorker(workers, asleep, pid, System.nanoTime())) != null) {
                        hungAt = System.nanoTime();
                        if (failure.compareAndSet(null, hung)) cancelRun.cancel(hung);
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether any worker thread still alive is running (or ready to run) as the kernel sees it: one still
     * computing in a long section without check points ends soon and is waited for; only sleepers are left.
     * {@code threads} and {@code workers} are in the same order, as {@link #startWorker} adds them.
     */
    private static boolean anyRunning(List<Thread> threads, List<ThreadState> workers) {
        for (int i = 0; i < threads.size() && i < workers.size(); i++) {
            long tid = workers.get(i).lane().totals().nativeThreadId();
            if (threads.get(i).isAlive() && tid > 0 && ThreadSampler.processState(tid) == 'R') return true;
        }
        return false;
    }

    /** Waits up to {@code millis} for {@code t} to end; true if this thread was interrupted meanwhile. */
    private static boolean join(Thread t, long millis) {
        try {
            t.join(millis);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** "T3 has been asleep …" for a worker asleep too long where it should compute, or null. */
    private static String hungWorker(List<ThreadState> workers, AsleepWorkers asleep, long pid, long now) {
        for (ThreadState py : workers) {
            long tid = py.lane().totals().nativeThreadId();
            if (!py.state().usesCpu()) {
                asleep.forget(tid);
                continue;
            }
            String sleepingIn = asleep.asleepTooLong(pid, tid, now);
            if (sleepingIn != null) return py.lane().name() + " " + asleep.why(sleepingIn);
        }
        return null;
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
