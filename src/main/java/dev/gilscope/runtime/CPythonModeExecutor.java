package dev.gilscope.runtime;

import dev.gilscope.sampling.ThreadSampler;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.export.JsonValues;
import dev.gilscope.workload.Outcome;
import dev.gilscope.workload.PythonTask;
import dev.gilscope.workload.Workload;
import dev.gilscope.workload.Workloads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The cpython mode: the workload's Python program runs in a real interpreter under gilscope's harness
 * ({@code harness.py}), and what its threads do is read from the kernel.
 *
 * <p>The harness says when the timed run starts, which native thread (and process) each worker is, and
 * when each task starts and ends. Every {@link #SAMPLE_PERIOD_NANOS} this thread reads each worker's
 * state, core and CPU time from {@code /proc}. Nothing inside the interpreter is instrumented, so the
 * lock is <em>inferred</em>: for threads behind a GIL, the worker that gained the most CPU in a period
 * held the lock; one asleep on a futex was waiting for it, one asleep elsewhere was in I/O (see
 * {@code behindTheLock}). A change of holder counts as a hand-off. Drop requests are not visible from
 * outside and are not counted.
 */
final class CPythonModeExecutor implements ModeExecutor {

    static final CPythonModeExecutor INSTANCE = new CPythonModeExecutor();

    private static final long SAMPLE_PERIOD_NANOS = RealPython.SAMPLE_PERIOD_NANOS;

    /** How long a pool worker seen gone inside a task is given for that task's end to arrive after all. */
    private static final long LOST_GRACE_NANOS = 1_000_000_000L;

    /** How often (in samples) the interpreter and its pool are looked at for a stopped process. */
    private static final long STOP_CHECK_SAMPLES = 250;

    /** How long the interpreter may take to load the program and build the inputs before the run is given up. */
    private static final long START_TIMEOUT_NANOS = 120_000_000_000L;

    /**
     * A worker that gained CPU for at least this share of a period ran in it. Low, because a thread that
     * takes the lock late in a period shows only a little of it; a waiter that wakes to find the lock
     * taken spends microseconds, well below it.
     */
    private static final double RAN_SHARE = 0.05;

    private CPythonModeExecutor() {}

    @Override
    public ModeResult execute(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control) {
        Workload workload = Workloads.byName(job.workload()).orElseThrow();
        PythonTask task = workload.pythonTask().orElse(null);
        if (task == null) return failed(mode, trace, job.workload() + " has no program gilscope can run in a real Python");
        PythonInterpreter python;
        try {
            python = PythonInterpreter.resolve(settings.cpython().interpreter());
        } catch (PythonInterpreter.NotUsableException e) {
            return failed(mode, trace, e.getMessage());
        }
        if (!ThreadSampler.available()) {
            return failed(mode, trace, "the cpython mode reads each thread's CPU time from /proc, which this system does not have (Linux only)");
        }
        return new Run(mode, job, settings, trace, control, workload, task, python).run();
    }

    private static ModeResult failed(Mode mode, ModeTrace trace, String why) {
        long now = System.nanoTime();
        trace.start(now);
        trace.finish(now);
        return new ModeResult(mode, 0, 0, null, why, LockStatistics.of(trace.snapshot(), LockCounters.NONE), false, trace, null);
    }

    /** The harness script, written once per JVM to a temporary file the interpreter can open. */
    private static Path harness;

    private static synchronized Path harness() throws IOException {
        if (harness != null && Files.isReadable(harness)) return harness;
        try (InputStream in = CPythonModeExecutor.class.getResourceAsStream("harness.py")) {
            if (in == null) throw new IOException("harness.py is missing from gilscope's classes");
            Path file = Files.createTempFile("gilscope-harness-", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            harness = file;
            return file;
        }
    }

    /** One run of the program: the process, its messages, and the lanes inferred from the samples. */
    private static final class Run {
        private static final Object END = new Object();

        private final Mode mode;
        private final Job job;
        private final RunSettings settings;
        private final ModeTrace trace;
        private final RunControl control;
        private final Workload workload;
        private final PythonTask task;
        private final PythonInterpreter python;
        private final CPythonSettings.Style style;
        private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final StringBuilder errorText = new StringBuilder();
        private Thread errorReader;
        /** Read by the cancel hook (another thread) to end worker processes: safe to iterate while added to. */
        private final List<Worker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<Long, Worker> byTid = new HashMap<>();
        private final ThreadSampler sampler = new ThreadSampler();
        private final long startedNanos = System.nanoTime();
        private long readyNanos;
        private long doneNanos;
        private List<?> results;
        private Object shared;
        private List<?> companion = List.of();
        /** The GIL as the harness found it after loading the program (a free-threaded build may turn it back on). */
        private Boolean gilAtRun;
        private String failure;
        private long handoffs;
        private long samplerCpuAtReady;
        private Worker lastHolder;
        private long samples;

        Run(Mode mode, Job job, RunSettings settings, ModeTrace trace, RunControl control, Workload workload,
            PythonTask task, PythonInterpreter python) {
            this.mode = mode;
            this.job = job;
            this.settings = settings;
            this.trace = trace;
            this.control = control;
            this.workload = workload;
            this.task = task;
            this.python = python;
            this.style = settings.cpython().style();
        }

        ModeResult run() {
            Process process;
            try {
                process = start();
            } catch (IOException e) {
                return failed(mode, trace, python.path() + " could not be started: " + e.getMessage());
            }
            control.onCancel(() -> stop(process));
            samplerCpuAtReady = ThreadSampler.ownCpuNanos(); // reset when the run starts: start-up is not the run's cost
            try {
                loop(process);
            } finally {
                stop(process);
                sampler.close();
            }
            long samplerCpu = Math.max(0, ThreadSampler.ownCpuNanos() - samplerCpuAtReady);
            if (readyNanos == 0) {
                long now = System.nanoTime();
                trace.start(now);
                readyNanos = now;
            }
            if (doneNanos == 0) doneNanos = Math.max(readyNanos, System.nanoTime());
            for (Worker w : workers) w.finish(doneNanos);
            trace.finish(doneNanos);
            if (failure == null && control.isCancelled()) failure = control.cancelReason();
            if (failure == null && results == null) {
                try {
                    if (errorReader != null) errorReader.join(1_000); // its last words may still be in the pipe
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String exit = process.isAlive() ? "" : " (exit status " + process.exitValue() + ")";
                failure = python.label() + " ended without finishing" + exit + stderrTail();
            }
            Outcome outcome = failure == null ? check() : null;
            long cpu = 0;
            for (Worker w : workers) cpu += w.lane.totals().cpuNanos();
            boolean lockEnabled = behindOneLock();
            String label = gilAtRun != null && gilAtRun != python.gilEnabled()
                    ? python.label() + (gilAtRun ? ", its GIL back on once the program was loaded" : ", its GIL off for this program")
                    : python.label();
            RealPython realPython = new RealPython(label, python.path().toString(), style, SAMPLE_PERIOD_NANOS,
                    samples, samplerCpu);
            return new ModeResult(mode, doneNanos - readyNanos, cpu, outcome, failure,
                    LockStatistics.of(trace.snapshot(), new LockCounters(handoffs, handoffs, 0, 0, 0)), lockEnabled, trace,
                    null, realPython);
        }

        private Process start() throws IOException {
            List<String> command = List.of(python.path().toString(), "-u", harness().toString(), style.cliName(),
                    Integer.toString(style == CPythonSettings.Style.SEQUENTIAL ? 1 : settings.workers()),
                    Integer.toString(job.params().chunkSize()), task.function(),
                    task.sharedGlobal() == null ? "-" : task.sharedGlobal(), task.companion() == null ? "-" : task.companion(),
                    Double.toString(settings.lock().intervalNanos() / 1e9), Integer.toString(settings.lock().legacyTicks()),
                    settings.cores() == null ? "-" : settings.cores().stream().mapToObj(Integer::toString)
                            .collect(java.util.stream.Collectors.joining(",")));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            builder.environment().remove("PYTHONSTARTUP");
            // One core per native call (NumPy's BLAS would otherwise use every core from one thread): as the
            // emulation's native kernel, so threads that release the lock are what spreads work over cores.
            for (String threads : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
                builder.environment().put(threads, "1");
            }
            JsonValues.parse("{\"warm\": [1, \"up\"]}"); // loads the JSON reader now, not when the first worker reports
            Process process = IdleClass.start(settings, builder::start); // the interpreter and its pool inherit it
            Thread.ofPlatform().daemon().name("gilscope-cpython-out").start(() -> readMessages(process.getInputStream()));
            errorReader = Thread.ofPlatform().daemon().name("gilscope-cpython-err").start(() -> readErrors(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                String text = task.program(job.params()) + "\n#INPUTS\n" + task.inputs(job.params()) + "\n";
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the interpreter ended before reading its program: its error output says why
            }
            return process;
        }

        private void readMessages(InputStream out) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Object parsed;
                    try {
                        parsed = JsonValues.parse(line);
                    } catch (IOException notJson) {
                        parsed = null;
                    }
                    messages.add(parsed instanceof Map<?, ?> map ? map : Map.of("print", line)); // not ours: the program printed it
                }
            } catch (IOException ended) {
                // the process was stopped
            } finally {
                messages.add(END);
            }
        }

        private void readErrors(InputStream err) {
            try {
                byte[] chunk = new byte[4096];
                int n;
                while ((n = err.read(chunk)) > 0) {
                    synchronized (errorText) {
                        errorText.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                        if (errorText.length() > 8192) errorText.delete(0, errorText.length() - 8192);
                    }
                }
            } catch (IOException ended) {
                // the process was stopped
            }
        }

        private String stderrTail() {
            synchronized (errorText) {
                String text = errorText.toString().strip();
                if (text.isEmpty()) return "";
                String[] lines = text.split("\\R");
                return ": " + lines[lines.length - 1];
            }
        }

        /** Samples every period until the harness reports the end, the process ends, or the run is cancelled. */
        private void loop(Process process) {
            long previous = 0;
            boolean ended = false;
            while (!ended && !control.isCancelled()) {
                long now = System.nanoTime();
                Object message;
                while ((message = messages.poll()) != null) {
                    if (message == END) {
                        ended = true;
                        break;
                    }
                    try {
                        handle((Map<?, ?>) message);
                    } catch (RuntimeException malformed) { // a missing field, a text where a number belongs
                        failure = "the harness sent a line gilscope does not understand: " + message;
                    }
                }
                if (readyNanos == 0 && System.nanoTime() - startedNanos > START_TIMEOUT_NANOS && failure == null) {
                    failure = python.label() + " did not start the run within " + START_TIMEOUT_NANOS / 1_000_000_000L
                            + " s (importing the program and building its inputs)";
                }
                if (!process.isAlive() && !ended) ended = drain(); // ended without closing its output: its pool's children may hold it
                if (failure == null && samples % STOP_CHECK_SAMPLES == 0) failure = stopped(process, now);
                if (failure == null && style == CPythonSettings.Style.PROCESSES) failure = lostInPool(now);
                if (readyNanos != 0 && previous != 0) sample(previous, now);
                previous = now;
                if (doneNanos != 0 || failure != null) break;
                if (ended) break;
                LockSupport.parkNanos(Math.max(0, SAMPLE_PERIOD_NANOS - (System.nanoTime() - now)));
            }
            if (doneNanos == 0 && failure == null && !control.isCancelled()) {
                try {
                    process.waitFor(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private final StoppedProcesses stoppedProcesses = new StoppedProcesses();

        /** The interpreter or a pool worker stopped too long: it will not finish, so the run ends, naming it. */
        private String stopped(Process process, long now) {
            List<Long> pids = new ArrayList<>();
            pids.add(process.pid());
            for (Worker w : workers) if (w.pid > 0 && w.pid != process.pid()) pids.add(w.pid);
            for (long pid : pids) {
                if (stoppedProcesses.stoppedTooLong(pid, now)) {
                    return python.label() + (pid == process.pid() ? "" : ", pool worker pid " + pid) + " " + StoppedProcesses.why();
                }
            }
            return null;
        }

        /**
         * A pool worker that ended inside a task (killed, or out of memory): multiprocessing.Pool starts a
         * replacement but never gives the lost task to anyone, so its map() would wait for ever. Said after
         * {@link #LOST_GRACE_NANOS}, in case the task's end was still on its way.
         */
        private String lostInPool(long now) {
            for (Worker w : workers) {
                if (w.lostTask >= 0 && now - w.lostNoticedNanos >= LOST_GRACE_NANOS && doneNanos == 0) {
                    return python.label() + ", pool worker pid " + w.pid + " (" + w.lane.name() + "), ended in the middle of task "
                            + w.lostTask + "; multiprocessing.Pool never gives a lost task to another worker and would wait for ever, so the run was ended";
                }
            }
            return null;
        }

        /** The messages still on their way after the interpreter ended, for up to half a second. */
        private boolean drain() {
            long until = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < until && doneNanos == 0 && failure == null) {
                Object message;
                try {
                    message = messages.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                if (message == END) return true;
                if (message instanceof Map<?, ?> m) {
                    try {
                        handle(m);
                    } catch (RuntimeException malformed) {
                        failure = "the harness sent a line gilscope does not understand: " + m;
                    }
                }
            }
            return true;
        }

        /** Threads of one interpreter with its GIL: the only style with a lock to infer. */
        private boolean behindOneLock() {
            return gilEnabled() && style == CPythonSettings.Style.THREADS;
        }

        /** Whether the interpreter runs with its GIL: as it said once the program was loaded, else as it said when asked. */
        private boolean gilEnabled() {
            return gilAtRun != null ? gilAtRun : python.gilEnabled();
        }

        private void handle(Map<?, ?> message) {
            if (message.get("lock") instanceof Map<?, ?> lock && lock.get("gil") instanceof Boolean gil) {
                gilAtRun = gil;
            } else if (message.get("ready") instanceof Number t) {
                readyNanos = t.longValue();
                samplerCpuAtReady = ThreadSampler.ownCpuNanos();
                trace.start(readyNanos);
                int count = style == CPythonSettings.Style.SEQUENTIAL ? 1 : settings.workers();
                String prefix = style == CPythonSettings.Style.PROCESSES ? "P" : "T";
                for (int w = 0; w < count; w++) workers.add(new Worker(trace.addLane(prefix + (w + 1)), readyNanos));
                // The companion announces itself as the worker after the last (the harness numbers it so).
                if (task.companion() != null) workers.add(new Worker(trace.addLane("IO"), readyNanos));
            } else if (message.get("worker") instanceof Map<?, ?> m) {
                int number = ((Number) m.get("worker")).intValue();
                if (style == CPythonSettings.Style.SEQUENTIAL && number > 0 && task.companion() != null) number = workers.size() - 1;
                if (number < 0 || number >= workers.size()) return;
                Worker w = workers.get(number);
                w.bind(((Number) m.get("pid")).longValue(), ((Number) m.get("tid")).longValue(), at(m));
                if (task.companion() != null && number == workers.size() - 1) w.task = Long.MAX_VALUE; // the probe has no tasks: busy all along
                byTid.put(w.tid, w);
            } else if (message.get("start") instanceof Map<?, ?> m) {
                Worker w = byTid.get(((Number) m.get("tid")).longValue());
                if (w != null) w.taskStarted(((Number) m.get("task")).longValue(), at(m));
            } else if (message.get("end") instanceof Map<?, ?> m) {
                Worker w = byTid.get(((Number) m.get("tid")).longValue());
                if (w != null) w.taskEnded(((Number) m.get("task")).longValue(), at(m));
            } else if (message.get("done") instanceof Map<?, ?> m) {
                doneNanos = at(m);
                results = (List<?>) m.get("results");
                shared = m.get("shared");
                if (m.get("companion") instanceof List<?> late) companion = late;
            } else if (message.get("error") instanceof String text) {
                String[] lines = text.strip().split("\\R");
                failure = python.label() + " stopped with an error: " + lines[lines.length - 1];
            }
        }

        private long at(Map<?, ?> m) {
            return Math.max(readyNanos, ((Number) m.get("t")).longValue());
        }

        /** One period, [{@code from}, {@code to}]: who ran, who held the lock, who waited. */
        private void sample(long from, long to) {
            samples++;
            long period = Math.max(1, to - from);
            Worker holder = null;
            for (Worker w : workers) {
                w.read(sampler, period);
                if (w.ran && (holder == null || w.gained > holder.gained)) holder = w;
            }
            boolean gil = behindOneLock();
            if (gil && holder == null && lastHolder != null && lastHolder.runnable && !lastHolder.gone) {
                holder = lastHolder; // nobody ran: the holder was kept off its core by another program, and still holds
            }
            for (Worker w : workers) {
                if (w.tid < 0) continue; // still starting: it stays in SPAWNING
                w.enter(gil ? behindTheLock(w, holder) : onItsOwn(w), from);
            }
            if (gil && holder != null) {
                if (lastHolder != null && lastHolder != holder) {
                    holder.mark(from, EventKind.HANDOFF, lastHolder.lane.index(), -1);
                    handoffs++;
                }
                lastHolder = holder;
            }
        }

        /**
         * Threads behind a GIL: the one that ran most holds it. Another one inside a task (or the companion)
         * that sleeps on a futex waits for it; one that sleeps anywhere else (a sleep, a socket, a pipe)
         * is in I/O. Where the kernel does not say where a thread sleeps, one in a task waits for the lock
         * while another holds it. A runnable thread that is not the holder wants the lock. The holder is
         * computing even if its task's start has not arrived yet: the kernel saw it run.
         */
        private static LaneState behindTheLock(Worker w, Worker holder) {
            if (w == holder) return LaneState.RUNNING_WITH_LOCK;
            if (w.gone) return LaneState.IDLE;
            // A harness worker only ever waits for the lock or for its work: asleep on a futex is the lock,
            // even before the line that says its task started has arrived.
            if (w.sleepKnown && !w.runnable && w.onFutex) return LaneState.WAITING_FOR_LOCK;
            if (w.task < 0 && !w.ran) return LaneState.IDLE;
            if (w.sleepKnown && !w.runnable) return LaneState.IO_WAIT;
            if (holder != null || w.runnable) return LaneState.WAITING_FOR_LOCK; // wants to run, and has not got the lock
            return LaneState.IO_WAIT; // inside a task, asleep, and nobody computes: blocked outside the lock (sleep, I/O)
        }

        /** A process, a lone thread, or a thread of a free-threaded build: nothing to wait for but the CPU. */
        private LaneState onItsOwn(Worker w) {
            if (w.ran) return gilEnabled() ? LaneState.RUNNING_WITH_LOCK : LaneState.RUNNING_WITHOUT_LOCK;
            if (w.runnable && w.state.isCompute()) return w.state; // the scheduler gave its core to another program for now
            return w.task < 0 ? LaneState.IDLE : LaneState.IO_WAIT;
        }

        private Outcome check() {
            Object[] converted = new Object[results.size()];
            try {
                for (int i = 0; i < converted.length; i++) converted[i] = task.results().fromJson(results.get(i));
                return workload.checkPython(job.params(), converted, shared, companion);
            } catch (RuntimeException e) {
                return Outcome.checked(false, "no answer", "checking the answer failed: " + ThreadModeExecutor.describe(e));
            }
        }

        /** Ends the interpreter and its pool, including workers whose parent died first (they no longer descend from it). */
        private void stop(Process process) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            for (Worker w : workers) {
                if (w.pid > 0 && w.pid != process.pid()) ProcessHandle.of(w.pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** One worker thread or process of the interpreter, and what its lane shows so far. */
    private static final class Worker {
        final Lane lane;
        long pid = -1;
        long tid = -1;
        LaneState state = LaneState.SPAWNING;
        long since;
        int core = -1;
        int seenCore = -1;
        long lastEventNanos;
        long task = -1;
        long cpu = -1;
        long gained;
        boolean ran;
        /** The kernel lists it as running or ready to run (not asleep), whether or not it got a core. */
        boolean runnable;
        /** Asleep on a futex (a lock or condition: the GIL's wait), as the kernel reported. */
        boolean onFutex;
        /** The kernel said where it sleeps; false where it hides it, and the lock must be guessed. */
        boolean sleepKnown;
        /** Its thread or process has ended. */
        boolean gone;
        /** The task it was inside when it was seen gone, or -1; cleared if that task's end arrives after all. */
        long lostTask = -1;
        long lostNoticedNanos;

        Worker(Lane lane, long start) {
            this.lane = lane;
            this.since = start;
            this.lastEventNanos = start;
            mark(start, EventKind.STATE, LaneState.SPAWNING.ordinal(), 0);
        }

        void bind(long pid, long tid, long at) {
            this.pid = pid;
            this.tid = tid;
            lane.totals().setNativeThreadId(tid);
            enter(LaneState.IDLE, at);
        }

        void read(ThreadSampler sampler, long period) {
            ran = false;
            gained = 0;
            if (tid < 0) return;
            ThreadSampler.Sample s = sampler.sample(pid, tid);
            if (s == null) { // the thread or process has ended: it runs and waits for nothing any more
                if (!gone && task >= 0 && task != Long.MAX_VALUE) {
                    lostTask = task;
                    lostNoticedNanos = System.nanoTime();
                }
                gone = true;
                runnable = false;
                sleepKnown = false;
                onFutex = false;
                task = -1;
                return;
            }
            if (cpu >= 0) gained = s.cpuNanos() - cpu;
            cpu = s.cpuNanos();
            lane.totals().addCpuNanos(Math.max(0, gained));
            ran = gained >= RAN_SHARE * period;
            if (ran) seenCore = s.core();
            runnable = s.state() == 'R';
            onFutex = s.waitingOnLock();
            sleepKnown = s.sleepKnown();
        }

        /** The lane is in {@code next} from {@code at} on (on the core it was last seen running on). */
        void enter(LaneState next, long at) {
            long t = Math.max(at, lastEventNanos);
            if (next == state) {
                if (next.usesCpu() && seenCore != core) {
                    core = seenCore;
                    mark(t, EventKind.CORE, 0, 0);
                }
                return;
            }
            lane.totals().addStateNanos(state, t - since);
            state = next;
            since = t;
            core = seenCore;
            mark(t, EventKind.STATE, next.ordinal(), 0);
        }

        /** Records an event on this lane at {@code at}, or just after its last one: a lane's events stay in time order. */
        void mark(long at, EventKind kind, int aux, long arg) {
            long t = Math.max(at, lastEventNanos);
            lastEventNanos = t;
            lane.buffer().add(t, kind, state.usesCpu() ? core : -1, aux, arg);
        }

        void taskStarted(long index, long at) {
            task = index;
            mark(at, EventKind.TASK_START, 0, index);
        }

        void taskEnded(long index, long at) {
            task = -1;
            lostTask = -1; // its end was still on its way when the sampler saw it gone
            mark(at, EventKind.TASK_END, 0, index);
            lane.totals().taskDone();
        }

        void finish(long end) {
            enter(LaneState.IDLE, end);
            lane.totals().addStateNanos(state, Math.max(0, end - since));
            since = end;
        }
    }
}
