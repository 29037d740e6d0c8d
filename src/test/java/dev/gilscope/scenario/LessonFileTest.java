package dev.gilscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lesson files as a teacher writes them: the built-in ones read, and a mistake is named with its line. */
public class LessonFileTest {

    /** A correct lesson; each case below breaks one line of it. */
    public static final String GOOD = """
            # my lesson
            id: mine-1
            title: Threads and primes
            question: Faster with two threads?
            choice: Yes | speedup gil-threads above 1.4
            choice*: No | speedup gil-threads below 1.4
            workload: count-primes
            modes: sequential, gil-threads
            workers: 2
            tasks: 2
            size: 20000
            look: the lanes take turns
            try: workers 1 2 4
            explanation:
              Only one thread runs Python at a time.

              A second paragraph.
            python:
              import threading
              print("hi")
            """;

    @Test
    void theElevenBuiltInLessonsReadWithOneExpectedAnswerEach() {
        List<Lesson> lessons = Lessons.builtIn();
        assertEquals(List.of("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10", "L11"),
                lessons.stream().map(Lesson::id).toList());
        for (Lesson l : lessons) {
            assertEquals(1, l.choices().stream().filter(Lesson.Choice::expected).count(), l.id());
            assertTrue(l.python().lines().count() >= 5, l.id() + " has a Python program");
            assertTrue(!l.look().isEmpty(), l.id() + " says where to look");
            l.request().check(); // runs as written
        }
        assertEquals("L6", Lessons.byId("l6").orElseThrow().id());
    }

    @Test
    void aGoodFileReadsWithItsBlocksDedentedAndItsRun() throws Exception {
        Lesson l = LessonFile.parse("mine.lesson", GOOD);
        assertEquals("mine-1", l.id());
        assertEquals("Only one thread runs Python at a time.\n\nA second paragraph.\n", l.explanation());
        assertEquals("import threading\nprint(\"hi\")\n", l.python());
        assertEquals("No", l.expectedChoice().text());
        assertEquals(List.of(Mode.SEQUENTIAL, Mode.GIL_THREADS), l.request().check().modes());
        assertEquals(20_000, l.request().check().params().size());
        assertEquals(List.of(new Lesson.Try("workers", List.of("1", "2", "4"))), l.tries());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "misspelt key; question: Faster; qestion: Faster; 4; 'qestion' is not a lesson key; use one of: id, title, question",
        "workers out of range; workers: 2; workers: 0; 9; workers: 0 is out of range; use 1 to 256",
        "workers not a number; workers: 2; workers: two; 9; workers: 'two' is not a whole number",
        "unknown workload; workload: count-primes; workload: count-prime; 7; workload: 'count-prime' is not known",
        "bad condition; Yes | speedup gil; Yes | speed gil; 5; 'speed' is not a figure a condition can name",
        "mode not run; speedup gil-threads above; speedup processes above; 5; names processes, which the lesson does not run",
        "choice without bar; Yes | speedup; Yes, speedup; 5; this one has no '|'",
        "two expected answers; choice: Yes; choice*: Yes; 5; mark exactly one choice as the expected answer with 'choice*:' (found 2)",
        "key given twice; tasks: 2; workers: 3; 10; 'workers' is given twice (first on line 9)",
        "indented stray line; tasks: 2; '  tasks: 2'; 10; an indented line outside explanation or python",
        "python with text on its line; python:; python: print(1); 18; 'python:' takes the indented lines below it",
        "try of something not a setting; try: workers 1; try: colour 1; 13; 'colour' is not a run setting; 'try:' takes one of: workload",
        "try with one value; try: workers 1 2 4; try: workers 4; 13; needs two or more values to compare",
        "try with a wrong value; try: workers 1 2 4; try: workers 1 0; 13; workers: 0 is out of range; use 1 to 256",
    })
    void aMistakeIsReportedWithItsLineAndWhatIsAccepted(String name, String line, String broken, int lineNumber, String message) {
        assertTrue(GOOD.contains(line), "the case breaks a line of the good lesson: " + line);
        String input = GOOD.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(broken));
        LessonFile.FormatException e = assertThrows(LessonFile.FormatException.class, () -> LessonFile.parse("mine.lesson", input));
        assertEquals(lineNumber, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("mine.lesson, line " + lineNumber + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aMissingPartIsNamed() {
        String noPython = GOOD.substring(0, GOOD.indexOf("python:"));
        LessonFile.FormatException e = assertThrows(LessonFile.FormatException.class, () -> LessonFile.parse("mine.lesson", noPython));
        assertEquals("mine.lesson: 'python:' is missing", e.getMessage());
    }

    @Test
    void aFileIsReadAndAFileThatIsNotTextIsRefused(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("mine.lesson"), GOOD);
        assertEquals("mine-1", Lessons.load(good).id());
        Path binary = Files.write(dir.resolve("video.lesson"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        LessonFile.FormatException e = assertThrows(LessonFile.FormatException.class, () -> Lessons.load(binary));
        assertTrue(e.getMessage().endsWith("is not UTF-8 text; save it as plain text"), e.getMessage());
    }
}
