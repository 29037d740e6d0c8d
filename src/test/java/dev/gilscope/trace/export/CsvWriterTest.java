package dev.gilscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.trace.EventBudget;
import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV as a spreadsheet or pandas will read it. */
class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void hasTheHeaderAndOneRowPerSegmentAndPerInstant() throws IOException {
        List<ModeTrace> modes = Runs.comparison();
        List<List<String>> rows = parse(write(modes));

        assertEquals(List.of("mode", "lane", "kind", "state", "start_us", "end_us", "duration_us", "core", "detail"),
                rows.getFirst());
        int events = 0;
        for (ModeTrace mode : modes) for (Lane lane : mode.lanes()) events += lane.buffer().size();
        assertEquals(events, rows.size() - 1, "every recorded event is one row: a segment or an instant");
        assertEquals(5, rows.stream().filter(r -> r.get(0).equals("sequential")).count());
    }

    @Test
    void segmentsAndInstantsCarryTimesFromTheModeStartCoresAndDetails() throws IOException {
        List<List<String>> rows = parse(write(Runs.comparison()));

        assertTrue(rows.contains(List.of("sequential", "T1", "segment", "RUNNING_WITH_LOCK", "2.345", "30.001", "27.656",
                "3", "")));
        // the second mode ran 900 ms later on the same clock, yet starts at 0
        assertTrue(rows.contains(List.of("gil-threads", "T1", "segment", "SPAWNING", "0.05", "1.001", "0.951", "0", "")));
        assertTrue(rows.contains(List.of("gil-threads", "T2", "handoff", "WAITING_FOR_LOCK", "20.6", "", "", "2",
                "from=T1 latency_us=0.777")));
        assertTrue(rows.contains(List.of("gil-threads", "T2", "drop_request", "WAITING_FOR_LOCK", "12.5", "", "", "2",
                "holder=T1 wait_started_us=2.5")));
        assertTrue(rows.contains(List.of("gil-threads", "I/O", "handoff", "IO_WAIT", "25", "", "", "3", "from=T2")));
        assertTrue(rows.contains(List.of("gil-threads", "I/O", "lost_update", "RUNNING_WITH_LOCK", "25.02", "", "", "3",
                "count=3")));
        assertTrue(rows.contains(List.of("gil-threads", "T2", "task_end", "RUNNING_WITH_LOCK", "39", "", "", "2", "task=1")));
        assertTrue(rows.contains(List.of("gil-threads", "T1", "core", "RUNNING_WITH_LOCK", "8", "", "", "1", "")));
        assertTrue(rows.contains(List.of("gil-threads", "I/O", "segment", "SPAWNING", "0.6", "3", "2.4", "", "")),
                "an unknown core is an empty cell");
    }

    @Test
    void quotesNamesWithCommasAndQuotesAsRfc4180Wants() throws IOException {
        ModeTrace mode = new ModeTrace("free-threads", new EventBudget(1 << 14));
        mode.start(1_000);
        Lane odd = mode.addLane("worker, \"fast\"");
        Lane other = mode.addLane("T2");
        Runs.state(odd.buffer(), 1_000, 0, LaneState.RUNNING_WITHOUT_LOCK);
        Runs.state(other.buffer(), 1_500, 1, LaneState.WAITING_FOR_LOCK);
        other.buffer().add(2_000, EventKind.HANDOFF, 1, 0, 250);
        mode.finish(3_000);

        String csv = write(List.of(mode));
        assertTrue(csv.contains("\r\nfree-threads,\"worker, \"\"fast\"\"\",segment,RUNNING_WITHOUT_LOCK,0,2,2,0,\r\n"), csv);
        List<List<String>> rows = parse(csv);
        assertEquals("worker, \"fast\"", rows.get(1).get(1));
        assertEquals(9, rows.get(1).size());
        assertEquals("from=worker, \"fast\" latency_us=0.25", rows.get(3).get(8));
    }

    @Test
    void writesAFile() throws IOException {
        Path file = dir.resolve("run.csv");
        CsvWriter.write(file, Runs.comparison());
        assertTrue(Files.readString(file).startsWith(CsvWriter.HEADER + "\r\n"));
    }

    @Test
    void aLaneWithNoEventsGivesNoRows() throws IOException {
        ModeTrace mode = new ModeTrace("gil-threads", new EventBudget(1 << 14));
        mode.start(0);
        LaneBuffer unused = mode.addLane("T1").buffer();
        mode.finish(10);
        assertEquals(0, unused.size());
        assertEquals(CsvWriter.HEADER + "\r\n", write(List.of(mode)));
    }

    private static String write(List<ModeTrace> modes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, modes);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote inside an unquoted field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "records end with CRLF");
                i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                assertTrue(c != '\n', "a bare LF");
                field.append(c);
            }
        }
        assertEquals(0, field.length() + row.size(), "the last record ends with CRLF");
        return rows;
    }
}
