package dev.gilscope.ui;

import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunSettings;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Note;
import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.sampling.CpuProbe;
import dev.gilscope.trace.export.ChromeTraceWriter;
import dev.gilscope.trace.export.CsvWriter;
import dev.gilscope.trace.export.RunInfo;
import dev.gilscope.trace.export.SavedRun;
import dev.gilscope.trace.export.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The board's state without a window: one {@link ModeRow} per mode, the run in progress and the line
 * of status under the controls. A comparison runs on its own thread; what it reports reaches the rows
 * through {@code uiThread} (the JavaFX thread in the app), once per mode, never per event.
 */
public final class BoardModel {

    private final Executor uiThread;
    private final Map<Mode, ModeRow> rows = new EnumMap<>(Mode.class);
    private final List<Runnable> listeners = new ArrayList<>();
    private RunRequest.Checked lastRequest;
    private ComparisonResult lastResult;
    private SavedRun opened;
    private RunControl control;
    private Thread runner;
    private String status = "Pick a workload and press Run.";
    private volatile boolean running;
    private boolean lastRunCancelled;
    private final List<Note> notes = new ArrayList<>();
    private long notesVersion;
    /** The notes' version when they were last saved, or came with the run: later versions are not saved. */
    private long savedNotesVersion;

    /**
     * Nice value of the workers of a run started from the window: the kernel runs them at a lower priority
     * than the window, so 16 busy workers on 2 cores cannot starve it of the few milliseconds a frame
     * needs. The lowest there is: at nice 10, eight workers on a core still weigh as much as the window's
     * thread and it waited on the run queue half the time it wanted to draw. All workers get the same
     * value, so their shares against each other do not change. At 19 they also go into the kernel's idle
     * scheduling class, so the window's threads take a core from them the moment they wake.
     */
    public static final int WORKER_NICE = RunSettings.LOWEST_NICE;
    /**
     * From how many workers the thread modes run in a JVM of their own. With 64 busy worker threads in
     * the window's JVM its frames stalled for 100–400 ms (the load bench); with 16 they did not (28–45 ms
     * at worst), and there the JVM of their own cost more than it saved: about half a second of start-up
     * and JIT warm-up each run, and 42–62 ms gaps instead (the drawing bench, runs taken turn about).
     */
    public static final int OWN_JVM_FROM_WORKERS = 17;

    public BoardModel(Executor uiThread) {
        this.uiThread = uiThread;
        for (Mode mode : Mode.values()) rows.put(mode, new ModeRow(mode));
    }

    public ModeRow row(Mode mode) {
        return rows.get(mode);
    }

    public List<ModeRow> rows() {
        return List.copyOf(rows.values());
    }

    public boolean running() {
        return running;
    }

    public String status() {
        return status;
    }

    public Optional<RunRequest.Checked> lastRequest() {
        return Optional.ofNullable(lastRequest);
    }

    public Optional<ComparisonResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /** Whether the last run was cancelled before it finished (its result holds only what ran). */
    public boolean lastRunCancelled() {
        return lastRunCancelled;
    }

    /** Called on the UI thread whenever the status or a row's status changes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Starts a comparison of the request's modes. Rows of other modes keep what they show if they were
     * run with the same request (Run one), and are cleared otherwise, so a row never sits next to
     * figures from different settings.
     */
    public void run(RunRequest.Checked request) {
        if (running) throw new IllegalStateException("a run is already going; cancel it first");
        boolean sameSettings = lastRequest != null && sameSetUp(lastRequest, request);
        for (ModeRow row : rows.values()) {
            if (request.modes().contains(row.mode())) {
                row.queue();
                // Every row takes its final height now, once, rather than the board reflowing as each mode starts.
                row.expectLanes(expectedLanes(row.mode(), request));
            } else if (!sameSettings) {
                row.clear();
            }
        }
        lastRequest = request;
        lastResult = null;
        opened = null;
        setNotes(List.of());
        running = true;
        lastRunCancelled = false;
        RunControl runControl = new RunControl();
        control = runControl;
        setStatus("Warming up the JIT (" + Comparison.WARM_UP_MILLIS_PER_MODE + " ms per mode, untimed) …");
        RunRequest.Checked polite = new RunRequest.Checked(request.workload(), request.params(),
                request.settings().withWorkerNice(WORKER_NICE)
                        .withThreadsInOwnJvm(request.settings().workers() >= OWN_JVM_FROM_WORKERS), request.modes());
        runner = Thread.ofPlatform().name("gilscope-board-run").daemon().start(() -> runInBackground(polite, runControl));
    }

    private void runInBackground(RunRequest.Checked request, RunControl runControl) {
        JitPriority.lowerCompilerThreads(); // the window keeps drawing while the run's code is compiled
        Comparison.Listener listener = new Comparison.Listener() {
            @Override
            public void modeStarted(Mode mode, ModeTrace trace) {
                uiThread.execute(() -> {
                    rows.get(mode).start(trace, request.params().tasks());
                    setStatus("Running " + mode.cliName() + " …");
                });
            }

            @Override
            public void modeFinished(ModeResult result) {
                boolean cancelled = runControl.isCancelled();
                uiThread.execute(() -> {
                    rows.get(result.mode()).finish(result, cancelled);
                    changed();
                });
            }
        };
        try {
            ComparisonResult result = Comparison.run(request.workload(), request.params(), request.settings(),
                    request.modes(), listener, runControl);
            uiThread.execute(() -> finished(result, runControl));
        } catch (RuntimeException | Error e) {
            uiThread.execute(() -> failed(e));
        }
    }

    private void finished(ComparisonResult result, RunControl runControl) {
        running = false;
        lastResult = result;
        for (ModeRow row : rows.values()) row.markCancelled();
        lastRunCancelled = runControl.isCancelled();
        if (runControl.isCancelled()) {
            setStatus("Cancelled. Rows keep what was recorded up to then.");
            return;
        }
        long failed = result.modes().stream().filter(m -> !m.resultOk()).count();
        setStatus(failed == 0 ? "Done: " + summary(result)
                : failed + " mode(s) failed; hover the row for what went wrong. " + summary(result));
    }

    private void failed(Throwable e) {
        running = false;
        for (ModeRow row : rows.values()) row.markFailed();
        setStatus("The run stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** Stops the run: threads and worker processes end within a second; what was recorded stays. */
    public void cancel() {
        RunControl c = control;
        if (running && c != null) {
            c.cancel("cancelled from the window");
            setStatus("Cancelling …");
        }
    }

    /** Waits for the run's thread to end (tests, closing the window). */
    public boolean awaitIdle(long millis) throws InterruptedException {
        Thread t = runner;
        if (t == null) return true;
        t.join(millis);
        return !t.isAlive();
    }

    /** Shows a finished comparison (a saved run, or one made for a picture) in place of the rows. */
    public void show(ComparisonResult result) {
        show(result, List.of());
    }

    /** The same with notes pinned to the run (a video of the window's run films them too). */
    public void show(ComparisonResult result, List<Note> pinned) {
        for (ModeRow row : rows.values()) row.clear();
        for (ModeResult mode : result.modes()) rows.get(mode.mode()).show(mode);
        lastResult = result;
        opened = null;
        setNotes(pinned);
        setStatus("Showing " + result.workload().name() + ": " + summary(result));
    }

    /**
     * Writes what the board shows as a gilscope trace file (Chrome Trace Event JSON, which Perfetto opens
     * too): the last run, or the run that was opened.
     */
    public void save(Path file) throws IOException {
        if (running) throw new IllegalStateException("a run is going; save it when it has finished");
        List<ModeTrace> traces = shownTraces("save");
        RunInfo info = lastResult != null
                ? ResultFigures.runInfo(lastResult, CpuProbe.get().allowedCores().cardinality()) : opened.info();
        ChromeTraceWriter.write(file, info.withNotes(notes), traces);
        savedNotesVersion = notesVersion;
        setStatus("Saved to " + file + (notes.isEmpty() ? "" : " with " + count(notes.size(), "note")));
    }

    /** Writes every segment and instant of what the board shows as CSV. */
    public void exportCsv(Path file) throws IOException {
        CsvWriter.write(file, shownTraces("export"));
        setStatus("Exported CSV to " + file);
    }

    /** The traces of the run on the board: the last one made here, or the one opened. */
    private List<ModeTrace> shownTraces(String verb) {
        if (lastResult != null) return lastResult.modes().stream().map(ModeResult::trace).toList();
        if (opened != null) return opened.modes();
        throw new IllegalStateException("there is nothing to " + verb + " yet: run a comparison first");
    }

    /** Shows a saved run in place of the rows. A file that cannot be opened throws and changes nothing on the board. */
    public void open(Path file) throws IOException {
        if (running) throw new IllegalStateException("a run is going; open the file when it has finished or been cancelled");
        show(TraceReader.read(file));
        setStatus("Opened " + file.getFileName() + ": " + opened.info().workload() + " " + opened.info().parameters()
                + (notes.isEmpty() ? "" : " · " + count(notes.size(), "note")));
    }

    /** Shows a run read back from a file, with its notes, in place of the rows. */
    public void show(SavedRun run) {
        for (ModeRow row : rows.values()) row.clear();
        for (ModeTrace trace : run.modes()) {
            Mode.byName(trace.mode()).ifPresent(mode -> rows.get(mode).showSaved(trace, run.info().summary(trace.mode())));
        }
        opened = run;
        lastResult = null;
        lastRequest = null;
        setNotes(run.info().notes());
        setStatus("Showing the saved run of " + run.info().workload());
    }

    /** The saved run the board shows, if it shows one. */
    public Optional<SavedRun> opened() {
        return Optional.ofNullable(opened);
    }

    // ---- the presenter's notes ------------------------------------------------------------------

    /** The notes pinned to the run on the board, in time order. */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    /** Changes whenever a note is pinned or removed, or the board shows another run. */
    public long notesVersion() {
        return notesVersion;
    }

    /** Whether notes were pinned or removed since the run was last saved: they go if another run replaces it. */
    public boolean notesUnsaved() {
        return notesVersion != savedNotesVersion;
    }

    /** Pins a note to the run on the board; it is saved with the run. */
    public void pin(Note note) {
        if (running) throw new IllegalStateException("a run is going; pin notes to it once it has finished");
        if (lastResult == null && opened == null) throw new IllegalStateException("there is no run to pin a note to yet");
        if (notes.size() >= Note.MAX_NOTES) throw new IllegalStateException("a run keeps at most " + Note.MAX_NOTES + " notes");
        notes.add(note);
        notes.sort(Comparator.comparingLong(Note::atNanos));
        notesChanged();
        setStatus("Pinned a note at " + Durations.moment(note.atNanos()) + ". Save the run to keep it (File → Save run).");
    }

    public void unpin(Note note) {
        if (notes.remove(note)) {
            notesChanged();
            setStatus("Removed the note at " + Durations.moment(note.atNanos()) + ".");
        }
    }

    private void setNotes(List<Note> pinned) {
        notes.clear();
        notes.addAll(pinned);
        notes.sort(Comparator.comparingLong(Note::atNanos));
        notesVersion++;
        savedNotesVersion = notesVersion;
    }

    private void notesChanged() {
        notesVersion++;
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    /** Sequential wall time divided by this mode's, when both finished with a right answer. */
    public Optional<Double> speedup(Mode mode) {
        if (!mode.emulated()) return Optional.empty(); // a real interpreter runs at its own speed, not the emulation's
        ModeRow sequential = rows.get(Mode.SEQUENTIAL);
        ModeRow row = rows.get(mode);
        if (sequential.status() != ModeRow.Status.DONE || row.status() != ModeRow.Status.DONE) return Optional.empty();
        if (sequential.result() != null && row.result() != null) {
            return Optional.of((double) sequential.result().wallNanos() / row.result().wallNanos());
        }
        // A saved run: the speed-up saved with it.
        return row.savedFigures() != null && row.savedFigures().get("speedup") instanceof Number n
                ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private String summary(ComparisonResult result) {
        StringBuilder text = new StringBuilder(result.workload().name());
        for (ModeResult m : result.modes()) {
            text.append(String.format(Locale.ROOT, " · %s %.2f s", m.mode().cliName(), m.wallSeconds()));
            speedup(m.mode()).ifPresent(s -> text.append(String.format(Locale.ROOT, " (%.2f×)", s)));
        }
        return text.toString();
    }

    /** Writing a file off the UI thread; what it tells {@code progress} goes to the status line. */
    public interface FileWork {
        void write(java.util.function.Consumer<String> progress) throws IOException;
    }

    /**
     * Writes a file that takes a while (a video, a report) on a thread of its own, so the window stays
     * usable. The status line says {@code writing} first, then the work's progress; once written,
     * {@code done} runs on the UI thread (and says so); a failure is said as {@code failed}: the message.
     */
    public void writeInBackground(String threadName, String writing, FileWork work, Runnable done, String failed) {
        say(writing);
        Thread.ofPlatform().name(threadName).daemon().start(() -> {
            try {
                work.write(text -> uiThread.execute(() -> say(text)));
                uiThread.execute(done);
            } catch (IOException | RuntimeException e) {
                uiThread.execute(() -> say(failed + ": " + e.getMessage()));
            }
        });
    }

    /** Puts a message in the status line (a problem with a file, a picture written…). */
    public void say(String text) {
        setStatus(text);
    }

    private void setStatus(String text) {
        status = text;
        changed();
    }

    private void changed() {
        for (Runnable listener : listeners) listener.run();
    }

    /** Workers, and for processes the parent's lane that hands out the tasks. */
    private static int expectedLanes(Mode mode, RunRequest.Checked request) {
        return mode == Mode.SEQUENTIAL ? 1 : request.settings().workers() + (mode == Mode.PROCESSES ? 1 : 0);
    }

    private static boolean sameSetUp(RunRequest.Checked a, RunRequest.Checked b) {
        return a.workload().name().equals(b.workload().name()) && a.params().equals(b.params())
                && a.settings().equals(b.settings());
    }
}
