package dev.gilscope.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an exercise set: plain text a teacher writes in any editor.
 *
 * <pre>
 * # comment
 * title: The GIL in one hour
 * about: Predict before you run. Answer each question in a sentence or two.
 * lesson: L1
 * ask: Why does the second thread not make it faster?
 * lesson: L6
 * ask: Which switch interval would you choose for a web server, and why?
 * lesson: counter.lesson
 * </pre>
 *
 * {@code lesson} is a built-in lesson's id or a lesson file, relative to the set's own file; each
 * {@code ask} belongs to the lesson above it. Every mistake is reported with its line.
 */
public final class ExerciseSetFile {

    /** More is not a workshop; it is a course, and it would not fit the panel's list. */
    public static final int MAX_EXERCISES = 40;
    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_LINE = 500;

    private ExerciseSetFile() {}

    /** Reads an exercise set file; lesson files it names are read relative to its folder. */
    public static ExerciseSet load(Path file) throws IOException, LessonFile.FormatException {
        return parse(file.toAbsolutePath().getParent(), file.toString(), Lessons.readText(file, "an exercise set"));
    }

    /**
     * Parses the text of a set; {@code folder} is where its lesson files are (null: only built-in lessons).
     */
    public static ExerciseSet parse(Path folder, String source, String text) throws LessonFile.FormatException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String title = null;
        String about = "";
        List<Lesson> lessons = new ArrayList<>();
        List<List<String>> questions = new ArrayList<>();
        Map<String, Integer> lessonLine = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String raw = lines[i];
            if (LessonFile.skipped(raw)) continue;
            LessonFile.KeyValue line = LessonFile.KeyValue.of(source, number, raw);
            String key = line.key();
            String value = line.value();
            if (value.isEmpty()) throw fail(source, number, "'" + key + ":' has nothing after it");
            if (value.length() > MAX_LINE) throw fail(source, number, "is " + value.length() + " characters; keep a line under " + MAX_LINE);
            switch (key) {
                case "title" -> {
                    if (title != null) throw fail(source, number, "'title' is given twice");
                    title = value;
                }
                case "about" -> about = about.isEmpty() ? value : about + " " + value;
                case "lesson" -> {
                    Lesson lesson = lesson(folder, source, number, value);
                    Integer first = lessonLine.putIfAbsent(lesson.id().toLowerCase(Locale.ROOT), number);
                    if (first != null) {
                        throw fail(source, number, "lesson " + lesson.id() + " is in the set twice (first on line " + first + ")");
                    }
                    if (lessons.size() == MAX_EXERCISES) throw fail(source, number, "a set holds at most " + MAX_EXERCISES + " lessons");
                    lessons.add(lesson);
                    questions.add(new ArrayList<>());
                }
                case "ask" -> {
                    if (lessons.isEmpty()) throw fail(source, number, "'ask' comes after the 'lesson' it is about");
                    List<String> asked = questions.get(questions.size() - 1);
                    if (asked.size() == MAX_QUESTIONS) throw fail(source, number, "at most " + MAX_QUESTIONS + " questions a lesson");
                    asked.add(value);
                }
                default -> throw fail(source, number, "'" + key + "' is not a key of an exercise set; use title, about, lesson or ask");
            }
        }
        if (title == null) throw fail(source, 0, "has no 'title:' line; name the workshop, e.g. 'title: The GIL in one hour'");
        if (lessons.isEmpty()) throw fail(source, 0, "lists no lessons; add 'lesson: L1' (a built-in lesson) or 'lesson: my.lesson'");
        List<ExerciseSet.Exercise> exercises = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) exercises.add(new ExerciseSet.Exercise(lessons.get(i), questions.get(i)));
        return new ExerciseSet(title, about, exercises, source);
    }

    /** A built-in lesson by id, else a lesson file beside the set. */
    private static Lesson lesson(Path folder, String source, int number, String name) throws LessonFile.FormatException {
        var builtIn = Lessons.byId(name);
        if (builtIn.isPresent()) return builtIn.get();
        Path file;
        try {
            file = folder == null ? null : folder.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw fail(source, number, "'" + name + "' is no built-in lesson (" + Lessons.ids() + ") and cannot be a file name: "
                    + e.getReason());
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw fail(source, number, "'" + name + "' is no built-in lesson (" + Lessons.ids() + ") and no lesson file"
                    + (file == null ? "" : " (looked for " + file + ")"));
        }
        try {
            return Lessons.load(file);
        } catch (LessonFile.FormatException e) {
            throw fail(source, number, "lesson " + name + " does not read: " + e.getMessage());
        } catch (IOException e) {
            throw fail(source, number, "lesson " + name + " could not be read: " + e.getMessage());
        }
    }

    private static LessonFile.FormatException fail(String source, int line, String message) {
        return new LessonFile.FormatException(source, line, message);
    }
}
