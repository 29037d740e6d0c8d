package dev.gilscope.trace.export;

import static dev.gilscope.trace.export.TraceFormat.CORE;
import static dev.gilscope.trace.export.TraceFormat.CORES_PID_OFFSET;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTotals;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Note;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Saves runs as Chrome Trace Event JSON: the file opens in Perfetto (ui.perfetto.dev) and
 * chrome://tracing, and {@link TraceReader} opens it again in gilscope.
 *
 * <pre>
 * {"otherData": {"gilscope": {formatVersion 1, workload, parameters, cores,
 *                             modes: [{name, pid, startNanos, endNanos,
 *                                      lanes: [{name, index, kind, pid, tid, totals, events}], summary}],
 *                             notes: [{atNanos, mode, text}]}},
 *  "displayTimeUnit": "ms",
 *  "traceEvents": [                                  one event per line, streamed
 *    M process_name / process_sort_index / thread_name / thread_sort_index
 *    X  state slices, back to back                   name = state label, cat = LaneState, args {core}
 *    i  instants, s:"t"                              cat = EventKind, args by kind (see below)
 *    X  "CPU cores" process per mode                 name = lane (" (serializing)" …), cat "state", args {state}
 *    i  notes, s:"g", pid 1000                       name = the note's text, cat "note", args {mode}
 *  ]}
 * </pre>
 *
 * <p>Processes and threads, as Perfetto shows them (all pids and tids are small positive integers,
 * none of them an operating-system id):
 * <pre>
 * row                        pid                            tid              process_name / thread_name
 * mode m (0, 1, …)           m + 1                          –                "gil-threads"
 *   its THREAD lanes         the mode's pid                 lane index + 1   – / "T1", "I/O", "main"
 * its PROCESS lanes          mode pid × 10000 + lane tid    lane index + 1   "processes · P2 (pid 12345)" / "P2"
 * its "CPU cores"            1000 + mode pid                core + 1         "gil-threads · CPU cores" / "core 3"
 * </pre>
 * A PROCESS lane (a worker process of its own) is a process of its own with its one worker thread;
 * "(pid N)" is the operating-system pid from the lane's totals, left out when unknown. Processes are
 * sorted (process_sort_index, counting up through the file) mode by mode: the mode, right under it its
 * PROCESS lanes in lane order, then its "CPU cores", whose rows cover every lane of the mode, threads
 * and processes alike. The header lists each lane's {@code kind} (THREAD or PROCESS) and the
 * {@code pid} and {@code tid} its events carry; {@link TraceReader} takes a lane without a kind (files
 * saved before lanes had one) as a THREAD.
 *
 * <p>Times: {@code ts} and {@code dur} are microseconds from the mode's own {@code startNanos}, written
 * as exact decimals (three places at most), so every mode starts at 0 on one shared axis and no
 * nanosecond is lost. {@code otherData} comes first so the reader can build the lanes before it meets
 * their events.
 *
 * <p>A lane's events are written in the order they were recorded: each STATE event as its slice, every
 * other event as a thread instant, CORE events included (cat "CORE", name "core N"), since the per-core
 * view alone cannot say where a lane was while it slept. Instants' args: drop request {holder,
 * holderIndex, waitStartedUs}; hand-off {from, fromIndex, latencyUs (absent when unknown)}; task
 * start/end {task}; lost update {count}; every event {core} unless the core is unknown.
 *
 * <p>Memory: the events are streamed straight from the recorded buffers, with one cursor per lane
 * and one pending slice per core for the "CPU cores" rows, so the heap used does not grow with the
 * number of events.
 */
public final class ChromeTraceWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    // Encoded once: the keys and values written for every event.
    private static final SerializedString PH = new SerializedString("ph");
    private static final SerializedString PID = new SerializedString("pid");
    private static final SerializedString TID = new SerializedString("tid");
    private static final SerializedString TS = new SerializedString("ts");
    private static final SerializedString DUR = new SerializedString("dur");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString CAT = new SerializedString("cat");
    private static final SerializedString ARGS = new SerializedString("args");
    private static final SerializedString SCOPE = new SerializedString("s");
    private static final SerializedString COMPLETE = new SerializedString("X");
    private static final SerializedString INSTANT = new SerializedString("i");
    private static final SerializedString THREAD = new SerializedString("t");

    private ChromeTraceWriter() {}

    /** Writes {@code modes}, in the order they ran, to {@code file}; replaces it only once complete. */
    public static void write(Path file, RunInfo info, List<ModeTrace> modes) throws IOException {
        AtomicFile.write(file, out -> write(out, info, modes));
    }

    /** Writes to {@code out} as UTF-8 and flushes it; the stream is left open. */
    public static void write(OutputStream out, RunInfo info, List<ModeTrace> modes) throws IOException {
        Objects.requireNonNull(info, "info");
        // One snapshot per mode, taken first: the header's event counts and the events then agree even
        // for a mode that is still running.
        List<ModeTrace.Snapshot> snapshots = modes.stream().map(ModeTrace::snapshot).toList();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new OneValuePerLine());
            json.writeStartObject();
            json.writeObjectFieldStart("otherData");
            json.writeFieldName("gilscope");
            writeHeader(json, info, snapshots);
            json.writeEndObject();
            json.writeStringField("displayTimeUnit", "ms");
            json.writeArrayFieldStart("traceEvents");
            int sortIndex = 0;
            for (int m = 0; m < snapshots.size(); m++) {
                sortIndex = new ModeWriter(json, m, snapshots.get(m)).write(sortIndex);
            }
            writeNotes(json, info.notes(), sortIndex);
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    private static void writeHeader(JsonGenerator json, RunInfo info, List<ModeTrace.Snapshot> snapshots)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("formatVersion", TraceFormat.VERSION);
        json.writeStringField("workload", info.workload());
        json.writeFieldName("parameters");
        JsonValues.write(json, info.parameters());
        json.writeNumberField("cores", info.cores());
        json.writeArrayFieldStart("modes");
        for (int m = 0; m < snapshots.size(); m++) {
            ModeTrace.Snapshot s = snapshots.get(m);
            ModeTrace trace = s.trace();
            json.writeStartObject();
            json.writeStringField("name", trace.mode());
            json.writeNumberField("pid", TraceFormat.pid(m));
            json.writeNumberField("startNanos", trace.startNanos());
            json.writeNumberField("endNanos", s.untilNanos());
            json.writeBooleanField("finished", s.finished());
            json.writeNumberField("droppedEvents", trace.droppedEvents());
            json.writeArrayFieldStart("lanes");
            for (int l = 0; l < s.lanes().size(); l++) {
                Lane lane = s.lanes().get(l);
                LaneTotals totals = lane.totals();
                json.writeStartObject();
                json.writeStringField("name", lane.name());
                json.writeNumberField("index", lane.index());
                json.writeStringField("kind", lane.kind().name());
                json.writeNumberField("pid", TraceFormat.lanePid(TraceFormat.pid(m), lane.kind(), lane.index()));
                json.writeNumberField("tid", TraceFormat.tid(lane.index()));
                json.writeNumberField("nativeThreadId", totals.nativeThreadId());
                json.writeNumberField("cpuNanos", totals.cpuNanos());
                json.writeNumberField("tasks", totals.tasksRun());
                json.writeNumberField("events", s.eventCount(l));
                json.writeNumberField("droppedEvents", lane.buffer().droppedEvents());
                json.writeObjectFieldStart("nanosByState");
                for (LaneState state : LaneState.values()) json.writeNumberField(state.name(), totals.nanosIn(state));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("summary");
            JsonValues.write(json, info.summary(trace.mode()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notes");
        for (Note note : info.notes()) {
            json.writeStartObject();
            json.writeNumberField("atNanos", note.atNanos());
            json.writeStringField("mode", note.mode());
            json.writeStringField("text", note.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The events of one mode: its lanes (threads of its process, or processes of their own), then its "CPU cores". */
    private static final class ModeWriter {
        private static final int NO_TID = -1;
        private final JsonGenerator json;
        private final int modePid;
        private final ModeTrace.Snapshot snapshot;
        private final long zeroNanos;
        private final BitSet namedCores = new BitSet();
        private final char[] digits = new char[Micros.MAX_CHARS];
        private boolean coresNamed;

        ModeWriter(JsonGenerator json, int modeIndex, ModeTrace.Snapshot snapshot) {
            this.json = json;
            this.modePid = TraceFormat.pid(modeIndex);
            this.snapshot = snapshot;
            this.zeroNanos = snapshot.trace().startNanos();
        }

        /** Writes the mode with its processes sorted from {@code sortIndex} on; returns the next free sort index. */
        int write(int sortIndex) throws IOException {
            String mode = snapshot.trace().mode();
            metadata(modePid, NO_TID, "process_name", "name", mode);
            metadata(modePid, NO_TID, "process_sort_index", "sort_index", sortIndex++);
            List<Lane> lanes = snapshot.lanes();
            for (Lane lane : lanes) {
                int lanePid = lanePid(lane);
                int tid = TraceFormat.tid(lane.index());
                if (lane.kind() == Lane.Kind.PROCESS) {
                    long osPid = lane.totals().nativeThreadId();
                    String name = mode + " · " + lane.name() + (osPid > 0 ? " (pid " + osPid + ")" : "");
                    metadata(lanePid, NO_TID, "process_name", "name", name);
                    metadata(lanePid, NO_TID, "process_sort_index", "sort_index", sortIndex++);
                }
                metadata(lanePid, tid, "thread_name", "name", lane.name());
                metadata(lanePid, tid, "thread_sort_index", "sort_index", lane.index());
            }
            for (int l = 0; l < lanes.size(); l++) writeLane(lanes.get(l), snapshot.eventCount(l));
            writeCores(mode, lanes, sortIndex++);
            return sortIndex;
        }

        private int lanePid(Lane lane) {
            return TraceFormat.lanePid(modePid, lane.kind(), lane.index());
        }

        private void writeLane(Lane lane, int count) throws IOException {
            LaneBuffer buffer = lane.buffer();
            int pid = lanePid(lane);
            int tid = TraceFormat.tid(lane.index());
            LaneWalk.forEach(buffer, count, snapshot.untilNanos(), new LaneWalk.Visitor() {
                @Override
                public void segment(int index, LaneState state, long start, long end, int core) throws IOException {
                    slice(pid, tid, state.label(), state.name(), start, end, CORE, core);
                }

                @Override
                public void instant(int index, LaneState state) throws IOException {
                    instantEvent(pid, tid, buffer, index);
                }
            });
        }

        private void instantEvent(int pid, int tid, LaneBuffer buffer, int i) throws IOException {
            EventKind kind = buffer.kind(i);
            int core = buffer.core(i);
            List<Lane> lanes = snapshot.lanes();
            json.writeStartObject();
            json.writeFieldName(PH);
            json.writeString(INSTANT);
            json.writeFieldName(SCOPE);
            json.writeString(THREAD);
            json.writeFieldName(PID);
            json.writeNumber(pid);
            json.writeFieldName(TID);
            json.writeNumber(tid);
            json.writeFieldName(TS);
            micros(buffer.timeNanos(i) - zeroNanos);
            json.writeFieldName(NAME);
            json.writeString(TraceFormat.instantName(kind, core));
            json.writeFieldName(CAT);
            json.writeString(kind.name());
            json.writeFieldName(ARGS);
            json.writeStartObject();
            if (core >= 0) json.writeNumberField(CORE, core);
            switch (kind) {
                case DROP_REQUEST -> {
                    if (buffer.aux(i) >= 0) {
                        json.writeStringField(TraceFormat.HOLDER, TraceFormat.laneName(lanes, buffer.aux(i)));
                        json.writeNumberField(TraceFormat.HOLDER_INDEX, buffer.aux(i));
                    }
                    json.writeFieldName(TraceFormat.WAIT_STARTED_US);
                    micros(buffer.arg(i) - zeroNanos);
                }
                case HANDOFF -> {
                    json.writeStringField(TraceFormat.FROM, TraceFormat.laneName(lanes, buffer.aux(i)));
                    json.writeNumberField(TraceFormat.FROM_INDEX, buffer.aux(i));
                    if (buffer.arg(i) >= 0) {
                        json.writeFieldName(TraceFormat.LATENCY_US);
                        micros(buffer.arg(i));
                    }
                }
                case TASK_START, TASK_END -> json.writeNumberField(TraceFormat.TASK, buffer.arg(i));
                case LOST_UPDATE -> json.writeNumberField(TraceFormat.COUNT, buffer.arg(i));
                default -> { } // CORE, FORCED_SWITCH: the core says it all
            }
            json.writeEndObject();
            json.writeEndObject();
        }

        private void writeCores(String mode, List<Lane> lanes, int sortIndex) throws IOException {
            int coresPid = CORES_PID_OFFSET + modePid;
            CoreView.forEach(snapshot, (core, laneIndex, state, start, end) -> {
                if (!coresNamed) {
                    coresNamed = true;
                    metadata(coresPid, NO_TID, "process_name", "name", mode + " · CPU cores");
                    metadata(coresPid, NO_TID, "process_sort_index", "sort_index", sortIndex);
                }
                if (!namedCores.get(core)) {
                    namedCores.set(core);
                    metadata(coresPid, core + 1, "thread_name", "name", "core " + core);
                    metadata(coresPid, core + 1, "thread_sort_index", "sort_index", core);
                }
                String lane = lanes.get(laneIndex).name();
                String name = state.isCompute() ? lane : lane + " (" + state.label() + ")";
                slice(coresPid, core + 1, name, state.name(), start, end, "state", state.name());
            });
        }

        /** An X slice with one arg (an int, or a string); an int arg below 0 is left out as unknown. */
        private void slice(int pid, int tid, String name, String cat, long start, long end, String argName,
                           Object arg) throws IOException {
            json.writeStartObject();
            json.writeFieldName(PH);
            json.writeString(COMPLETE);
            json.writeFieldName(PID);
            json.writeNumber(pid);
            json.writeFieldName(TID);
            json.writeNumber(tid);
            json.writeFieldName(TS);
            micros(start - zeroNanos);
            json.writeFieldName(DUR);
            micros(end - start);
            json.writeFieldName(NAME);
            json.writeString(name);
            json.writeFieldName(CAT);
            json.writeString(cat);
            json.writeFieldName(ARGS);
            json.writeStartObject();
            switch (arg) {
                case Integer n when n < 0 -> { }
                case Integer n -> json.writeNumberField(argName, n);
                default -> json.writeStringField(argName, arg.toString());
            }
            json.writeEndObject();
            json.writeEndObject();
        }

        /** Writes nanoseconds as an exact decimal number of microseconds. */
        private void micros(long nanos) throws IOException {
            int length = Micros.format(nanos, digits);
            json.writeNumber(digits, 0, length);
        }

        /** A metadata event; {@link #NO_TID} for one about the process (no thread of it is named by it). */
        private void metadata(int pid, int tid, String name, String argName, Object value) throws IOException {
            ChromeTraceWriter.metadata(json, pid, tid, name, argName, value);
        }
    }

    /** A metadata event: a process's or thread's name or sort index; {@code tid} -1 for a process. */
    private static void metadata(JsonGenerator json, int pid, int tid, String name, String argName, Object value)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", pid);
        if (tid != -1) json.writeNumberField("tid", tid);
        json.writeStringField("name", name);
        json.writeObjectFieldStart("args");
        json.writeFieldName(argName);
        JsonValues.write(json, value);
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The notes as global instants of a "notes" process: Perfetto draws each as a line across every track,
     * named by its text. {@link TraceReader} reads the notes from the header, not from these.
     */
    private static void writeNotes(JsonGenerator json, List<Note> notes, int sortIndex) throws IOException {
        if (notes.isEmpty()) return;
        metadata(json, TraceFormat.NOTES_PID, -1, "process_name", "name", "notes");
        metadata(json, TraceFormat.NOTES_PID, -1, "process_sort_index", "sort_index", sortIndex);
        char[] digits = new char[Micros.MAX_CHARS];
        for (Note note : notes) {
            json.writeStartObject();
            json.writeStringField("ph", "i");
            json.writeStringField("s", "g");
            json.writeNumberField("pid", TraceFormat.NOTES_PID);
            json.writeNumberField("tid", 1);
            json.writeFieldName("ts");
            json.writeNumber(digits, 0, Micros.format(note.atNanos(), digits));
            json.writeStringField("name", note.text());
            json.writeStringField("cat", "note");
            json.writeObjectFieldStart("args");
            json.writeStringField("mode", note.mode().isEmpty() ? "all" : note.mode());
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** Compact JSON with a line break before each array element: one trace event per line. */
    private static final class OneValuePerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values > 0) g.writeRaw('\n');
            g.writeRaw(']');
        }
    }
}
