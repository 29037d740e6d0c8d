package dev.gilscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chrome trace as Perfetto and chrome://tracing will show it. */
class ChromeTraceWriterTest {

    private static final double EPS_US = 0.001;

    @TempDir
    Path dir;

    @Test
    void parsesAsJsonWithOneProcessPerModeAndOneThreadPerLane() throws IOException {
        Map<String, Object> trace = writeAndParse(Runs.comparison());

        assertEquals("ms", trace.get("displayTimeUnit"));
        assertEquals("sequential", metadata(trace, 1, -1, "process_name"));
        assertEquals("gil-threads", metadata(trace, 2, -1, "process_name"));
        assertEquals("T1", metadata(trace, 1, 1, "thread_name"));
        assertEquals("T1", metadata(trace, 2, 1, "thread_name"));
        assertEquals("T2", metadata(trace, 2, 2, "thread_name"));
        assertEquals("I/O", metadata(trace, 2, 3, "thread_name"));
        assertNull(metadata(trace, 3, -1, "process_name"), "only two modes were written");
        assertEquals(2L, count(trace, e -> "process_name".equals(e.get("name")) && (long) e.get("pid") < 1000));
    }

    @Test
    void otherDataDescribesTheRun() throws IOException {
        Map<String, Object> gilscope = map(map(writeAndParse(Runs.comparison()).get("otherData")).get("gilscope"));
        assertEquals(1L, gilscope.get("formatVersion"));
        assertEquals("count-primes", gilscope.get("workload"));
        assertEquals(Map.of("workers", "2", "interval", "5 ms"), gilscope.get("parameters"));
        assertEquals(8L, gilscope.get("cores"));
        Map<String, Object> gil = map(list(gilscope.get("modes")).get(1));
        assertEquals("gil-threads", gil.get("name"));
        assertEquals(Runs.T1, gil.get("startNanos"));
        assertEquals(Runs.T1 + 50_000, gil.get("endNanos"));
        Map<String, Object> t2 = map(list(gil.get("lanes")).get(1));
        assertEquals("T2", t2.get("name"));
        assertEquals(5001L, t2.get("nativeThreadId"));
        assertEquals(12_346L, t2.get("cpuNanos"));
        assertEquals(1L, t2.get("tasks"));
        assertEquals(5_001L, map(t2.get("nanosByState")).get("WAITING_FOR_LOCK"));
        assertEquals(0.62, map(gil.get("summary")).get("speedup"));
    }

    @Test
    void stateSlicesAreBackToBackFromTheFirstEventToTheModeEnd() throws IOException {
        Map<String, Object> trace = writeAndParse(Runs.comparison());
        List<ModeTrace> modes = Runs.comparison();
        for (int m = 0; m < modes.size(); m++) {
            ModeTrace mode = modes.get(m);
            double endUs = (mode.endNanos() - mode.startNanos()) / 1000.0;
            for (Lane lane : mode.lanes()) {
                long pid = m + 1;
                long tid = lane.index() + 1;
                List<Map<String, Object>> slices = events(trace, e -> "X".equals(e.get("ph"))
                        && (long) e.get("pid") == pid && tid(e) == tid);
                slices.sort(Comparator.comparingDouble(ChromeTraceWriterTest::ts));
                assertFalse(slices.isEmpty(), lane.name());
                double firstUs = (lane.buffer().timeNanos(0) - mode.startNanos()) / 1000.0;
                assertEquals(firstUs, ts(slices.getFirst()), EPS_US, "first slice of " + lane.name());
                for (int i = 0; i + 1 < slices.size(); i++) {
                    assertEquals(ts(slices.get(i + 1)), ts(slices.get(i)) + dur(slices.get(i)), EPS_US,
                            "gap or overlap after slice " + i + " of " + mode.mode() + "/" + lane.name());
                }
                Map<String, Object> last = slices.getLast();
                assertEquals(endUs, ts(last) + dur(last), EPS_US, "last slice of " + lane.name() + " ends with the mode");
            }
        }
    }

    @Test
    void slicesCarryTheStateLabelAndCoreInMicrosecondsFromTheModeStart() throws IOException {
        Map<String, Object> trace = writeAndParse(Runs.comparison());
        List<Map<String, Object>> t1 = events(trace, e -> "X".equals(e.get("ph")) && (long) e.get("pid") == 2
                && tid(e) == 1);
        Map<String, Object> holding = t1.get(1);
        assertEquals("holding lock", holding.get("name"));
        assertEquals("RUNNING_WITH_LOCK", holding.get("cat"));
        assertEquals(1.001, ts(holding), 1e-9, "ns precision kept as decimals");
        assertEquals(20_400 - 1_001, Math.round(dur(holding) * 1000));
        assertEquals(0L, map(holding.get("args")).get("core"));
        // the sequential mode ran earlier on the same clock but starts at 0 too
        Map<String, Object> spawning = events(trace, e -> "X".equals(e.get("ph")) && (long) e.get("pid") == 1).getFirst();
        assertEquals(0.1, ts(spawning), 1e-9);
    }

    @Test
    void handOffAndDropRequestInstantsNameTheOtherLane() throws IOException {
        Map<String, Object> trace = writeAndParse(Runs.comparison());
        Map<String, Object> handoff = events(trace, e -> "i".equals(e.get("ph")) && "HANDOFF".equals(e.get("cat"))
                && (long) e.get("pid") == 2 && tid(e) == 2).getFirst();
        assertEquals("t", handoff.get("s"));
        assertEquals("hand-off", handoff.get("name"));
        assertEquals(20.6, ts(handoff), 1e-9);
        Map<String, Object> args = map(handoff.get("args"));
        assertEquals("T1", args.get("from"));
        assertEquals(0.777, ((Number) args.get("latencyUs")).doubleValue(), 1e-9);

        Map<String, Object> unknownLatency = events(trace, e -> "HANDOFF".equals(e.get("cat"))
                && tid(e) == 3).getFirst();
        assertEquals("T2", map(unknownLatency.get("args")).get("from"));
        assertFalse(map(unknownLatency.get("args")).containsKey("latencyUs"), "unknown latency is left out");

        Map<String, Object> drop = events(trace, e -> "DROP_REQUEST".equals(e.get("cat"))).getFirst();
        assertEquals("T1", map(drop.get("args")).get("holder"));
        assertEquals(2.5, ((Number) map(drop.get("args")).get("waitStartedUs")).doubleValue(), 1e-9);
        assertEquals(3L, map(events(trace, e -> "LOST_UPDATE".equals(e.get("cat"))).getFirst().get("args")).get("count"));
        assertEquals(1L, map(events(trace, e -> "TASK_END".equals(e.get("cat")) && tid(e) == 2)
                .getFirst().get("args")).get("task"));
        assertEquals(1, count(trace, e -> "FORCED_SWITCH".equals(e.get("cat"))));
    }

    @Test
    void cpuCoresProcessShowsWhichLaneWasWhereAndLeavesSleepingWaitersOff() throws IOException {
        Map<String, Object> trace = writeAndParse(Runs.comparison());
        assertEquals("gil-threads · CPU cores", metadata(trace, 1002, -1, "process_name"));
        assertEquals("core 2", metadata(trace, 1002, 3, "thread_name"));

        List<Map<String, Object>> core2 = events(trace, e -> "X".equals(e.get("ph")) && (long) e.get("pid") == 1002
                && tid(e) == 3);
        assertEquals(List.of("T2"), core2.stream().map(e -> e.get("name")).toList(),
                "T2 waited for the lock asleep from 2.5 to 20.65 µs: the core was free then");
        assertEquals(20.65, ts(core2.getFirst()), 1e-9);

        // T1 migrated from core 0 to core 1 while holding the lock (a CORE event, no state change)
        List<Map<String, Object>> core0 = events(trace, e -> (long) e.get("pid") == 1002 && tid(e) == 1
                && "X".equals(e.get("ph")));
        assertEquals(1, core0.size());
        assertEquals("T1", core0.getFirst().get("name"));
        assertEquals(8.0, ts(core0.getFirst()) + dur(core0.getFirst()), 1e-9);
        List<Map<String, Object>> core1 = events(trace, e -> (long) e.get("pid") == 1002 && tid(e) == 2
                && "X".equals(e.get("ph")));
        assertEquals(List.of("T1", "T1"), core1.stream().map(e -> e.get("name")).toList(),
                "T1 leaves the core while it waits for the lock, and comes back");

        // waiting, idle, spawning, I/O wait and unknown cores use no core
        assertEquals(0, count(trace, e -> (long) e.get("pid") > 1000 && "X".equals(e.get("ph"))
                && !List.of("RUNNING_WITH_LOCK", "RUNNING_WITHOUT_LOCK", "SERIALIZING", "DESERIALIZING")
                        .contains(map(e.get("args")).get("state"))));
        // CORE events are not instants of the cores process
        assertEquals(0, count(trace, e -> (long) e.get("pid") > 1000 && "i".equals(e.get("ph"))));
    }

    @Test
    void eachProcessLaneIsAProcessOfItsOwnSortedRightUnderItsMode() throws IOException {
        ModeTrace processes = Runs.processes();
        Map<String, Object> trace = writeAndParse(List.of(Runs.sequential(), processes)); // processes: pid 2

        // the mode's own process and one per worker process; nothing else outside the "CPU cores"
        Map<Long, Object> names = new java.util.TreeMap<>();
        for (Map<String, Object> e : events(trace, e -> "process_name".equals(e.get("name")))) {
            names.put((long) e.get("pid"), map(e.get("args")).get("name"));
        }
        assertEquals(Map.of(1L, "sequential", 1001L, "sequential · CPU cores",
                2L, "processes", 20002L, "processes · P1 (pid 31001)", 20003L, "processes · P2 (pid 31002)",
                1002L, "processes · CPU cores"), names);

        // the thread lane stays a thread of the mode's process; each worker is the one thread of its own
        assertEquals("main", metadata(trace, 2, 1, "thread_name"));
        assertNull(metadata(trace, 2, 2, "thread_name"));
        assertNull(metadata(trace, 2, 3, "thread_name"));
        assertEquals("P1", metadata(trace, 20002, 2, "thread_name"));
        assertEquals("P2", metadata(trace, 20003, 3, "thread_name"));
        assertEquals(Set.of(List.of(2L, 1L), List.of(20002L, 2L), List.of(20003L, 3L)),
                events(trace, e -> List.of("X", "i").contains(e.get("ph"))
                        && ((long) e.get("pid") == 2 || (long) e.get("pid") > 10_000))
                        .stream().map(e -> List.of((long) e.get("pid"), tid(e))).collect(Collectors.toSet()),
                "every event of the mode on its lane's (pid, tid)");
        for (Lane lane : processes.lanes()) {
            long pid = lane.kind() == Lane.Kind.PROCESS ? 20001L + lane.index() : 2;
            assertEquals(lane.buffer().size(), count(trace, e -> List.of("X", "i").contains(e.get("ph"))
                    && (long) e.get("pid") == pid && tid(e) == lane.index() + 1), "events of " + lane.name());
        }
        Map<String, Object> taskEnd = events(trace, e -> "TASK_END".equals(e.get("cat"))
                && (long) e.get("pid") == 20003).getFirst();
        assertEquals(57.0, ts(taskEnd), 1e-9, "times from the mode's start, as for threads");
        assertEquals(1L, map(taskEnd.get("args")).get("task"));

        // sorted: each mode, its worker processes, its "CPU cores"; then the next mode
        List<Long> order = List.of(1L, 1001L, 2L, 20002L, 20003L, 1002L);
        for (int i = 0; i + 1 < order.size(); i++) {
            assertTrue(sortIndex(trace, order.get(i)) < sortIndex(trace, order.get(i + 1)),
                    "pid " + order.get(i) + " above pid " + order.get(i + 1));
        }

        // the "CPU cores" of the mode show the worker processes too
        assertEquals(List.of("P1 (deserializing)", "P1"), events(trace, e -> "X".equals(e.get("ph"))
                && (long) e.get("pid") == 1002 && tid(e) == 3).stream().map(e -> e.get("name")).toList(),
                "unpickling its tasks keeps a worker's core busy too");
        assertEquals(List.of("P1", "P1 (serializing)"), events(trace, e -> "X".equals(e.get("ph"))
                && (long) e.get("pid") == 1002 && tid(e) == 4).stream().map(e -> e.get("name")).toList(),
                "after it moved to core 3");
        assertEquals(List.of("P2 (deserializing)", "P2"), events(trace, e -> "X".equals(e.get("ph"))
                && (long) e.get("pid") == 1002 && tid(e) == 5).stream().map(e -> e.get("name")).toList());

        // the header says which lane is which, and where its events are
        Map<String, Object> mode = map(list(map(map(trace.get("otherData")).get("gilscope")).get("modes")).get(1));
        List<Map<String, Object>> lanes = list(mode.get("lanes")).stream().map(ChromeTraceWriterTest::map).toList();
        assertEquals(List.of("THREAD", "PROCESS", "PROCESS"), lanes.stream().map(l -> l.get("kind")).toList());
        assertEquals(List.of(2L, 20002L, 20003L), lanes.stream().map(l -> l.get("pid")).toList());
        assertEquals(List.of(1L, 2L, 3L), lanes.stream().map(l -> l.get("tid")).toList());
        assertEquals(Runs.OS_PID_P2, lanes.get(2).get("nativeThreadId"));

        assertPerfettoRules(trace);
    }

    @Test
    void aWorkerProcessWhosePidIsUnknownIsNamedWithoutIt() throws IOException {
        ModeTrace mode = new ModeTrace("processes", new EventBudget(1 << 14));
        mode.start(0);
        Runs.state(mode.addLane("P1", Lane.Kind.PROCESS).buffer(), 5, 0, LaneState.SPAWNING); // never started
        mode.finish(10);
        Map<String, Object> trace = writeAndParse(List.of(mode));
        assertEquals("processes", metadata(trace, 1, -1, "process_name"));
        assertEquals("processes · P1", metadata(trace, 10_001, -1, "process_name"));
        assertEquals("P1", metadata(trace, 10_001, 1, "thread_name"));
        assertEquals(1, count(trace, e -> "X".equals(e.get("ph")) && (long) e.get("pid") == 10_001 && tid(e) == 1));
        assertPerfettoRules(trace);
    }

    @Test
    void lanesClaimingOneCoreAtOnceNeverOverlapOnItsTrack() throws IOException {
        ModeTrace mode = new ModeTrace("free-threads", new EventBudget(1 << 16));
        mode.start(0);
        LaneBuffer a = mode.addLane("T1").buffer();
        LaneBuffer b = mode.addLane("T2").buffer();
        LaneBuffer c = mode.addLane("T3").buffer();
        Runs.state(a, 0, 5, LaneState.RUNNING_WITHOUT_LOCK);   // T1 on core 5 from 0 (stale after 40)
        Runs.state(b, 40, 5, LaneState.RUNNING_WITHOUT_LOCK);  // T2 seen on core 5 at 40
        Runs.state(c, 50, 5, LaneState.WAITING_FOR_LOCK);      // a waiter sleeps: it takes no core
        b.add(70, EventKind.CORE, 6, 0, 0);                    // T2 moves on
        Runs.state(a, 100, 5, LaneState.IDLE);
        mode.finish(120);

        Map<String, Object> trace = writeAndParse(List.of(mode));
        List<Map<String, Object>> core5 = events(trace, e -> "X".equals(e.get("ph")) && (long) e.get("pid") == 1001
                && tid(e) == 6);
        assertEquals(List.of("T1", "T2"), core5.stream().map(e -> e.get("name")).toList());
        assertEquals(0.040, ts(core5.get(0)) + dur(core5.get(0)), 1e-9, "the newer observation wins");
        assertEquals(0.070, ts(core5.get(1)) + dur(core5.get(1)), 1e-9);
        assertPerfettoNesting(trace);
    }

    @Test
    void everyTrackNestsAsPerfettoRequires() throws IOException {
        assertPerfettoRules(writeAndParse(Runs.withProcesses()));
    }

    @Test
    void writesAFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "old content that is much longer than nothing at all");
        ChromeTraceWriter.write(file, Runs.info(), Runs.comparison());
        try (var in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            assertTrue(map(JsonValues.read(p)).containsKey("traceEvents"));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void streamsAMillionEventsWithoutHoldingThemInMemory() throws IOException {
        ModeTrace mode = new ModeTrace("gil-threads", new EventBudget(2L << 20));
        mode.start(0);
        LaneBuffer[] lanes = {mode.addLane("T1").buffer(), mode.addLane("T2").buffer()};
        for (int i = 0; i < 500_000; i++) {
            for (int l = 0; l < 2; l++) {
                boolean holds = (i + l) % 2 == 0;
                if (i % 5 == 4) {
                    lanes[l].add(i * 1_000L + 10, EventKind.CORE, i % 8, 0, 0);
                } else {
                    Runs.state(lanes[l], i * 1_000L + l, l, holds ? LaneState.RUNNING_WITH_LOCK : LaneState.WAITING_FOR_LOCK);
                }
            }
        }
        mode.finish(500_000_000L);
        CountingStream out = new CountingStream(); // keeps nothing: the writer must not need the whole file at once
        ChromeTraceWriter.write(out, Runs.info(), List.of(mode));
        assertTrue(out.lines > 1_000_000, "one line per event: " + out.lines);
    }

    // ---- helpers ----

    static Map<String, Object> writeAndParse(List<ModeTrace> modes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceWriter.write(out, Runs.info(), modes);
        try (JsonParser p = new JsonFactory().createParser(out.toByteArray())) {
            p.nextToken();
            Map<String, Object> trace = map(JsonValues.read(p));
            assertNull(p.nextToken(), "one JSON document: " + new String(out.toByteArray(), StandardCharsets.UTF_8));
            return trace;
        }
    }

    /**
     * What Perfetto needs: integer pids and tids, every process and thread that has events named by
     * {@code M} metadata with a sort index, and no overlapping slices on one track.
     */
    static void assertPerfettoRules(Map<String, Object> trace) {
        Set<Long> namedProcesses = new java.util.HashSet<>();
        Set<Long> sortedProcesses = new java.util.HashSet<>();
        Set<List<Long>> namedThreads = new java.util.HashSet<>();
        Set<List<Long>> sortedThreads = new java.util.HashSet<>();
        for (Map<String, Object> e : events(trace, e -> "M".equals(e.get("ph")))) {
            assertTrue(e.get("pid") instanceof Long, "integer pid: " + e);
            assertTrue(e.get("tid") == null || e.get("tid") instanceof Long, "integer tid: " + e);
            long pid = (long) e.get("pid");
            switch ((String) e.get("name")) {
                case "process_name" -> namedProcesses.add(pid);
                case "process_sort_index" -> sortedProcesses.add(pid);
                case "thread_name" -> namedThreads.add(List.of(pid, tid(e)));
                case "thread_sort_index" -> sortedThreads.add(List.of(pid, tid(e)));
                default -> throw new AssertionError("unexpected metadata " + e);
            }
        }
        assertEquals(namedProcesses, sortedProcesses);
        assertEquals(namedThreads, sortedThreads);
        for (Map<String, Object> e : events(trace, e -> !"M".equals(e.get("ph")))) {
            assertTrue(e.get("pid") instanceof Long && e.get("tid") instanceof Long, "integer pid and tid: " + e);
            assertTrue(namedThreads.contains(List.of((long) e.get("pid"), tid(e))), "on a named thread: " + e);
            assertTrue(namedProcesses.contains((long) e.get("pid")), "in a named process: " + e);
        }
        List<Long> sortIndices = events(trace, e -> "process_sort_index".equals(e.get("name")))
                .stream().map(e -> (long) map(e.get("args")).get("sort_index")).toList();
        assertEquals(sortIndices.size(), Set.copyOf(sortIndices).size(), "one sort index per process");
        assertPerfettoNesting(trace);
    }

    static long sortIndex(Map<String, Object> trace, long pid) {
        return events(trace, e -> "process_sort_index".equals(e.get("name")) && (long) e.get("pid") == pid)
                .stream().map(e -> (long) map(e.get("args")).get("sort_index")).findFirst()
                .orElseThrow(() -> new AssertionError("no process_sort_index for pid " + pid));
    }

    /** Perfetto drops X slices of one track that overlap without nesting. */
    static void assertPerfettoNesting(Map<String, Object> trace) {
        Map<List<Long>, List<Map<String, Object>>> tracks = new java.util.HashMap<>();
        for (Map<String, Object> e : events(trace, e -> "X".equals(e.get("ph")))) {
            tracks.computeIfAbsent(List.of((long) e.get("pid"), tid(e)), k -> new ArrayList<>()).add(e);
        }
        tracks.forEach((track, slices) -> {
            slices.sort(Comparator.comparingDouble(ChromeTraceWriterTest::ts));
            for (int i = 0; i + 1 < slices.size(); i++) {
                double end = ts(slices.get(i)) + dur(slices.get(i));
                assertTrue(end <= ts(slices.get(i + 1)) + 1e-9,
                        "slices overlap on track " + track + ": " + slices.get(i) + " and " + slices.get(i + 1));
            }
        });
    }

    static List<Map<String, Object>> events(Map<String, Object> trace, java.util.function.Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object e : list(trace.get("traceEvents"))) if (filter.test(map(e))) found.add(map(e));
        return found;
    }

    static long count(Map<String, Object> trace, java.util.function.Predicate<Map<String, Object>> filter) {
        return events(trace, filter).size();
    }

    static Object metadata(Map<String, Object> trace, long pid, long tid, String name) {
        return events(trace, e -> "M".equals(e.get("ph")) && (long) e.get("pid") == pid
                && tid(e) == tid && name.equals(e.get("name")))
                .stream().map(e -> map(e.get("args")).get("name")).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The event's tid, or -1 for an event about a whole process. */
    static long tid(Map<String, Object> event) {
        Object tid = event.get("tid");
        return tid == null ? -1 : (long) tid;
    }

    static double ts(Map<String, Object> event) {
        return ((Number) event.get("ts")).doubleValue();
    }

    static double dur(Map<String, Object> event) {
        return ((Number) event.get("dur")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') lines++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) if (b[i] == '\n') lines++;
        }
    }
}
