package dev.gilscope.trace.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LaneTotals;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Note;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a file saved by {@link ChromeTraceWriter} again: the run's {@link RunInfo} and one finished
 * {@link ModeTrace} per mode whose lanes hold the same events (time, kind, core, aux, arg) in the same
 * order, the same totals and the same count of dropped events, so the board shows it exactly as it
 * showed the live run.
 *
 * <p>What it reads: {@code otherData.gilscope} for modes, lanes (with their kind: a lane without one,
 * as in files saved before lanes had a kind, is a THREAD), totals and the presenter's notes (none in files
 * saved before notes); from {@code traceEvents}, only the
 * lanes' state slices ({@code X}) and instants ({@code i}): a THREAD lane's under its mode's pid, a
 * PROCESS lane's under the pid of its own (see {@link ChromeTraceWriter}); names, the "CPU cores" rows,
 * the notes' instants and anything else a viewer may have added are ignored, as they are derived.
 *
 * <p>What it refuses, with a {@link TraceFormatException} whose one-line message says what was wrong
 * and what is accepted: a file over {@value #MAX_FILE_MIB} MiB, anything that is not complete JSON,
 * a JSON file without {@code otherData.gilscope} (a trace from another tool), a format version other
 * than {@value TraceFormat#VERSION}, and a gilscope trace whose events do not fit its header.
 *
 * <p>Memory: the events go straight into the lanes' buffers as they are parsed; the header is read
 * first (the writer puts it first; if an editor moved it behind the events, the file is read twice).
 */
public final class TraceReader {

    static final int MAX_FILE_MIB = 512;
    public static final long MAX_FILE_BYTES = (long) MAX_FILE_MIB << 20;
    /** More lanes than any comparison has; guards the heap against a damaged header. */
    static final int MAX_LANES = 1024;
    /** No event is written in fewer bytes; bounds what a header may declare. */
    private static final int MIN_EVENT_BYTES = 40;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String ACCEPTED = "gilscope opens the Chrome trace JSON files it saves itself";

    private TraceReader() {}

    /**
     * Reads a saved run.
     *
     * @throws TraceFormatException if the file is not a gilscope trace this version can open
     * @throws IOException if the file cannot be read at all
     */
    public static SavedRun read(Path file) throws IOException {
        return new Reading(file).read();
    }

    /** One reading of one file; keeps where it is for the messages. */
    private static final class Reading {
        private final Path file;
        private final String label;
        private Header header;
        private long eventNumber;

        Reading(Path file) {
            this.file = file;
            Path name = file.getFileName();
            this.label = name == null ? file.toString() : name.toString();
        }

        SavedRun read() throws IOException {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw fail("is larger than " + MAX_FILE_MIB + " MiB (" + size + " bytes); " + ACCEPTED + ", of at most "
                        + MAX_FILE_MIB + " MiB");
            }
            try {
                boolean eventsRead = firstPass(size);
                if (!eventsRead) secondPass();
                header.checkComplete();
                return header.toSavedRun();
            } catch (TraceFormatException e) {
                throw e;
            } catch (JsonEOFException e) {
                throw fail("ends in the middle of the JSON at " + where(e.getLocation()) + ", so it is cut short "
                        + "(copied in part, or still being written?); " + ACCEPTED + ", whole", e);
            } catch (StreamConstraintsException e) {
                throw fail("goes beyond the JSON parser's limits (" + oneLine(e.getOriginalMessage()) + "); "
                        + ACCEPTED, e);
            } catch (JsonProcessingException e) {
                if (atEnd(e.getLocation(), size)) { // e.g. a number cut in half by the end of the file
                    throw fail("ends in the middle of the JSON at " + where(e.getLocation()) + ", so it is cut short "
                            + "(copied in part, or still being written?); " + ACCEPTED + ", whole", e);
                }
                throw fail("is not valid JSON (" + oneLine(e.getOriginalMessage()) + " at " + where(e.getLocation())
                        + "); " + ACCEPTED, e);
            } catch (CharConversionException e) {
                throw fail("is not JSON text (" + oneLine(e.getMessage()) + "); " + ACCEPTED, e);
            } catch (RuntimeException e) { // a last net: the caller must only ever see a clear message
                throw fail("could not be read (" + oneLine(String.valueOf(e)) + "); " + ACCEPTED, e);
            }
        }

        /** Reads the whole file; returns whether the events could be read in this pass (header first). */
        private boolean firstPass(long size) throws IOException {
            boolean eventsSeen = false;
            boolean eventsRead = false;
            try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
                JsonToken token = p.nextToken();
                if (token == null) throw fail("is empty; " + ACCEPTED);
                if (token == JsonToken.START_ARRAY) {
                    throw fail("is a bare array of trace events with no otherData.gilscope section: it was not "
                            + "saved by gilscope; " + ACCEPTED);
                }
                if (token != JsonToken.START_OBJECT) throw fail("is not a JSON object; " + ACCEPTED);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    if (key.equals("otherData") && value == JsonToken.START_OBJECT) {
                        header = Header.of(this, JsonValues.read(p), size);
                    } else if (key.equals("traceEvents")) {
                        if (value != JsonToken.START_ARRAY) {
                            throw fail("has a traceEvents that is not an array; " + ACCEPTED);
                        }
                        eventsSeen = true;
                        if (header != null) {
                            readEvents(p);
                            eventsRead = true;
                        } else {
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (p.nextToken() != null) throw fail("has more after its JSON object ends; " + ACCEPTED);
            }
            if (header == null) {
                throw fail("has no otherData.gilscope section, so it was not saved by gilscope (a Chrome trace from "
                        + "another tool opens in ui.perfetto.dev); " + ACCEPTED);
            }
            if (!eventsSeen) throw fail("has no traceEvents array; " + ACCEPTED);
            return eventsRead;
        }

        private void secondPass() throws IOException {
            try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("traceEvents")) {
                        readEvents(p);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }

        // ---- events ----

        private void readEvents(JsonParser p) throws IOException {
            EventFields e = new EventFields();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                eventNumber++;
                JsonLocation at = p.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) throw damaged(at, "is not a JSON object");
                e.reset();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (key) {
                        case "ph" -> e.phase = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "pid" -> e.pid = smallInt(p, value);
                        case "tid" -> e.tid = smallInt(p, value);
                        case "ts" -> e.ts = numberText(p, value, at, "ts");
                        case "cat" -> e.category = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "args" -> {
                            if (value == JsonToken.START_OBJECT) readArgs(p, e, at);
                            else p.skipChildren();
                        }
                        default -> p.skipChildren();
                    }
                }
                add(e, at);
            }
        }

        private void readArgs(JsonParser p, EventFields e, JsonLocation at) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case TraceFormat.CORE -> e.core = (int) integer(p, value, at, key, -1, Integer.MAX_VALUE);
                    case TraceFormat.HOLDER_INDEX -> e.holderIndex = (int) integer(p, value, at, key, -1, MAX_LANES);
                    case TraceFormat.FROM_INDEX -> e.fromIndex = (int) integer(p, value, at, key, -1, MAX_LANES);
                    case TraceFormat.WAIT_STARTED_US -> e.waitStarted = numberText(p, value, at, key);
                    case TraceFormat.LATENCY_US -> e.latency = numberText(p, value, at, key);
                    case TraceFormat.TASK -> e.task = integer(p, value, at, key, Long.MIN_VALUE, Long.MAX_VALUE);
                    case TraceFormat.COUNT -> e.count = integer(p, value, at, key, Long.MIN_VALUE, Long.MAX_VALUE);
                    default -> p.skipChildren();
                }
            }
        }

        private void add(EventFields e, JsonLocation at) throws TraceFormatException {
            Track track = header.byPid.get(e.pid);
            // Metadata, the derived "CPU cores" rows and whatever else a viewer added are not recorded events.
            if (track == null || e.phase == null) return;
            boolean slice = e.phase.equals("X");
            if (!slice && !e.phase.equals("i") && !e.phase.equals("I")) return;
            ModeSlot mode = track.mode();
            int laneIndex = e.tid - 1;
            if (track.processLane() >= 0) {
                if (laneIndex != track.processLane()) {
                    throw damaged(at, "is on tid " + e.tid + " of pid " + e.pid + ", the process of lane '"
                            + mode.lanes().get(track.processLane()).name() + "' of mode '" + mode.trace().mode()
                            + "', whose worker is tid " + TraceFormat.tid(track.processLane()));
                }
            } else if (e.tid < 1 || e.tid > mode.lanes().size()) {
                throw damaged(at, "is on tid " + e.tid + " of mode '" + mode.trace().mode()
                        + "', which has lanes with tid 1 to " + mode.lanes().size());
            } else if (mode.lanes().get(laneIndex).kind() == Lane.Kind.PROCESS) {
                throw damaged(at, "is on tid " + e.tid + " of mode '" + mode.trace().mode() + "', but lane '"
                        + mode.lanes().get(laneIndex).name() + "' is a process of its own with pid "
                        + TraceFormat.lanePid(mode.pid(), Lane.Kind.PROCESS, laneIndex));
            }
            LaneBuffer buffer = mode.lanes().get(laneIndex).buffer();
            if (e.ts == null) throw damaged(at, "has no ts");
            long time = mode.startNanos() + micros(e.ts, at, "ts");
            if (buffer.size() >= mode.declaredEvents()[laneIndex]) {
                throw damaged(at, "is one more event than the " + mode.declaredEvents()[laneIndex] + " that lane '"
                        + mode.lanes().get(laneIndex).name() + "' of mode '" + mode.trace().mode() + "' declares");
            }
            if (slice) {
                LaneState state = enumValue(LaneState.class, e.category, at, "state");
                buffer.add(time, EventKind.STATE, e.core, state.ordinal(), 0);
                return;
            }
            EventKind kind = enumValue(EventKind.class, e.category, at, "event kind");
            int aux = 0;
            long arg = 0;
            switch (kind) {
                case STATE -> throw damaged(at, "is a state change written as an instant; states are X slices");
                case DROP_REQUEST -> {
                    aux = e.holderIndex;
                    arg = mode.startNanos() + micros(required(e.waitStarted, at, TraceFormat.WAIT_STARTED_US), at,
                            TraceFormat.WAIT_STARTED_US);
                }
                case HANDOFF -> {
                    aux = e.fromIndex;
                    arg = e.latency == null ? -1 : micros(e.latency, at, TraceFormat.LATENCY_US);
                }
                case TASK_START, TASK_END -> arg = required(e.task, at, TraceFormat.TASK);
                case LOST_UPDATE -> arg = required(e.count, at, TraceFormat.COUNT);
                case CORE, FORCED_SWITCH -> { }
            }
            buffer.add(time, kind, e.core, aux, arg);
        }

        // ---- values ----

        private static int smallInt(JsonParser p, JsonToken value) throws IOException {
            // pids and tids of other tools may be strings or huge: such events are simply not ours
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                p.skipChildren();
                return Integer.MIN_VALUE;
            }
            return p.getIntValue();
        }

        private String numberText(JsonParser p, JsonToken value, JsonLocation at, String what) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                throw damaged(at, "has a " + what + " that is not a number");
            }
            return p.getText();
        }

        private long integer(JsonParser p, JsonToken value, JsonLocation at, String what, long min, long max)
                throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw damaged(at, "has a " + what + " that is not a whole number");
            }
            long n = p.getLongValue();
            if (n < min || n > max) throw damaged(at, "has " + what + " " + n + ", outside " + min + " to " + max);
            return n;
        }

        private long micros(String text, JsonLocation at, String what) throws TraceFormatException {
            try {
                return Micros.parse(text);
            } catch (NumberFormatException e) {
                throw damaged(at, "has a " + what + " of " + text + " µs, which is no time in 64-bit nanoseconds");
            }
        }

        private <T> T required(T value, JsonLocation at, String what) throws TraceFormatException {
            if (value == null) throw damaged(at, "has no " + what + " in its args");
            return value;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String name, JsonLocation at, String what)
                throws TraceFormatException {
            if (name != null) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(name)) return constant;
                }
            }
            throw damaged(at, "has cat " + (name == null ? "(none)" : "'" + name + "'") + ", which is no " + what
                    + " (expected one of " + Arrays.toString(type.getEnumConstants()) + ")");
        }

        // ---- messages ----

        TraceFormatException fail(String problem) {
            return new TraceFormatException(label + " " + problem);
        }

        TraceFormatException fail(String problem, Throwable cause) {
            return new TraceFormatException(label + " " + problem, cause);
        }

        /** A gilscope trace that does not hold together: changed or damaged after it was saved. */
        TraceFormatException damaged(String problem) {
            return fail("is a gilscope trace but " + problem + "; it was changed or damaged after gilscope saved it");
        }

        private TraceFormatException damaged(JsonLocation at, String problem) {
            return damaged("trace event " + eventNumber + " (" + where(at) + ") " + problem);
        }

        /** Whether the parser stopped at the last byte of the file: the JSON was cut, not malformed. */
        private static boolean atEnd(JsonLocation at, long size) {
            return at != null && at.getByteOffset() >= size - 1;
        }

        private static String where(JsonLocation at) {
            return at == null ? "unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        }

        private static String oneLine(String message) {
            return message == null ? "no detail" : message.replaceAll("\\s+", " ").strip();
        }
    }

    /** The parts of one trace event that matter here; reused from event to event. */
    private static final class EventFields {
        String phase;
        int pid;
        int tid;
        String ts;
        String category;
        int core;
        int holderIndex;
        int fromIndex;
        String waitStarted;
        String latency;
        Long task;
        Long count;

        void reset() {
            phase = null;
            pid = Integer.MIN_VALUE;
            tid = Integer.MIN_VALUE;
            ts = null;
            category = null;
            core = -1;
            holderIndex = -1;
            fromIndex = -1;
            waitStarted = null;
            latency = null;
            task = null;
            count = null;
        }
    }

    /** A mode being rebuilt: its trace and what its header declares. */
    private record ModeSlot(ModeTrace trace, int pid, long startNanos, List<Lane> lanes, int[] declaredEvents,
                            Map<String, Object> summary) {}

    /**
     * What the events of one pid belong to: a mode's own process (its THREAD lanes, by tid), with
     * {@code processLane} -1, or the process of its PROCESS lane {@code processLane}.
     */
    private record Track(ModeSlot mode, int processLane) {}

    /** {@code otherData.gilscope}, checked, with the modes and lanes it declares already built. */
    private static final class Header {
        private final Reading reading;
        private String workload;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private int cores;
        private final List<ModeSlot> modes = new ArrayList<>();
        private final Map<Integer, Track> byPid = new HashMap<>();
        private final List<Note> notes = new ArrayList<>();

        private Header(Reading reading) {
            this.reading = reading;
        }

        /** Null when otherData has no gilscope section. */
        static Header of(Reading reading, Object otherData, long fileBytes) throws TraceFormatException {
            if (!(otherData instanceof Map<?, ?> other) || !(other.get("gilscope") instanceof Map<?, ?> gilscope)) {
                return null;
            }
            Object version = gilscope.get("formatVersion");
            if (version == null) {
                throw reading.fail("has no otherData.gilscope.formatVersion; this gilscope reads format version "
                        + TraceFormat.VERSION);
            }
            if (!(version instanceof Long)) {
                throw reading.fail("has an otherData.gilscope.formatVersion that is not a whole number (" + version
                        + "); this gilscope reads format version " + TraceFormat.VERSION);
            }
            if ((Long) version != TraceFormat.VERSION) {
                throw reading.fail("is in gilscope trace format version " + version + "; this gilscope reads format "
                        + "version " + TraceFormat.VERSION + " only (a newer gilscope may open it)");
            }
            Header header = new Header(reading);
            header.parse(gilscope, fileBytes);
            return header;
        }

        private void parse(Map<?, ?> g, long fileBytes) throws TraceFormatException {
            workload = optional(g, "workload", String.class, "", "otherData.gilscope");
            Map<?, ?> params = optional(g, "parameters", Map.class, Map.of(), "otherData.gilscope");
            for (Map.Entry<?, ?> p : params.entrySet()) {
                Object value = p.getValue();
                if (value instanceof Map || value instanceof List) {
                    throw reading.damaged("parameter '" + p.getKey() + "' is not a single value");
                }
                parameters.put(String.valueOf(p.getKey()), value == null ? null : value.toString());
            }
            cores = (int) number(g, "cores", 0L, 0, Integer.MAX_VALUE, "otherData.gilscope");
            List<?> modeList = required(g, "modes", List.class, "otherData.gilscope");
            long declaredTotal = 0;
            int laneTotal = 0;
            for (int m = 0; m < modeList.size(); m++) {
                String where = "otherData.gilscope.modes[" + m + "]";
                if (!(modeList.get(m) instanceof Map<?, ?> mode)) throw reading.damaged(where + " is not an object");
                String name = required(mode, "name", String.class, where);
                int pid = (int) number(mode, "pid", null, 1, TraceFormat.CORES_PID_OFFSET - 1, where);
                long start = number(mode, "startNanos", null, Long.MIN_VALUE, Long.MAX_VALUE, where);
                long end = number(mode, "endNanos", null, Long.MIN_VALUE, Long.MAX_VALUE, where);
                long dropped = number(mode, "droppedEvents", 0L, 0, Long.MAX_VALUE, where);
                List<?> laneList = required(mode, "lanes", List.class, where);
                laneTotal += laneList.size();
                if (laneTotal > MAX_LANES) throw reading.damaged("it declares more than " + MAX_LANES + " lanes");
                int[] declared = new int[laneList.size()];
                long modeEvents = 0;
                for (int l = 0; l < laneList.size(); l++) {
                    String laneWhere = where + ".lanes[" + l + "]";
                    if (!(laneList.get(l) instanceof Map<?, ?> lane)) {
                        throw reading.damaged(laneWhere + " is not an object");
                    }
                    declared[l] = (int) number(lane, "events", null, 0, Integer.MAX_VALUE, laneWhere);
                    modeEvents += declared[l];
                }
                declaredTotal += modeEvents;
                if (declaredTotal > fileBytes / MIN_EVENT_BYTES) {
                    throw reading.damaged("it declares " + declaredTotal + " events, more than its "
                            + fileBytes + " bytes can hold");
                }
                // Room for exactly the declared events: each lane fills whole chunks but its last.
                EventBudget budget = new EventBudget(
                        Math.max(1, modeEvents + (long) laneList.size() * LaneBuffer.CHUNK_EVENTS));
                ModeTrace trace = new ModeTrace(name, budget);
                trace.start(start);
                trace.finish(end);
                trace.addDroppedEvents(dropped);
                List<Lane> lanes = new ArrayList<>();
                for (int l = 0; l < laneList.size(); l++) {
                    lanes.add(lane(trace, pid, (Map<?, ?>) laneList.get(l), l, where + ".lanes[" + l + "]"));
                }
                Map<?, ?> summary = optional(mode, "summary", Map.class, Map.of(), where);
                Map<String, Object> figures = new LinkedHashMap<>();
                summary.forEach((k, v) -> figures.put(String.valueOf(k), v));
                ModeSlot slot = new ModeSlot(trace, pid, start, List.copyOf(lanes), declared, figures);
                if (byPid.put(pid, new Track(slot, -1)) != null) throw reading.damaged("two modes have pid " + pid);
                for (Lane lane : lanes) {
                    if (lane.kind() != Lane.Kind.PROCESS) continue;
                    int lanePid = TraceFormat.lanePid(pid, lane.kind(), lane.index());
                    if (byPid.put(lanePid, new Track(slot, lane.index())) != null) {
                        throw reading.damaged("two modes or lanes have pid " + lanePid);
                    }
                }
                modes.add(slot);
            }
            List<?> noteList = optional(g, "notes", List.class, List.of(), "otherData.gilscope");
            if (noteList.size() > Note.MAX_NOTES) {
                throw reading.damaged("it holds " + noteList.size() + " notes; a run keeps at most " + Note.MAX_NOTES);
            }
            for (int n = 0; n < noteList.size(); n++) {
                String where = "otherData.gilscope.notes[" + n + "]";
                if (!(noteList.get(n) instanceof Map<?, ?> note)) throw reading.damaged(where + " is not an object");
                long at = number(note, "atNanos", null, 0, Long.MAX_VALUE, where);
                try {
                    notes.add(new Note(at, optional(note, "mode", String.class, "", where), required(note, "text", String.class, where)));
                } catch (IllegalArgumentException e) {
                    throw reading.damaged(where + ": " + e.getMessage());
                }
            }
        }

        private Lane lane(ModeTrace trace, int modePid, Map<?, ?> lane, int position, String where)
                throws TraceFormatException {
            String name = required(lane, "name", String.class, where);
            long index = number(lane, "index", (long) position, position, position, where);
            Lane.Kind kind = kind(optional(lane, "kind", String.class, Lane.Kind.THREAD.name(), where), where);
            Lane added = trace.addLane(name, kind);
            if (added.index() != index) throw reading.damaged(where + " has index " + index);
            // Written for those who read the file themselves; the reader derives it, so it must agree.
            long pid = TraceFormat.lanePid(modePid, kind, position);
            number(lane, "pid", pid, pid, pid, where);
            LaneTotals totals = added.totals();
            totals.setNativeThreadId(number(lane, "nativeThreadId", -1L, Long.MIN_VALUE, Long.MAX_VALUE, where));
            totals.addCpuNanos(number(lane, "cpuNanos", 0L, Long.MIN_VALUE, Long.MAX_VALUE, where));
            long tasks = number(lane, "tasks", 0L, 0, Integer.MAX_VALUE, where);
            for (long t = 0; t < tasks; t++) totals.taskDone();
            Map<?, ?> byState = optional(lane, "nanosByState", Map.class, Map.of(), where);
            for (Map.Entry<?, ?> e : byState.entrySet()) {
                LaneState state = null;
                for (LaneState s : LaneState.values()) if (s.name().equals(e.getKey())) state = s;
                if (state == null) {
                    throw reading.damaged(where + ".nanosByState has unknown state '" + e.getKey()
                            + "' (expected one of " + Arrays.toString(LaneState.values()) + ")");
                }
                if (!(e.getValue() instanceof Long nanos)) {
                    throw reading.damaged(where + ".nanosByState." + e.getKey() + " is not a whole number");
                }
                totals.addStateNanos(state, nanos);
            }
            return added;
        }

        private Lane.Kind kind(String name, String where) throws TraceFormatException {
            for (Lane.Kind kind : Lane.Kind.values()) if (kind.name().equals(name)) return kind;
            throw reading.damaged(where + ".kind is '" + name + "', which is no lane kind (expected one of "
                    + Arrays.toString(Lane.Kind.values()) + ")");
        }

        void checkComplete() throws TraceFormatException {
            for (ModeSlot mode : modes) {
                for (int l = 0; l < mode.lanes().size(); l++) {
                    int found = mode.lanes().get(l).buffer().size();
                    if (found != mode.declaredEvents()[l]) {
                        throw reading.damaged("lane '" + mode.lanes().get(l).name() + "' of mode '"
                                + mode.trace().mode() + "' declares " + mode.declaredEvents()[l]
                                + " events and the file holds " + found);
                    }
                }
            }
        }

        SavedRun toSavedRun() {
            Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
            List<ModeTrace> traces = new ArrayList<>();
            for (ModeSlot mode : modes) {
                summaries.put(mode.trace().mode(), mode.summary());
                traces.add(mode.trace());
            }
            return new SavedRun(new RunInfo(workload, parameters, cores, summaries, notes), traces);
        }

        // ---- typed access to the parsed header ----

        private <T> T required(Map<?, ?> map, String key, Class<T> type, String where) throws TraceFormatException {
            Object value = map.get(key);
            if (value == null) throw reading.damaged(where + " has no " + key);
            return typed(value, key, type, where);
        }

        private <T> T optional(Map<?, ?> map, String key, Class<T> type, T absent, String where)
                throws TraceFormatException {
            Object value = map.get(key);
            return value == null ? absent : typed(value, key, type, where);
        }

        private <T> T typed(Object value, String key, Class<T> type, String where) throws TraceFormatException {
            if (!type.isInstance(value)) {
                throw reading.damaged(where + "." + key + " is not " + switch (type.getSimpleName()) {
                    case "String" -> "a string";
                    case "Map" -> "an object";
                    case "List" -> "an array";
                    default -> "a " + type.getSimpleName();
                });
            }
            return type.cast(value);
        }

        /** A whole number in [min, max]; {@code absent} when missing, or required when that is null. */
        private long number(Map<?, ?> map, String key, Long absent, long min, long max, String where)
                throws TraceFormatException {
            Object value = map.get(key);
            if (value == null) {
                if (absent == null) throw reading.damaged(where + " has no " + key);
                return absent;
            }
            if (!(value instanceof Long n)) throw reading.damaged(where + "." + key + " is not a whole number");
            if (n < min || n > max) {
                throw reading.damaged(where + "." + key + " is " + n + ", outside " + min + " to " + max);
            }
            return n;
        }
    }
}
