package dev.gilscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.LockCounters;
import dev.gilscope.trace.LockStatistics;
import dev.gilscope.trace.ModeTrace;
import dev.gilscope.trace.Note;
import dev.gilscope.trace.Segments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved run opens again as it was; anything else is refused with a message a user can act on. */
class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsLanesEventsTotalsAndRunInfo() throws IOException {
        List<ModeTrace> original = Runs.withProcesses();
        SavedRun run = TraceReader.read(save(original, "run.json"));

        assertEquals(Runs.info(), run.info());
        assertEquals(original.size(), run.modes().size());
        for (int m = 0; m < original.size(); m++) {
            ModeTrace before = original.get(m);
            ModeTrace after = run.modes().get(m);
            assertEquals(before.mode(), after.mode());
            assertEquals(before.startNanos(), after.startNanos());
            assertEquals(before.endNanos(), after.endNanos());
            assertTrue(after.finished());
            assertEquals(before.droppedEvents(), after.droppedEvents());
            assertEquals(before.lanes().size(), after.lanes().size());
            for (int l = 0; l < before.lanes().size(); l++) {
                Lane a = before.lanes().get(l);
                Lane b = after.lanes().get(l);
                assertEquals(a.index(), b.index());
                assertEquals(a.name(), b.name());
                assertEquals(a.kind(), b.kind(), "kind of " + before.mode() + "/" + a.name());
                assertEquals(a.buffer().events(a.buffer().size()), b.buffer().events(b.buffer().size()),
                        "events of " + before.mode() + "/" + a.name() + ": time, kind, core, aux, arg, in order");
                assertEquals(a.totals().nanosByState(), b.totals().nanosByState());
                assertEquals(a.totals().cpuNanos(), b.totals().cpuNanos());
                assertEquals(a.totals().nativeThreadId(), b.totals().nativeThreadId());
                assertEquals(a.totals().tasksRun(), b.totals().tasksRun());
                assertEquals(segments(before, l), segments(after, l));
            }
            assertEquals(LockStatistics.of(before.snapshot(), LockCounters.NONE),
                    LockStatistics.of(after.snapshot(), LockCounters.NONE), "the summary figures come out the same");
        }
    }

    @Test
    void roundTripsLaneKindsWithTheWorkerProcessesPids() throws IOException {
        SavedRun run = TraceReader.read(save(Runs.withProcesses(), "processes.json"));
        ModeTrace processes = run.modes().get(2);
        assertEquals(List.of(Lane.Kind.THREAD, Lane.Kind.PROCESS, Lane.Kind.PROCESS),
                processes.lanes().stream().map(Lane::kind).toList());
        assertEquals(List.of("main", "P1", "P2"), processes.lanes().stream().map(Lane::name).toList());
        assertEquals(List.of(4243L, Runs.OS_PID_P1, Runs.OS_PID_P2),
                processes.lanes().stream().map(l -> l.totals().nativeThreadId()).toList());
        assertTrue(run.modes().get(1).lanes().stream().allMatch(l -> l.kind() == Lane.Kind.THREAD));
        LaneBuffer p2 = processes.lanes().get(2).buffer();
        assertEquals(Runs.processes().lanes().get(2).buffer().events(6), p2.events(p2.size()));
    }

    @Test
    void readsAnOldStyleHeaderWithoutLaneKindsAsThreads() throws IOException {
        // What gilscope saved before lanes had a kind: the same file without "kind" and "pid" in the lanes.
        Map<String, Object> json = parse(save(Runs.comparison(), "run.json"));
        for (Object mode : ChromeTraceWriterTest.list(gilscope(json).get("modes"))) {
            for (Object lane : ChromeTraceWriterTest.list(ChromeTraceWriterTest.map(mode).get("lanes"))) {
                assertEquals("THREAD", ChromeTraceWriterTest.map(lane).remove("kind"));
                ChromeTraceWriterTest.map(lane).remove("pid");
            }
        }
        SavedRun run = TraceReader.read(writeJson(json, "old.json"));
        List<ModeTrace> original = Runs.comparison();
        for (int m = 0; m < original.size(); m++) {
            for (int l = 0; l < original.get(m).lanes().size(); l++) {
                Lane lane = run.modes().get(m).lanes().get(l);
                assertEquals(Lane.Kind.THREAD, lane.kind(), lane.name());
                LaneBuffer before = original.get(m).lanes().get(l).buffer();
                assertEquals(before.events(before.size()), lane.buffer().events(lane.buffer().size()));
            }
        }
    }

    @Test
    void roundTripsExactNanosecondsFarFromZeroAndBeforeTheStart() throws IOException {
        ModeTrace mode = new ModeTrace("free-threads", new EventBudget(1 << 14));
        long start = Long.MAX_VALUE / 4 + 7;
        mode.start(start);
        LaneBuffer b = mode.addLane("T1").buffer();
        Runs.state(b, start - 999, 7, LaneState.SPAWNING); // recorded before the timed start
        Runs.state(b, start + 1, 7, LaneState.RUNNING_WITHOUT_LOCK);
        b.add(start + 3, EventKind.CORE, 8, 0, 0);
        b.add(start + 123_456_789_012L, EventKind.DROP_REQUEST, 8, -1, start - 1);
        Runs.state(b, start + 123_456_789_013L, -1, LaneState.IDLE);
        mode.finish(start + 200_000_000_001L);

        ModeTrace read = TraceReader.read(save(List.of(mode), "far.json")).modes().getFirst();
        LaneBuffer r = read.lanes().getFirst().buffer();
        assertEquals(b.events(b.size()), r.events(r.size()));
    }

    @Test
    void keepsTheCountOfDroppedEvents() throws IOException {
        ModeTrace mode = new ModeTrace("gil-threads", new EventBudget(LaneBuffer.CHUNK_EVENTS));
        mode.start(0);
        LaneBuffer b = mode.addLane("T1").buffer();
        for (int i = 0; i < LaneBuffer.CHUNK_EVENTS + 5; i++) {
            Runs.state(b, i, 0, i % 2 == 0 ? LaneState.RUNNING_WITH_LOCK : LaneState.WAITING_FOR_LOCK);
        }
        mode.finish(LaneBuffer.CHUNK_EVENTS + 10);
        assertEquals(5, mode.droppedEvents());

        ModeTrace read = TraceReader.read(save(List.of(mode), "dropped.json")).modes().getFirst();
        assertEquals(5, read.droppedEvents(), "events the recorder could not keep are still shown");
        assertEquals(LaneBuffer.CHUNK_EVENTS, read.lanes().getFirst().buffer().size());
    }

    @Test
    void readsAFileWhoseHeaderAnEditorMovedBehindTheEvents() throws IOException {
        Path saved = save(Runs.comparison(), "run.json");
        Map<String, Object> json = parse(saved);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("traceEvents", json.get("traceEvents"));
        reordered.put("otherData", json.get("otherData"));
        Path moved = writeJson(reordered, "moved.json");

        SavedRun run = TraceReader.read(moved);
        ModeTrace gil = run.modes().get(1);
        LaneBuffer t2 = gil.lanes().get(1).buffer();
        assertEquals(Runs.gilThreads().lanes().get(1).buffer().events(8), t2.events(t2.size()));
    }

    @Test
    void ignoresWhatAViewerAddedToTheEvents() throws IOException {
        Map<String, Object> json = parse(save(Runs.comparison(), "run.json"));
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) json.get("traceEvents");
        events.add(Map.of("ph", "C", "pid", 2, "tid", 1, "ts", 5, "name", "counter", "args", Map.of("v", 1)));
        events.add(Map.of("ph", "X", "pid", "renderer", "tid", 1, "ts", 5, "dur", 1, "name", "other tool"));
        events.add(Map.of("ph", "X", "pid", 77, "tid", 9, "ts", 5, "dur", 1, "name", "other process"));
        SavedRun run = TraceReader.read(writeJson(json, "annotated.json"));
        assertEquals(10, run.modes().get(1).lanes().getFirst().buffer().size());
    }

    @Test
    void roundTripsThePresentersNotesAndShowsThemToPerfettoAsGlobalInstants() throws IOException {
        List<Note> notes = List.of(new Note(12_500, "gil-threads", "here T2 finally gets the lock"),
                new Note(3_000, "", "everything starts \"at once\""));
        Path file = dir.resolve("notes.json");
        ChromeTraceWriter.write(file, Runs.info().withNotes(notes), Runs.comparison());

        SavedRun run = TraceReader.read(file);
        assertEquals(List.of(notes.get(1), notes.get(0)), run.info().notes(), "in time order, text and row kept");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) parse(file).get("traceEvents");
        List<Object> instants = events.stream().filter(e -> "note".equals(e.get("cat")))
                .map(e -> List.of(e.get("s"), e.get("name"))).map(Object.class::cast).toList();
        assertEquals(List.of(List.of("g", "everything starts \"at once\""), List.of("g", "here T2 finally gets the lock")),
                instants, "a timeline viewer draws each note as a line across the trace");
        assertEquals(List.of(), TraceReader.read(save(Runs.comparison(), "plain.json")).info().notes(), "no notes, none read");
    }

    @Test
    void refusesNotesThatAreNoNotes() throws IOException {
        Path file = dir.resolve("notes.json");
        ChromeTraceWriter.write(file, Runs.info().withNotes(List.of(new Note(5, "", "a note"))), Runs.comparison());
        Map<String, Object> json = parse(file);
        Map<String, Object> note = ChromeTraceWriterTest.map(ChromeTraceWriterTest.list(gilscope(json).get("notes")).get(0));
        note.put("text", "x".repeat(Note.MAX_CHARS + 1));
        assertRefused(writeJson(json, "long.json"), "otherData.gilscope.notes[0]", "at most 200 characters");
        note.put("text", "fine");
        note.put("atNanos", -4);
        assertRefused(writeJson(json, "early.json"), "otherData.gilscope.notes[0].atNanos is -4, outside 0");
    }

    // ---- what is refused ----

    @Test
    void refusesTextThatIsNotJson() throws IOException {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "these are my notes, not a trace\n");
        assertRefused(file, "notes.json is not valid JSON", "line 1");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        Path saved = save(Runs.comparison(), "run.json");
        byte[] bytes = Files.readAllBytes(saved);
        Path cut = dir.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertRefused(cut, "cut.json ends in the middle of the JSON", "cut short");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "");
        assertRefused(file, "empty.json is empty", "gilscope opens");
    }

    @Test
    void refusesAChromeTraceFromAnotherTool() throws IOException {
        Path file = dir.resolve("chrome.json");
        Files.writeString(file, """
                {"traceEvents":[{"ph":"X","pid":1,"tid":1,"ts":0,"dur":5,"name":"work"}],
                 "otherData":{"version":"My Application v1.0"}}""");
        assertRefused(file, "chrome.json has no otherData.gilscope section", "not saved by gilscope");

        Path array = dir.resolve("array.json");
        Files.writeString(array, "[{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":5,\"name\":\"work\"}]");
        assertRefused(array, "array.json is a bare array of trace events", "otherData.gilscope");
    }

    @Test
    void refusesAnotherFormatVersion() throws IOException {
        Map<String, Object> json = parse(save(Runs.comparison(), "run.json"));
        gilscope(json).put("formatVersion", 2);
        assertRefused(writeJson(json, "v2.json"), "v2.json is in gilscope trace format version 2",
                "reads format version 1 only");

        gilscope(json).remove("formatVersion");
        assertRefused(writeJson(json, "none.json"), "none.json has no otherData.gilscope.formatVersion", "version 1");
    }

    @Test
    void refusesAFileOver512MiB() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(TraceReader.MAX_FILE_BYTES + 1); // sparse: no disk space used
        }
        assertRefused(file, "huge.json is larger than 512 MiB", "at most 512 MiB");
    }

    @Test
    void refusesEventsThatDoNotFitTheHeader() throws IOException {
        Map<String, Object> json = parse(save(Runs.comparison(), "run.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) json.get("traceEvents");

        List<Map<String, Object>> missing = new ArrayList<>(events);
        missing.removeIf(e -> "TASK_END".equals(e.get("cat")) && ((Number) e.get("pid")).intValue() == 1);
        assertRefused(writeJson(with(json, missing), "missing.json"),
                "lane 'T1' of mode 'sequential' declares 5 events and the file holds 4", "changed or damaged");

        assertRefused(writeJson(with(json, edited(events, "holding lock", "cat", "HOLDING")), "state.json"),
                "has cat 'HOLDING', which is no state", "RUNNING_WITH_LOCK");
        assertRefused(writeJson(with(json, edited(events, "holding lock", "ts", "soon")), "ts.json"),
                "has a ts that is not a number", "line ");
        assertRefused(writeJson(with(json, edited(events, "holding lock", "tid", 9)), "tid.json"),
                "is on tid 9 of mode 'sequential', which has lanes with tid 1 to 1", "changed or damaged");
    }

    @Test
    void refusesLaneKindsThatDoNotFitTheEvents() throws IOException {
        Map<String, Object> json = parse(save(Runs.withProcesses(), "run.json"));
        Map<String, Object> p2 = ChromeTraceWriterTest.map(ChromeTraceWriterTest.list(ChromeTraceWriterTest.map(
                ChromeTraceWriterTest.list(gilscope(json).get("modes")).get(2)).get("lanes")).get(2));

        p2.put("kind", "FIBER");
        assertRefused(writeJson(json, "kind.json"), "otherData.gilscope.modes[2].lanes[2].kind is 'FIBER'",
                "[THREAD, PROCESS]", "changed or damaged");
        p2.put("kind", "PROCESS");
        p2.put("pid", 3);
        assertRefused(writeJson(json, "pid.json"), "otherData.gilscope.modes[2].lanes[2].pid is 3, outside 30003");
        p2.put("pid", 30003);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) json.get("traceEvents");
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Map<String, Object> e : events) {
            Map<String, Object> copy = new LinkedHashMap<>(e);
            if (((Number) e.get("pid")).intValue() == 30003) copy.put("pid", 3); // back under the mode, as a thread
            moved.add(copy);
        }
        assertRefused(writeJson(with(json, moved), "moved.json"),
                "is on tid 3 of mode 'processes', but lane 'P2' is a process of its own with pid 30003");
        List<Map<String, Object>> wrongTid = new ArrayList<>(events);
        for (int i = 0; i < wrongTid.size(); i++) {
            if (((Number) wrongTid.get(i).get("pid")).intValue() == 30002 && "X".equals(wrongTid.get(i).get("ph"))) {
                Map<String, Object> changed = new LinkedHashMap<>(wrongTid.get(i));
                changed.put("tid", 1);
                wrongTid.set(i, changed);
                break;
            }
        }
        assertRefused(writeJson(with(json, wrongTid), "tid.json"),
                "is on tid 1 of pid 30002, the process of lane 'P1' of mode 'processes', whose worker is tid 2");
        assertEquals(List.of(Lane.Kind.THREAD, Lane.Kind.PROCESS, Lane.Kind.PROCESS),
                TraceReader.read(writeJson(json, "fine.json")).modes().get(2).lanes().stream().map(Lane::kind).toList(),
                "the untouched file reads");
    }

    @Test
    void refusesAHeaderWithoutItsModes() throws IOException {
        Map<String, Object> json = parse(save(Runs.comparison(), "run.json"));
        gilscope(json).remove("modes");
        assertRefused(writeJson(json, "nomodes.json"), "otherData.gilscope has no modes", "changed or damaged");
    }

    // ---- helpers ----

    private static void assertRefused(Path file, String... expected) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (String part : expected) assertTrue(message.contains(part), "'" + part + "' in: " + message);
        assertTrue(message.contains("gilscope"), "says what is accepted: " + message);
    }

    private static List<List<Long>> segments(ModeTrace mode, int lane) {
        ModeTrace.Snapshot s = mode.snapshot();
        List<List<Long>> found = new ArrayList<>();
        Segments.forEach(s.lanes().get(lane).buffer(), s.eventCount(lane), s.untilNanos(),
                (state, start, end, core) -> found.add(List.of((long) state.ordinal(), start, end, (long) core)));
        return found;
    }

    private Path save(List<ModeTrace> modes, String name) throws IOException {
        Path file = dir.resolve(name);
        ChromeTraceWriter.write(file, Runs.info(), modes);
        return file;
    }

    private static Map<String, Object> parse(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.nextToken();
            return ChromeTraceWriterTest.map(JsonValues.read(p));
        }
    }

    private Path writeJson(Map<String, Object> json, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            JsonValues.write(g, json);
        }
        return file;
    }

    private static Map<String, Object> gilscope(Map<String, Object> json) {
        return ChromeTraceWriterTest.map(ChromeTraceWriterTest.map(json.get("otherData")).get("gilscope"));
    }

    private static Map<String, Object> with(Map<String, Object> json, List<Map<String, Object>> events) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put("traceEvents", events);
        return copy;
    }

    /** The events with the first one named {@code name} changed. */
    private static List<Map<String, Object>> edited(List<Map<String, Object>> events, String name, String key,
                                                    Object value) {
        List<Map<String, Object>> copy = new ArrayList<>(events);
        for (int i = 0; i < copy.size(); i++) {
            if (name.equals(copy.get(i).get("name"))) {
                Map<String, Object> changed = new LinkedHashMap<>(copy.get(i));
                changed.put(key, value);
                copy.set(i, changed);
                break;
            }
        }
        return copy;
    }
}
