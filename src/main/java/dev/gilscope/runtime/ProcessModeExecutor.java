package dev.gilscope.runtime;

import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.WorkloadParams;
import dev.gilscope.workload.WorkloadRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code processes} mode: a pool of N worker processes (child JVMs of this build), each with its own
 * interpreter and lock, like {@code multiprocessing.Pool.map(f, tasks, chunksize)}.
 *
 * <pre>
 *  main lane (this thread)          P1 … PN lanes (child processes, sent home with each batch)
 *  SERIALIZING  pickle a chunk      SPAWNING       JVM start (cold pool: inside the timed run)
 *  TRANSFERRING write it to a pipe  DESERIALIZING  unpickle the chunk
 *  IDLE         wait for results    RUNNING_…      compute, behind the child's own lock
 *  DESERIALIZING unpickle results   SERIALIZING / TRANSFERRING  pickle and send results
 *                                   IDLE           wait for the next chunk
 * </pre>
 * Each worker has at most two chunks in flight (one running, one queued in its pipe), so it never waits
 * for the parent between chunks. A worker that dies fails the run with the tasks it took with it; all
 * children are gone when this returns, whatever happened.
 */
final class ProcessModeExecutor implements ModeExecutor {

    static final ProcessModeExecutor INSTANCE = new ProcessModeExecutor();
    private static final int CHUNKS_IN_FLIGHT = 2;
    private static final long EXIT_WAIT_MILLIS = 2_000;

    @Override
    public ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control) {
        String workload = job.workload();
        WorkloadParams params = job.params();
        WorkloadRun run = job.run();
        BlockingQueue<WorkerProcess.Message> inbox = new LinkedBlockingQueue<>();
        List<WorkerProcess> workers = new ArrayList<>();
        Runnable killAll = () -> {
            synchronized (workers) {
                workers.forEach(WorkerProcess::kill);
            }
            inbox.add(new WorkerProcess.Died(null, "cancelled"));
        };
        Thread onExit = Thread.ofPlatform().unstarted(() -> {
            synchronized (workers) {
                workers.forEach(WorkerProcess::kill); // gilscope is exiting: no child may outlive it
            }
        });
        Runtime.getRuntime().addShutdownHook(onExit);
        control.onCancel(killAll);

        CpuProbe probe = CpuProbe.get();
        Lane mainLane = trace.addLane("main");
        // The parent's own interpreter; its lock is off because its main thread spends its time blocked
        // on pipes, where Python's would have released the GIL anyway.
        ThreadState main = new ThreadState(new Gil(settings.lock(), false), mainLane, probe, null, settings.recording());
        String failure = null;
        long end = 0;
        long start = System.nanoTime(); // set again once the pool is ready (warm) or about to spawn (cold)
        Object[] results = new Object[run.taskCount()];
        Dispatch dispatch = new Dispatch(run, params.chunkSize());
        List<Thread> companions = new ArrayList<>();
        AtomicReference<String> companionFailure = new AtomicReference<>();
        Gil companionGil = new Gil(settings.lock(), true);
        try {
            if (settings.pool() == RunSettings.Pool.WARM) {
                spawn(workers, settings, trace, inbox, workload, params);
                failure = awaitReady(workers, inbox);
                start = System.nanoTime();
                trace.start(start);
            } else {
                start = System.nanoTime();
                trace.start(start); // before spawning, so a live view shows the workers starting
                spawn(workers, settings, trace, inbox, workload, params);
            }
            main.begin();
            for (int c = 0; c < run.companionCount() && failure == null; c++) {
                int companion = c;
                ThreadModeExecutor.startWorker("I/O", mode, companionGil, probe, settings, trace, companions,
                        companionFailure, companionGil::cancel, py -> run.runCompanion(py, companion));
            }
            if (failure == null) failure = distribute(main, workers, dispatch, inbox, results);
            if (failure == null) failure = shutDown(main, workers, inbox);
            main.enterPhase(LaneState.IDLE);
            end = System.nanoTime(); // the pool's work is done; tearing the processes down is not timed
        } catch (IOException e) {
            // A worker that died says best why: its reader's report, if it has arrived, beats the broken pipe.
            failure = reportedDeath(inbox).orElse("sending work to a worker process failed: " + e.getMessage());
            main.enterPhase(LaneState.IDLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } finally {
            if (failure != null) {
                synchronized (workers) {
                    workers.forEach(WorkerProcess::kill);
                }
            }
            workers.forEach(w -> w.awaitExit(EXIT_WAIT_MILLIS)); // and killed if they linger
            if (failure != null) {
                companionGil.cancel(failure);
                companions.forEach(Thread::interrupt);
            }
            joinCompanions(companions);
            main.end();
            removeHook(onExit);
        }
        if (end == 0) end = System.nanoTime();
        trace.finish(end);

        if (control.isCancelled()) failure = "cancelled: " + control.cancelReason();
        if (failure == null && companionFailure.get() != null) failure = companionFailure.get();
        Outcome outcome = failure == null ? finish(run, results) : null;
        if (outcome != null && !outcome.resultOk()) failure = "wrong result: " + outcome.message();
        long cpu = trace.lanes().stream().mapToLong(l -> l.totals().cpuNanos()).sum();
        return new ModeResult(mode, end - start, cpu, outcome, failure,
                LockStatistics.of(trace.snapshot(), LockCounters.NONE), false, trace, costs(trace, workers));
    }

    private static void spawn(List<WorkerProcess> workers, RunSettings settings, ModeTrace trace,
                              BlockingQueue<WorkerProcess.Message> inbox, String workload,
                              WorkloadParams params) {
        for (int w = 0; w < settings.workers(); w++) {
            String name = "P" + (w + 1);
            WorkerProcess worker = WorkerProcess.start(name, trace.addLane(name, Lane.Kind.PROCESS), trace, inbox, workload, params, settings);
            synchronized (workers) {
                workers.add(worker);
            }
        }
    }

    private static java.util.Optional<String> reportedDeath(BlockingQueue<WorkerProcess.Message> inbox) {
        try {
            for (int i = 0; i < 20; i++) { // its reader needs a moment to see the end of the pipe
                for (WorkerProcess.Message m : inbox) {
                    if (m instanceof WorkerProcess.Died died && died.from() != null) {
                        return java.util.Optional.of(died.why() + lostTasks(died.from()));
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Optional.empty();
    }

    /** Warm pool: waits until every worker has started, before the clock. */
    private static String awaitReady(List<WorkerProcess> workers, BlockingQueue<WorkerProcess.Message> inbox)
            throws InterruptedException {
        int ready = 0;
        while (ready < workers.size()) {
            WorkerProcess.Message m = inbox.take();
            if (m instanceof WorkerProcess.Died died) return died.why();
            if (m instanceof WorkerProcess.Ready) ready++;
        }
        return null;
    }

    /** The chunks of a {@code map}: consecutive runs of {@code chunkSize} tasks, handed out in order. */
    private static final class Dispatch {
        final WorkloadRun run;
        final int chunkSize;
        int nextTask;

        Dispatch(WorkloadRun run, int chunkSize) {
            this.run = run;
            this.chunkSize = chunkSize;
        }

        boolean more() {
            return nextTask < run.taskCount();
        }

        int[] next() {
            int count = Math.min(chunkSize, run.taskCount() - nextTask);
            int[] tasks = new int[count];
            for (int i = 0; i < count; i++) tasks[i] = nextTask++;
            return tasks;
        }
    }

    /** Hands out chunks and collects results until every task is answered, or a worker dies. */
    private static String distribute(ThreadState main, List<WorkerProcess> workers, Dispatch dispatch,
                                     BlockingQueue<WorkerProcess.Message> inbox, Object[] results)
            throws IOException, InterruptedException {
        for (int round = 0; round < CHUNKS_IN_FLIGHT; round++) {
            for (WorkerProcess w : workers) {
                if (dispatch.more()) send(main, w, dispatch);
            }
        }
        int answered = 0;
        StoppedProcesses stopped = new StoppedProcesses();
        try (AsleepWorkers asleep = new AsleepWorkers(dispatch.run.longestWaitNanos())) {
            long checkedAt = System.nanoTime();
            while (answered < results.length) {
                main.enterPhase(LaneState.IDLE);
                WorkerProcess.Message m = inbox.poll(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                // on a clock, not only when the pool is quiet: the others' results must not hide a hung worker
                if (System.nanoTime() - checkedAt >= TimeUnit.MILLISECONDS.toNanos(STOP_CHECK_MILLIS)) {
                    checkedAt = System.nanoTime();
                    String why = stuckWorker(workers, stopped, asleep, checkedAt);
                    if (why != null) return why;
                }
                if (m == null) continue;
                switch (m) {
                    case WorkerProcess.Died died -> {
                        return died.from() == null ? "cancelled" : died.why() + lostTasks(died.from());
                    }
                    case WorkerProcess.Results r -> {
                        main.enterPhase(LaneState.DESERIALIZING);
                        for (int i = 0; i < r.tasks().length; i++) {
                            results[r.tasks()[i]] = TaskCodec.decode(r.results()[i]);
                            r.from().outstanding.remove(r.tasks()[i]);
                        }
                        answered += r.tasks().length;
                        r.from().chunksInFlight--;
                        if (dispatch.more()) send(main, r.from(), dispatch);
                    }
                    case WorkerProcess.Ready ready -> { }
                    case WorkerProcess.Bye bye -> { }
                }
            }
            return null;
        }
    }

    /** How often the pool is looked at for a stopped or hung worker. */
    private static final long STOP_CHECK_MILLIS = 250;

    /**
     * A worker with tasks that has been stopped too long, or asleep too long without using any CPU
     * ({@link AsleepWorkers}), will not answer: the run ends, naming it. Killed, so nothing is left behind.
     */
    private static String stuckWorker(List<WorkerProcess> workers, StoppedProcesses stopped, AsleepWorkers asleep, long now) {
        for (WorkerProcess w : workers) {
            if (w.outstanding.isEmpty()) {
                stopped.forget(w.pid());
                asleep.forget(w.computeThreadId());
                continue;
            }
            String why = null;
            if (stopped.stoppedTooLong(w.pid(), now)) {
                why = StoppedProcesses.why();
            } else {
                String sleepingIn = asleep.asleepTooLong(w.pid(), w.computeThreadId(), now);
                if (sleepingIn != null) why = asleep.why(sleepingIn);
            }
            if (why != null) {
                why = w.name + " (pid " + w.pid() + ") " + why + lostTasks(w);
                w.kill();
                return why;
            }
        }
        return null;
    }

    private static void send(ThreadState main, WorkerProcess w, Dispatch dispatch) throws IOException {
        int[] tasks = dispatch.next();
        main.enterPhase(LaneState.SERIALIZING);
        byte[][] inputs = new byte[tasks.length][];
        for (int i = 0; i < tasks.length; i++) inputs[i] = TaskCodec.encode(dispatch.run.input(tasks[i]));
        main.enterPhase(LaneState.TRANSFERRING);
        w.sendChunk(tasks, inputs);
    }

    private static String lostTasks(WorkerProcess w) {
        if (w.outstanding.isEmpty()) return "";
        StringJoiner tasks = new StringJoiner(", ", "; tasks lost with it: ", "");
        w.outstanding.forEach(t -> tasks.add(Integer.toString(t)));
        return tasks.toString();
    }

    /** Asks every worker to stop and waits for their last events. */
    private static String shutDown(ThreadState main, List<WorkerProcess> workers,
                                   BlockingQueue<WorkerProcess.Message> inbox) throws InterruptedException {
        main.enterPhase(LaneState.IDLE);
        workers.forEach(WorkerProcess::sendShutdown);
        int gone = 0;
        while (gone < workers.size()) {
            WorkerProcess.Message m = inbox.take();
            if (m instanceof WorkerProcess.Bye) gone++;
            if (m instanceof WorkerProcess.Died died) return died.from() == null ? "cancelled" : died.why();
        }
        return null;
    }

    private static Outcome finish(WorkloadRun run, Object[] results) {
        try {
            return run.finish(results);
        } catch (RuntimeException e) {
            return Outcome.checked(false, "no answer", "checking the answer failed: " + ThreadModeExecutor.describe(e));
        }
    }

    private static ProcessCosts costs(ModeTrace trace, List<WorkerProcess> workers) {
        long spawn = 0;
        long serialize = 0;
        for (Lane lane : trace.lanes()) {
            Map<LaneState, Long> byState = lane.totals().nanosByState();
            spawn += byState.get(LaneState.SPAWNING);
            serialize += byState.get(LaneState.SERIALIZING) + byState.get(LaneState.DESERIALIZING);
        }
        long bytes = workers.stream().mapToLong(w -> w.bytesSent() + w.bytesReceived()).sum();
        long gap = workers.stream().mapToLong(WorkerProcess::clockGapNanos).max().orElse(0);
        long processCpu = workers.stream().mapToLong(w -> Math.max(0, w.processCpuNanos())).sum();
        return new ProcessCosts(spawn, serialize, bytes, gap, processCpu);
    }

    private static void joinCompanions(List<Thread> companions) {
        for (Thread t : companions) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down; the hook runs
        }
    }
}
