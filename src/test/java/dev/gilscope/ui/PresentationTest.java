package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.scenario.LessonFileTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode as a presenter uses it: a lesson run, one key, a 1920×1080 board with nothing to scroll. */
class PresentationTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Whether a scroll pane shows a scroll bar for its own content (not one of a text area inside it). */
    private static boolean scrolls(ScrollPane scroll) {
        return scroll.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar && n.getParent() == scroll
                && n.isVisible());
    }

    /**
     * The headless screen is 1000 pixels wide, so the 1920×1080 board is laid out off-screen: the same view
     * the window shows, and the one {@code snapshot --presentation} and the videos draw.
     */
    @Test
    void aLessonInPresentationModeFitsA1920By1080RecordingWithoutScrolling(FxRobot robot) throws Exception {
        for (String id : List.of("L1", "L6", "L10")) { // two modes; an I/O lane and its histogram; eight workers
            dev.gilscope.scenario.Lesson lesson = dev.gilscope.scenario.Lessons.byId(id).orElseThrow();
            var request = lesson.request().check();
            var small = new dev.gilscope.workload.WorkloadParams(request.params().tasks(), Math.min(request.params().size(), 20_000),
                    request.params().chunkSize());
            var result = dev.gilscope.runtime.Comparison.run(request.workload(), small, request.settings(), request.modes(),
                    new dev.gilscope.runtime.Comparison.Listener() {}, new dev.gilscope.runtime.RunControl());
            BoardView shown = WaitForAsyncUtils.asyncFx(() -> {
                BoardView b = BoardPicture.board(result, lesson, false, true);
                BoardPicture.render(b, 1920, 1080);
                return b;
            }).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            ScrollPane rows = (ScrollPane) shown.lookup("#rows");
            ScrollPane lessonScroll = (ScrollPane) shown.lookup("#lessons-scroll");
            assertFalse(WaitForAsyncUtils.asyncFx(() -> scrolls(rows)).get(), id + ": the rows fit without scrolling");
            assertFalse(WaitForAsyncUtils.asyncFx(() -> scrolls(lessonScroll)).get(), id + ": so does the lesson");
            assertTrue(shown.state().laneScale() >= 1.2, id + ": thicker lanes: " + shown.state().laneScale());
        }
    }

    @Test
    void oneKeyTurnsPresentationModeOnAndTheReplayStepsThroughHandOffs(FxRobot robot, @TempDir Path dir)
            throws Exception {
        // Long enough (about 0.1 s a mode) for the lock to change hands many times.
        Path file = Files.writeString(dir.resolve("mine.lesson"), LessonFileTest.GOOD.replace("size: 20000", "size: 300000"));
        robot.interact(() -> board.openLessonFile(file));
        robot.clickOn("#lesson-choice-1");
        robot.type(KeyCode.F5); // runs the lesson: there is a prediction
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> board.lessons().session().runs().size() == 1);

        robot.type(KeyCode.F11);
        assertTrue(board.presentation());
        assertTrue(board.getStyleClass().contains("presentation"));
        assertEquals(Palette.PRESENTATION, board.state().palette(), "high contrast, colour-blind-safe workers");
        awaitFrames();
        assertFalse(robot.lookup("#row-free-threads").query().isVisible(), "a mode the lesson did not run is left out");
        assertTrue(robot.lookup("#row-gil-threads").query().isVisible());
        assertTrue(board.state().laneScale() >= 1.2, "thicker lanes: " + board.state().laneScale());

        robot.clickOn("#lesson-title"); // away from any text field: letters are shortcuts
        robot.type(KeyCode.N);
        String callout = robot.lookup("#callout").queryAs(Label.class).getText();
        assertTrue(callout.matches("gil-threads at \\d.* T\\d took the lock from T\\d.*"), callout);
        assertFalse(robot.lookup("#replay-clock").queryAs(Label.class).getText().isEmpty(), "a visible clock");
        long first = board.state().replay().position();
        robot.type(KeyCode.N);
        assertTrue(board.state().replay().position() > first, "the next hand-off is later");

        robot.push(KeyCode.SHIFT, KeyCode.SLASH); // ?
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#shortcut-sheet").tryQuery().map(n -> n.isVisible()).orElse(false), "the shortcut sheet");
        List<String> keys = robot.lookup(".shortcut-key").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(keys.contains("N") && keys.contains("P  or  F11"), keys.toString());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#shortcut-sheet").tryQuery().map(n -> !n.isVisible() || n.getScene().getWindow() == null
                || !n.getScene().getWindow().isShowing()).orElse(true), "Esc closes it");

        robot.type(KeyCode.P);
        assertFalse(board.presentation(), "P leaves presentation mode");
        assertTrue(robot.lookup("#row-free-threads").query().isVisible());
    }
}
