package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.scenario.LessonFileTest;
import dev.gilscope.scenario.Lessons;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A workshop's exercise set in the real window: progress, answers kept across lessons, a report with the boards. */
class ExerciseSetWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String lessonId) {
        ComboBox<Object> picker = robot.lookup("#lesson-picker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(picker.getItems().stream()
                .filter(l -> ((dev.gilscope.scenario.Lesson) l).id().equals(lessonId)).findFirst().orElseThrow()));
    }

    private void awaitStatus(String start) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> board.model().status().startsWith(start));
    }

    @Test
    void aLearnerWorksThroughASetAndHandsInAReportWithTheBoards(FxRobot robot, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.lesson"), LessonFileTest.GOOD);
        Path setFile = Files.writeString(dir.resolve("tuesday.exercises"), """
                title: Tuesday's workshop
                about: Predict first.
                lesson: mine.lesson
                ask: Why did the threads take turns?
                ask: What would you change?
                lesson: L1
                """);
        robot.interact(() -> board.openExerciseSet(setFile));
        assertEquals("Tuesday's workshop", text(robot, "exercise-title"));
        assertEquals("0 of 2 done · 0 predictions held", text(robot, "exercise-progress"));
        assertEquals("○ mine-1 ◂   ○ L1", text(robot, "exercise-steps"));
        assertTrue(text(robot, "lesson-title").startsWith("mine-1 · "), "the first lesson of the set is open");

        robot.clickOn("#lesson-choice-1"); // "No": the expected answer
        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> board.lessons().session().runs().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "exercise-progress").startsWith("1 of 2 done"), text(robot, "exercise-progress"));
        assertTrue(text(robot, "exercise-steps").startsWith("✓ mine-1"), text(robot, "exercise-steps"));
        robot.clickOn("#exercise-answer-0").write("Only one thread holds the lock.");
        robot.clickOn("#exercise-learner").write("Ada");

        // To the next lesson and back: the prediction, the run and the answer are where the learner left them.
        choose(robot, "L1");
        assertTrue(robot.lookup("#exercise-questions").queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty(),
                "L1 comes without questions");
        assertTrue(board.lessons().session().runs().isEmpty());
        choose(robot, "mine-1");
        assertEquals(1, board.lessons().session().runs().size(), "the run is kept");
        assertTrue(robot.lookup("#lesson-choice-1").queryAs(RadioButton.class).isSelected(), "so is the prediction");
        assertTrue(robot.lookup("#lesson-choice-1").queryAs(RadioButton.class).isDisabled(), "fixed, as it has run");
        assertEquals("Only one thread holds the lock.", robot.lookup("#exercise-answer-0").queryAs(TextArea.class).getText());

        // Leaving with work not in a report asks first.
        robot.clickOn("#exercise-leave");
        assertTrue(text(robot, "lesson-error").contains("not in a report yet"), text(robot, "lesson-error"));
        assertEquals("Tuesday's workshop", text(robot, "exercise-title"), "still in the set");

        Path html = dir.resolve("report.html");
        robot.interact(() -> board.lessons().exportReport(html));
        awaitStatus("Wrote the report");
        String page = Files.readString(html);
        assertTrue(page.contains("<h1>Tuesday's workshop</h1>"), page.substring(0, 400));
        assertTrue(page.contains("Ada · "), "the learner's name");
        assertTrue(page.contains("<b>Predicted:</b> No"), "the prediction");
        assertTrue(page.contains("Only one thread holds the lock."), "the answer");
        assertTrue(page.contains("<p class=\"none\">not answered</p>"), "the question left open says so");
        assertTrue(page.contains("Not run yet."), "L1 was not run");
        assertTrue(page.contains("<img src=\"data:image/png;base64,"), "the board travels inside the page");

        Path markdown = dir.resolve("report.md");
        robot.interact(() -> board.lessons().exportReport(markdown));
        awaitStatus("Wrote the report");
        String md = Files.readString(markdown);
        assertTrue(md.contains("![1. mine-1 · Threads and primes: the board after the run](report-pictures/1-mine-1.png)"), md);
        assertTrue(md.contains("> Only one thread holds the lock."), md);
        BufferedImage picture = ImageIO.read(dir.resolve("report-pictures/1-mine-1.png").toFile());
        assertEquals(ExerciseReport.PICTURE_WIDTH, picture.getWidth());

        robot.interact(() -> board.lessons().exportReport(dir.resolve("report.txt")));
        assertTrue(board.model().status().contains("Markdown (.md) or HTML (.html)"), board.model().status());

        // (below the fold of the 1000-pixel headless screen, so set rather than typed)
        robot.interact(() -> robot.lookup("#exercise-answer-1").queryAs(TextArea.class).setText("Use processes."));
        robot.clickOn("#exercise-leave");
        assertTrue(robot.lookup("#exercise-set").query().isVisible(), "an answer written after the report asks again");
        robot.interact(() -> board.lessons().exportReport(markdown));
        awaitStatus("Wrote the report");
        assertTrue(Files.readString(markdown).contains("> Use processes."));

        robot.clickOn("#exercise-leave"); // in a report now: leaves at once
        assertFalse(robot.lookup("#exercise-set").query().isVisible());
        assertEquals(Lessons.builtIn().size(), robot.lookup("#lesson-picker").queryAs(ComboBox.class).getItems().size());
    }

    @Test
    void aMalformedSetIsRefusedWithItsLineAndTheLessonStays(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> board.showLessons(true));
        choose(robot, "L6");
        Path broken = Files.writeString(dir.resolve("broken.exercises"), "title: T\nlesson: L6\nlesson: L42\n");
        robot.interact(() -> board.openExerciseSet(broken));
        assertTrue(text(robot, "lesson-error").contains("line 3: 'L42' is no built-in lesson"), text(robot, "lesson-error"));
        assertTrue(text(robot, "lesson-title").startsWith("L6 · "), "the lesson on screen stays");
        assertFalse(robot.lookup("#exercise-set").query().isVisible());
    }
}
