package dev.gilscope.ui;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneTimeIndex;
import dev.gilscope.trace.ModeTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * One mode's row of the board, without drawing: its status, its live or finished trace and an index
 * per lane. The view calls {@link #refresh()} once per frame; the runtime never calls in here per event.
 * Used on one thread (the UI thread).
 */
public final class ModeRow {

    public enum Status {
        NOT_RUN("not run"), QUEUED("queued"), RUNNING("running"), DONE("done"), FAILED("failed"),
        CANCELLED("cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Mode mode;
    private Status status = Status.NOT_RUN;
    private ModeTrace trace;
    private ModeResult result;
    /** The figures of a run read back from a file (no {@link ModeResult} then), or null. */
    private java.util.Map<String, Object> savedFigures;
    private ModeTrace.Snapshot snapshot;
    private final List<LaneTimeIndex> indices = new ArrayList<>();
    private int totalTasks;
    private int expectedLanes;
    private long windowCpuAtStart = -1;
    private long windowCpuNanos = -1;
    private long version;

    public ModeRow(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    public Status status() {
        return status;
    }

    public ModeResult result() {
        return result;
    }

    public ModeTrace trace() {
        return trace;
    }

    /** Changes whenever there is something new to draw. */
    public long version() {
        return version;
    }

    public void queue() {
        clear();
        status = Status.QUEUED;
        version++;
    }

    public void clear() {
        status = Status.NOT_RUN;
        trace = null;
        result = null;
        savedFigures = null;
        snapshot = null;
        indices.clear();
        version++;
    }

    /**
     * How many lanes the mode will have, known when it starts: the chart takes its final height at once
     * instead of growing lane by lane while the workers start.
     */
    public void expectLanes(int lanes) {
        expectedLanes = lanes;
    }

    /** Lanes to make room for: those recorded so far, or more if more are expected. */
    public int lanesToShow() {
        return Math.max(laneCount(), status == Status.RUNNING || status == Status.QUEUED ? expectedLanes : 0);
    }

    /** The mode began: from now on its trace is drawn live. */
    public void start(ModeTrace liveTrace, int tasks) {
        windowCpuAtStart = WindowCpu.nanos();
        windowCpuNanos = -1;
        trace = liveTrace;
        totalTasks = tasks;
        result = null;
        snapshot = null;
        indices.clear();
        status = Status.RUNNING;
        version++;
    }

    /** The mode ended; {@code cancelled} when the user stopped it (its failure then only says so). */
    public void finish(ModeResult finished, boolean cancelled) {
        if (trace == null) start(finished.trace(), 0);
        result = finished;
        long now = WindowCpu.nanos();
        if (windowCpuAtStart >= 0 && now >= 0) windowCpuNanos = now - windowCpuAtStart;
        status = finished.resultOk() ? Status.DONE : cancelled ? Status.CANCELLED : Status.FAILED;
        refresh();
        version++;
    }

    /** Shows a run read back from a file or made elsewhere, already finished. */
    public void show(ModeResult finished) {
        clear();
        finish(finished, false);
        windowCpuNanos = -1; // not run in this window
    }

    /** Shows a mode of a saved run: its trace and the figures saved with it. */
    public void showSaved(ModeTrace saved, java.util.Map<String, Object> figures) {
        clear();
        trace = saved;
        savedFigures = figures;
        status = Boolean.TRUE.equals(figures.get("resultOk")) ? Status.DONE : Status.FAILED;
        refresh();
        version++;
    }

    /**
     * CPU time the window's threads used while this mode ran (drawing it and the rest of the board),
     * taken from the workers being timed; -1 when unknown or not run in this window.
     */
    public long windowCpuNanos() {
        return windowCpuNanos;
    }

    public java.util.Map<String, Object> savedFigures() {
        return savedFigures;
    }

    public void markCancelled() {
        endUnfinished(Status.CANCELLED);
    }

    /** The run stopped with an error: a mode still running failed, with what it recorded kept. */
    public void markFailed() {
        endUnfinished(Status.FAILED);
    }

    private void endUnfinished(Status how) {
        if (status == Status.QUEUED && how == Status.FAILED) how = Status.CANCELLED; // it never began
        if (status == Status.QUEUED || status == Status.RUNNING) {
            if (status == Status.RUNNING) refresh(); // the last events since the last frame
            status = how;
            version++;
        }
    }

    public boolean live() {
        return status == Status.RUNNING && trace != null;
    }

    /** Takes a fresh snapshot and indexes what was recorded since the last one. */
    public void refresh() {
        if (trace == null || trace.startNanos() == 0) return;
        snapshot = trace.snapshot();
        List<Lane> lanes = snapshot.lanes();
        while (indices.size() < lanes.size()) indices.add(new LaneTimeIndex(lanes.get(indices.size()).buffer()));
        for (int i = 0; i < lanes.size(); i++) indices.get(i).extendTo(snapshot.eventCount(i));
        version++;
    }

    public ModeTrace.Snapshot snapshot() {
        return snapshot;
    }

    public List<LaneTimeIndex> indices() {
        return indices;
    }

    public int laneCount() {
        return snapshot == null ? 0 : snapshot.lanes().size();
    }

    public Lane lane(int index) {
        return snapshot.lanes().get(index);
    }

    /** The moment this mode's time axis starts at (its timed run began). */
    public long originNanos() {
        return trace == null ? 0 : trace.startNanos();
    }

    /** How far this mode has got: its wall time when done, the time since it started while live. */
    public long durationNanos() {
        if (result != null) return result.wallNanos();
        if (snapshot == null) return 0;
        if (savedFigures != null && savedFigures.get("wallSeconds") instanceof Number wall) {
            return Math.round(wall.doubleValue() * 1e9);
        }
        return Math.max(0, snapshot.untilNanos() - originNanos());
    }

    /** Where lane {@code index}'s recording ends, in absolute nanoseconds: the end of the run, now, or where it ran out of room. */
    public long laneEndNanos(int index) {
        return Math.min(snapshot.untilNanos(), lane(index).buffer().recordedUntilNanos());
    }

    /** Share of the tasks finished so far, 0..1; unknown (-1) when the number of tasks is not known. */
    public double progress() {
        if (status == Status.DONE) return 1;
        if (totalTasks <= 0 || snapshot == null) return -1;
        long done = 0;
        for (LaneTimeIndex index : indices) done += index.count(EventKind.TASK_END);
        return Math.min(1, (double) done / totalTasks);
    }

    /** The highest core any lane was seen on, plus one. */
    public int coresSeen() {
        int cores = 0;
        for (LaneTimeIndex index : indices) cores = Math.max(cores, index.coresSeen());
        return cores;
    }
}
