package dev.gilscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.workload.Outcome;
import java.io.IOException;
import java.io.OutputStream;

/** The comparison as one JSON object, for scripts: fields that do not apply to a mode are null. */
final class JsonReport {

    private JsonReport() {}

    static void write(ComparisonResult comparison, int cores, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("workload", comparison.workload().name());
            g.writeNumberField("cores", cores);
            g.writeObjectFieldStart("parameters");
            g.writeNumberField("tasks", comparison.params().tasks());
            g.writeNumberField("size", comparison.params().size());
            g.writeNumberField("chunkSize", comparison.params().chunkSize());
            g.writeNumberField("workers", comparison.settings().workers());
            g.writeStringField("gil", comparison.settings().lock().algorithm().name().toLowerCase());
            g.writeNumberField("switchIntervalMs", comparison.settings().lock().intervalNanos() / 1e6);
            g.writeBooleanField("forcedSwitching", comparison.settings().lock().forcedSwitching());
            g.writeNumberField("legacyTicks", comparison.settings().lock().legacyTicks());
            g.writeStringField("checkpoints", comparison.settings().lock().checkpoints().name().toLowerCase().replace('_', '-'));
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (ModeResult r : comparison.modes()) writeResult(g, comparison, r);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeResult(JsonGenerator g, ComparisonResult comparison, ModeResult r) throws IOException {
        Outcome o = r.outcome();
        g.writeStartObject();
        g.writeStringField("mode", r.mode().cliName());
        g.writeNumberField("wallSeconds", r.wallSeconds());
        g.writeNumberField("cpuSeconds", r.cpuSeconds());
        Double speedup = comparison.speedup(r);
        if (speedup == null) g.writeNullField("speedup"); else g.writeNumberField("speedup", speedup);
        g.writeBooleanField("resultOk", r.resultOk());
        g.writeStringField("answer", o == null ? null : o.answer());
        g.writeStringField("failure", r.failure());
        if (r.lockEnabled()) {
            g.writeNumberField("handoffs", r.lock().counters().handoffs());
            g.writeNumberField("dropRequests", r.lock().counters().dropRequests());
            g.writeNumberField("forcedSwitches", r.lock().counters().forcedSwitches());
            g.writeNumberField("lockWaitFraction", r.lock().lockWaitFraction());
        } else {
            g.writeNullField("handoffs");
            g.writeNullField("dropRequests");
            g.writeNullField("forcedSwitches");
            g.writeNullField("lockWaitFraction");
        }
        if (o == null || o.lostUpdates() == null) g.writeNullField("lostUpdates");
        else g.writeNumberField("lostUpdates", o.lostUpdates());
        if (o == null || o.ioLatency() == null) {
            g.writeNullField("ioLatencyMillis");
        } else {
            g.writeObjectFieldStart("ioLatencyMillis");
            g.writeNumberField("p50", o.ioLatency().p50Millis());
            g.writeNumberField("p90", o.ioLatency().p90Millis());
            g.writeNumberField("p99", o.ioLatency().p99Millis());
            g.writeNumberField("samples", o.ioLatency().samples());
            g.writeEndObject();
        }
        g.writeNumberField("droppedEvents", r.droppedEvents());
        g.writeEndObject();
    }
}
