package dev.gilscope.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gilscope.trace.export.Mutations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson files and exercise sets as teachers write them, damaged at random (bytes flipped, lines cut,
 * doubled or moved, values replaced) and plain noise: each one is read, or refused with a
 * {@link LessonFile.FormatException} that names the file; never another exception. Seeded, so a
 * failure repeats.
 */
class TeacherFileFuzzTest {

    private static final int CASES_PER_FILE = 400;

    @TempDir
    Path dir;

    @Test
    void damagedLessonFilesAreReadOrRefusedNamingTheFile() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> unexplained = new ArrayList<>();
        int read = 0;
        for (String id : List.of("L1", "L2", "L4", "L5", "L8", "L9", "L10", "L11")) {
            byte[] valid = resource("/dev/gilscope/scenario/lessons/" + id + ".lesson");
            for (int i = 0; i < CASES_PER_FILE; i++) {
                byte[] input = i % 10 == 9 ? noise(random) : Mutations.mutate(valid, random);
                String source = id + "-case-" + i + ".lesson";
                try {
                    LessonFile.parse(source, new String(input, StandardCharsets.UTF_8));
                    read++;
                } catch (LessonFile.FormatException refused) {
                    if (!refused.getMessage().startsWith(source)) unexplained.add(source + ": " + refused.getMessage());
                } catch (RuntimeException | Error other) {
                    unexplained.add(source + ": " + other + "\n  input starts: " + Mutations.preview(input));
                }
            }
        }
        report(unexplained);
        assertTrue(read > 0, "some damages leave a readable lesson (a changed word in the explanation)");
    }

    @Test
    void damagedExerciseSetsAreReadOrRefusedNamingTheFile() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        Path example = Path.of("examples", "gil-in-one-hour.exercises");
        byte[] valid = Files.readAllBytes(example);
        Files.write(dir.resolve("mine.lesson"), resource("/dev/gilscope/scenario/lessons/L1.lesson")
                .clone()); // a lesson file beside the set, which a damaged "lesson:" line may name
        List<String> unexplained = new ArrayList<>();
        int read = 0;
        for (int i = 0; i < CASES_PER_FILE * 3; i++) {
            byte[] input = i % 10 == 9 ? noise(random) : Mutations.mutate(valid, random);
            String source = "case-" + i + ".exercises";
            try {
                ExerciseSetFile.parse(dir, source, new String(input, StandardCharsets.UTF_8));
                read++;
            } catch (LessonFile.FormatException refused) {
                if (!refused.getMessage().contains(source) && !refused.getMessage().contains(".lesson")) {
                    unexplained.add(source + ": " + refused.getMessage());
                }
            } catch (RuntimeException | Error other) {
                unexplained.add(source + ": " + other + "\n  input starts: " + Mutations.preview(input));
            }
        }
        report(unexplained);
        assertTrue(read > 0, "some damages leave a readable set");
    }

    private static void report(List<String> unexplained) {
        if (!unexplained.isEmpty()) {
            fail(unexplained.size() + " inputs were not refused with a clear message:\n"
                    + String.join("\n", unexplained.subList(0, Math.min(8, unexplained.size()))));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TeacherFileFuzzTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }

    private static byte[] noise(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 300)];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (random.nextBoolean() ? random.nextInt(32, 127) : random.nextInt(256));
        return bytes;
    }
}
