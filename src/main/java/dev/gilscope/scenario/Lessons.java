package dev.gilscope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in lessons (L1–L11, read from resources once) and lessons a teacher keeps in files. */
public final class Lessons {

    private static final String FOLDER = "lessons/";
    /** Lesson files bigger than this are not lessons: refuse rather than read a stray video into memory. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static volatile List<Lesson> builtIn;

    private Lessons() {}

    /** L1–L11 in order. A built-in lesson that does not read is a bug in gilscope, so it throws. */
    public static List<Lesson> builtIn() {
        List<Lesson> lessons = builtIn;
        if (lessons == null) {
            List<Lesson> read = new ArrayList<>();
            for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                try {
                    read.add(LessonFile.parse("built-in " + name, resource(name)));
                } catch (LessonFile.FormatException e) {
                    throw new IllegalStateException("a built-in lesson does not read: " + e.getMessage(), e);
                }
            }
            lessons = List.copyOf(read);
            builtIn = lessons;
        }
        return lessons;
    }

    /** A built-in lesson by id, ignoring case ("l1" finds L1). */
    public static Optional<Lesson> byId(String id) {
        return builtIn().stream().filter(l -> l.id().equalsIgnoreCase(id)).findFirst();
    }

    public static String ids() {
        return builtIn().stream().map(Lesson::id).collect(Collectors.joining(", "));
    }

    /** Reads a teacher's lesson file; the exception says which line is wrong and why. */
    public static Lesson load(Path file) throws IOException, LessonFile.FormatException {
        return LessonFile.parse(file.toString(), readText(file, "a lesson file"));
    }

    /** A teacher's small UTF-8 text file, refused (with what it is instead) when it is big or not text. */
    static String readText(Path file, String what) throws IOException, LessonFile.FormatException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new LessonFile.FormatException(file.toString(), 0, "is " + Files.size(file) / 1024
                    + " KiB; " + what + " is a small text file (at most 1 MiB)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new LessonFile.FormatException(file.toString(), 0, "is not UTF-8 text; save it as plain text");
        }
    }

    private static String resource(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("built-in lesson resource missing: " + FOLDER + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
