package dev.gilscope.trace.export;

import dev.gilscope.trace.EventKind;
import dev.gilscope.trace.Lane;
import dev.gilscope.trace.LaneBuffer;
import dev.gilscope.trace.LaneState;
import dev.gilscope.trace.ModeTrace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Saves runs as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break; UTF-8), one row per state segment and per instant, for spreadsheets and
 * pandas.
 *
 * <p>Columns: {@value #HEADER}.
 * <ul>
 *   <li>{@code lane}: the lane's name; whether it is a thread or a worker process of its own is not a
 *       column (the JSON's header has it as the lane's {@code kind});</li>
 *   <li>{@code kind}: {@code segment}, or the event kind in lower case ({@code handoff},
 *       {@code drop_request}, {@code core}, …);</li>
 *   <li>{@code state}: the segment's state, or the lane's state at the instant (empty before its first);</li>
 *   <li>times in microseconds from the mode's start, exact to the nanosecond; {@code end_us} and
 *       {@code duration_us} are empty for instants;</li>
 *   <li>{@code core}: empty when unknown;</li>
 *   <li>{@code detail}: {@code from=T1 latency_us=12.3}, {@code holder=T2 wait_started_us=50},
 *       {@code task=4}, {@code count=3}.</li>
 * </ul>
 * Rows come per mode, per lane, in the order the lane recorded them.
 */
public final class CsvWriter {

    public static final String HEADER = "mode,lane,kind,state,start_us,end_us,duration_us,core,detail";

    private static final String EOL = "\r\n";

    private CsvWriter() {}

    /** Writes {@code modes} to {@code file}; replaces it only once complete. */
    public static void write(Path file, List<ModeTrace> modes) throws IOException {
        AtomicFile.write(file, out -> write(out, modes));
    }

    /** Writes to {@code out} as UTF-8 and flushes it; the stream is left open. */
    public static void write(OutputStream out, List<ModeTrace> modes) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        csv.write(HEADER);
        csv.write(EOL);
        for (ModeTrace mode : modes) writeMode(csv, mode.snapshot());
        csv.flush();
    }

    private static void writeMode(Writer csv, ModeTrace.Snapshot snapshot) throws IOException {
        String mode = quote(snapshot.trace().mode());
        long zero = snapshot.trace().startNanos();
        List<Lane> lanes = snapshot.lanes();
        for (int l = 0; l < lanes.size(); l++) {
            LaneBuffer buffer = lanes.get(l).buffer();
            String lane = quote(lanes.get(l).name());
            LaneWalk.forEach(buffer, snapshot.eventCount(l), snapshot.untilNanos(), new LaneWalk.Visitor() {
                @Override
                public void segment(int index, LaneState state, long start, long end, int core) throws IOException {
                    row(csv, mode, lane, "segment", state, start - zero, Micros.format(end - zero),
                            Micros.format(end - start), core, "");
                }

                @Override
                public void instant(int index, LaneState state) throws IOException {
                    EventKind kind = buffer.kind(index);
                    row(csv, mode, lane, kind.name().toLowerCase(Locale.ROOT), state, buffer.timeNanos(index) - zero,
                            "", "", buffer.core(index), detail(buffer, index, lanes, zero));
                }
            });
        }
    }

    private static void row(Writer csv, String mode, String lane, String kind, LaneState state, long startNanos,
                            String end, String duration, int core, String detail) throws IOException {
        csv.write(mode);
        csv.write(',');
        csv.write(lane);
        csv.write(',');
        csv.write(kind);
        csv.write(',');
        if (state != null) csv.write(state.name());
        csv.write(',');
        csv.write(Micros.format(startNanos));
        csv.write(',');
        csv.write(end);
        csv.write(',');
        csv.write(duration);
        csv.write(',');
        if (core >= 0) csv.write(Integer.toString(core));
        csv.write(',');
        csv.write(quote(detail));
        csv.write(EOL);
    }

    private static String detail(LaneBuffer buffer, int i, List<Lane> lanes, long zero) {
        return switch (buffer.kind(i)) {
            case DROP_REQUEST -> "holder=" + TraceFormat.laneName(lanes, buffer.aux(i))
                    + " wait_started_us=" + Micros.format(buffer.arg(i) - zero);
            case HANDOFF -> "from=" + TraceFormat.laneName(lanes, buffer.aux(i))
                    + (buffer.arg(i) >= 0 ? " latency_us=" + Micros.format(buffer.arg(i)) : "");
            case TASK_START, TASK_END -> "task=" + buffer.arg(i);
            case LOST_UPDATE -> "count=" + buffer.arg(i);
            case STATE, CORE, FORCED_SWITCH -> "";
        };
    }

    /** A field as RFC 4180 wants it: in double quotes, inner quotes doubled, when it holds , " CR or LF. */
    static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
