package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.scenario.Lessons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lessons in the real window: choose one, predict, run, read the verdict; a broken lesson file is refused. */
class LessonWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** A small io-latency lesson (about a second in all) with settings to try. */
    static final String WAKE_UPS = """
            id: test-io
            title: Wake-ups next to busy threads
            question: Does the I/O thread wake up late?
            choice: On time | wake-up-ms gil-threads below 1
            choice*: Late | wake-up-ms gil-threads above 1
            workload: io-latency
            modes: sequential, gil-threads
            tasks: 2
            size: 150000
            try: switch-interval-ms 0.5 5
            look: the I/O lane
            explanation:
              It waits for the lock.
            python:
              import time
            """;

    /** The headless screen is narrow, so the lessons start hidden: one click shows them. */
    @org.junit.jupiter.api.BeforeEach
    void showTheLessons(FxRobot robot) {
        if (robot.lookup("#lesson-panel").tryQuery().isEmpty()) robot.clickOn("#lessons-toggle");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void choosingABuiltInLessonSetsTheRunUp(FxRobot robot) {
        assertTrue(robot.lookup("#lesson-panel").query().isVisible(), "the lessons are beside the board");
        robot.interact(() -> robot.lookup("#lesson-picker").queryAs(ComboBox.class).setValue(Lessons.byId("L6").orElseThrow()));
        assertTrue(text(robot, "lesson-title").startsWith("L6 · The switch interval"), text(robot, "lesson-title"));
        assertEquals("io-latency", robot.lookup("#field-workload").queryAs(ComboBox.class).getValue());
        assertEquals("1000000", robot.lookup("#field-size").queryAs(TextField.class).getText());
        assertEquals("5", robot.lookup("#field-switch-interval-ms").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#mode-gil-threads").queryAs(CheckBox.class).isSelected());
        assertFalse(robot.lookup("#mode-processes").queryAs(CheckBox.class).isSelected(), "only the lesson's modes");
        assertEquals(3, robot.lookup(".lesson-panel .radio-button").queryAll().size(), "its three answers");
        assertTrue(robot.lookup("#lesson-run").queryAs(Button.class).isDisabled(), "no run before a prediction");
        assertEquals("Choose your prediction, then run the lesson.", text(robot, "lesson-hint"));
        assertEquals(3, robot.lookup("#lesson-tries").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size(),
                "re-run at 0.5, 5 and 50 ms");

        robot.interact(() -> robot.lookup("#lesson-picker").queryAs(ComboBox.class).setValue(Lessons.byId("L9").orElseThrow()));
        assertEquals("shared-counter", robot.lookup("#field-workload").queryAs(ComboBox.class).getValue());
        assertEquals("", robot.lookup("#field-chunk-size").queryAs(TextField.class).getText(), "what L9 does not set is the default");
        assertEquals("back-edges", robot.lookup("#field-checkpoints").queryAs(ChoiceBox.class).getValue());
    }

    @Test
    void predictRunAndReadTheVerdictThenTryAnotherSetting(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("wake-ups.lesson");
        Files.writeString(file, WAKE_UPS);
        robot.interact(() -> board.openLessonFile(file));
        assertEquals("test-io · Wake-ups next to busy threads", text(robot, "lesson-title"));
        assertEquals("150000", robot.lookup("#field-size").queryAs(TextField.class).getText());

        robot.clickOn("#lesson-choice-1"); // "Late"
        assertFalse(robot.lookup("#lesson-run").queryAs(Button.class).isDisabled());
        robot.clickOn("#lesson-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> board.lessons().session().runs().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        String verdict = text(robot, "lesson-verdict");
        assertTrue(verdict.matches("(Your prediction held: “Late”|Not this time\\. You predicted “Late”).*"
                + "Measured on this machine: gil-threads median wake-up delay \\d+\\.\\d ms.*"), verdict);
        assertTrue(robot.lookup("#lesson-verdict").query().isVisible());
        assertTrue(robot.lookup("#lesson-histogram").query().isVisible(), "the wake-up histogram of an io-latency run");
        assertTrue(robot.lookup("#lesson-choice-0").query().isDisabled(), "the prediction is fixed once the lesson ran");
        VBox figures = robot.lookup("#lesson-figures").queryAs(VBox.class);
        assertEquals(2, figures.getChildren().size(), "a line per mode");

        // Below the verdict, likely scrolled out of a 900-pixel window: pressed as the keyboard would.
        robot.interact(() -> robot.lookup("#lesson-try-switch-interval-ms-0_5").queryAs(Button.class).fire());
        assertEquals("0.5", robot.lookup("#field-switch-interval-ms").queryAs(TextField.class).getText());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> board.lessons().session().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        VBox runs = robot.lookup("#lesson-runs").queryAs(VBox.class);
        java.util.List<String> lines = runs.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("switch-interval-ms 5 → gil-threads median wake-up delay"), lines.toString());
        assertTrue(lines.get(1).startsWith("switch-interval-ms 0.5 → gil-threads median wake-up delay"), lines.toString());

        // The replay as a GIF, from the window: drawn off-screen while the window goes on.
        Path gif = dir.resolve("replay.gif");
        robot.interact(() -> board.exportVideo(gif));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> board.model().status().startsWith("Wrote the replay")
                || board.model().status().startsWith("Could not"));
        assertTrue(board.model().status().startsWith("Wrote the replay to " + gif), board.model().status());
        assertTrue(javax.imageio.ImageIO.read(gif.toFile()).getWidth() == 1920, "a 1920×1080 video");
    }

    @Test
    void aMalformedLessonFileIsRefusedWithItsLineAndTheLessonStays(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> robot.lookup("#lesson-picker").queryAs(ComboBox.class).setValue(Lessons.byId("L1").orElseThrow()));
        Path file = dir.resolve("broken.lesson");
        Files.writeString(file, WAKE_UPS.replace("choice*: Late | wake-up-ms gil-threads above 1",
                "choice*: Late | wake-up-ms gil-threads sooner than 1"));
        robot.interact(() -> board.openLessonFile(file));
        String error = text(robot, "lesson-error");
        assertTrue(error.contains("broken.lesson, line 5: in the condition: 'sooner' is not a comparison"), error);
        assertTrue(board.model().status().startsWith("Could not open the lesson"), board.model().status());
        assertTrue(text(robot, "lesson-title").startsWith("L1 ·"), "the lesson on screen stays");
        assertEquals("count-primes", robot.lookup("#field-workload").queryAs(ComboBox.class).getValue());
    }
}
