package dev.gilscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** The comparison as one JSON object, for scripts: fields that do not apply to a mode are null. */
final class JsonReport {

    private JsonReport() {}

    static void write(ComparisonResult comparison, int cores, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("workload", comparison.workload().name());
            g.writeNumberField("cores", cores);
            g.writeFieldName("parameters");
            writeValue(g, ResultFigures.parameters(comparison));
            g.writeArrayFieldStart("results");
            for (ModeResult r : comparison.modes()) writeValue(g, ResultFigures.of(comparison, r));
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
            }
            case List<?> list -> {
                g.writeStartArray();
                for (Object item : list) writeValue(g, item);
                g.writeEndArray();
            }
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            default -> g.writeString(value.toString());
        }
    }
}
