package dev.gilscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved runs as they arrive from the world: a real saved file mutated at random (bytes flipped, cut,
 * doubled, spliced; numbers made huge, negative or fractional; values swapped for null or the wrong
 * type) and plain noise. Reading one either succeeds or ends in our own {@link TraceFormatException}
 * with a message that says what was wrong; never another exception, never the reader's last net
 * ("could not be read"), which would mean a case nobody explained. Seeded, so a failure repeats.
 */
class TraceReaderFuzzTest {

    private static final int CASES = 4_000;

    @TempDir
    Path dir;

    @Test
    void mutatedAndRandomFilesAreReadOrRefusedWithAClearMessage() throws IOException {
        Path original = dir.resolve("run.json");
        ChromeTraceWriter.write(original, Runs.info(), Runs.comparison());
        byte[] valid = Files.readAllBytes(original);
        SplittableRandom random = new SplittableRandom(20261123);
        List<String> unexplained = new ArrayList<>();
        int opened = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 10 == 9 ? noise(random) : Mutations.mutate(valid, random);
            Path file = dir.resolve("case-" + i + ".json");
            Files.write(file, input);
            try {
                TraceReader.read(file);
                opened++;
            } catch (TraceFormatException refused) {
                String message = refused.getMessage();
                if (message == null || message.contains("could not be read (") || !message.startsWith("case-" + i + ".json ")) {
                    unexplained.add("case " + i + ": " + message + "\n  input starts: " + Mutations.preview(input));
                }
            } catch (IOException | RuntimeException | Error other) {
                unexplained.add("case " + i + ": " + other + "\n  input starts: " + Mutations.preview(input));
            }
            Files.delete(file);
        }
        if (!unexplained.isEmpty()) {
            fail(unexplained.size() + " of " + CASES + " inputs were not refused with a clear message:\n"
                    + String.join("\n", unexplained.subList(0, Math.min(8, unexplained.size()))));
        }
        assertTrue(opened > 0, "some mutations leave a readable run (a changed number, a moved field)");
        assertFalse(opened == CASES, "most mutations break the file");
    }

    private static byte[] noise(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 400)];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) random.nextInt(256);
        if (random.nextBoolean()) return ("{\"otherData\":{\"gilscope\":" + new String(bytes, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.UTF_8);
        return bytes;
    }
}
