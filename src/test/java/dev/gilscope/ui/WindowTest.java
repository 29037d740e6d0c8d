package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the headless platform, as every window test starts it, and what they wait for. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    protected Stage stage;
    protected BoardView board;

    /** Call from the subclass's {@code @Start} method (TestFX looks for it on the test class itself). */
    protected void open(Stage stage) {
        this.stage = stage;
        new GilscopeApp().start(stage);
        board = (BoardView) stage.getScene().getRoot();
    }

    @AfterEach
    void stopAnyRun() throws InterruptedException {
        board.model().cancel();
        assertTrue(board.model().awaitIdle(10_000), "the run ends after cancel");
    }

    /** Lets the board draw a few frames: it redraws on its frame timer, not on each change. */
    protected void awaitFrames() throws TimeoutException {
        long seen = board.frames().frames();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> board.frames().frames() >= seen + 4);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs a small count-primes (2 tasks) in the three thread modes and waits until it is drawn. */
    protected void runSmallComparisonOfThreads(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            robot.lookup("#field-tasks").queryAs(TextField.class).setText("2");
            robot.lookup("#field-size").queryAs(TextField.class).setText("150000");
            robot.lookup("#mode-processes").queryAs(CheckBox.class).setSelected(false);
        });
        robot.clickOn("#run-all");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !board.model().running());
        awaitFrames();
    }
}
