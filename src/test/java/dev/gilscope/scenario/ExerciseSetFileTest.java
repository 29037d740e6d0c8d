package dev.gilscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise sets as a teacher writes them: built-in lessons and lesson files, questions, and mistakes named by line. */
public class ExerciseSetFileTest {

    /** A correct set using two built-in lessons and the lesson file {@link LessonFileTest#GOOD} saved as mine.lesson. */
    public static final String GOOD = """
            # Tuesday's workshop
            title: The GIL in one hour
            about: Predict before you run.
            about: Answer in a sentence or two.
            lesson: L1
            ask: Why does the second thread not make it faster?
            ask: What would you change to use both cores?
            lesson: mine.lesson
            lesson: l6
            ask: Which switch interval would you choose for a web server?
            """;

    @TempDir
    Path dir;

    @Test
    void aSetReadsBuiltInLessonsAndLessonFilesBesideItWithTheirQuestions() throws Exception {
        Files.writeString(dir.resolve("mine.lesson"), LessonFileTest.GOOD);
        Path file = Files.writeString(dir.resolve("tuesday.exercises"), GOOD);

        ExerciseSet set = ExerciseSetFile.load(file);
        assertEquals("The GIL in one hour", set.title());
        assertEquals("Predict before you run. Answer in a sentence or two.", set.about());
        assertEquals(List.of("L1", "mine-1", "L6"), set.exercises().stream().map(e -> e.lesson().id()).toList());
        assertEquals(List.of("Why does the second thread not make it faster?", "What would you change to use both cores?"),
                set.exercises().get(0).questions());
        assertEquals(List.of(), set.exercises().get(1).questions(), "a lesson may come without questions");
        assertEquals(2, set.indexOf(set.exercises().get(2).lesson()));
    }

    @Test
    void theExampleSetInTheRepositoryReads() throws Exception {
        ExerciseSet set = ExerciseSetFile.load(Path.of("examples/gil-in-one-hour.exercises"));
        assertEquals(List.of("L1", "L2", "L5", "L6", "L9"), set.exercises().stream().map(e -> e.lesson().id()).toList());
        assertTrue(set.exercises().stream().allMatch(e -> !e.questions().isEmpty()), "a question about every lesson");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lesson: L1                        | lesson: L99     | line 5: 'L99' is no built-in lesson (L1, L2",
        "lesson: mine.lesson               | lesson: L1      | line 8: lesson L1 is in the set twice (first on line 5)",
        "title: The GIL in one hour        | name: GIL       | line 2: 'name' is not a key of an exercise set; use title, about, lesson or ask",
        "title: The GIL in one hour        | # no title      | has no 'title:' line",
        "ask: Why does the second          | ask:            | line 6: 'ask:' has nothing after it",
        "lesson: l6                        | lesson L6       | line 9: expected 'key: value', got 'lesson L6'",
    })
    void aMistakeIsNamedWithItsLine(String line, String replacement, String expected) throws Exception {
        Files.writeString(dir.resolve("mine.lesson"), LessonFileTest.GOOD);
        String text = GOOD.lines().map(l -> l.startsWith(line) ? replacement : l).reduce("", (a, b) -> a + b + "\n");
        Path file = Files.writeString(dir.resolve("set.exercises"), text);
        LessonFile.FormatException e = assertThrows(LessonFile.FormatException.class, () -> ExerciseSetFile.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aQuestionBeforeAnyLessonAndABrokenLessonFileAreRefused() throws Exception {
        Path first = Files.writeString(dir.resolve("a.exercises"), "title: T\nask: What?\nlesson: L1\n");
        assertTrue(assertThrows(LessonFile.FormatException.class, () -> ExerciseSetFile.load(first)).getMessage()
                .contains("line 2: 'ask' comes after the 'lesson' it is about"));

        Files.writeString(dir.resolve("broken.lesson"), LessonFileTest.GOOD.replace("workers: 2", "workers: many"));
        Path second = Files.writeString(dir.resolve("b.exercises"), "title: T\nlesson: broken.lesson\n");
        String message = assertThrows(LessonFile.FormatException.class, () -> ExerciseSetFile.load(second)).getMessage();
        assertTrue(message.contains("line 2: lesson broken.lesson does not read: ") && message.contains("broken.lesson, line 9: workers"),
                message);

        Path none = Files.writeString(dir.resolve("c.exercises"), "title: T\n");
        assertTrue(assertThrows(LessonFile.FormatException.class, () -> ExerciseSetFile.load(none)).getMessage()
                .contains("lists no lessons"));
    }
}
