package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.PythonInterpreter;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fifth row: hidden until ticked and run, then a real interpreter's threads, said to be sampled and inferred. */
class CPythonRowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    /** Whether the node takes room and it and every node around it are visible. */
    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        if (!node.isManaged()) return false;
        for (; node != null; node = node.getParent()) {
            if (!node.isVisible()) return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.ComboBox<String> python(FxRobot robot) {
        return robot.lookup("#field-python").queryAs(javafx.scene.control.ComboBox.class);
    }

    @Test
    void theRowAndItsPythonFieldAppearOnlyWhenAsked(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#mode-cpython").queryAs(CheckBox.class).isSelected(), "a plain Run does not start a Python");
        assertFalse(shown(robot, "#field-python"), "no Python field until the cpython mode is ticked");
        assertFalse(shown(robot, "#row-cpython"), "no fifth row before it has run");
        robot.interact(() -> robot.lookup("#mode-cpython").queryAs(CheckBox.class).setSelected(true));
        assertTrue(shown(robot, "#field-python"), "the Python field appears with the mode");
        robot.interact(() -> python(robot).getEditor().setText("/no/such/python3"));
        Label problems = robot.lookup("#problems").queryAs(Label.class);
        assertTrue(problems.getText().contains("Python: /no/such/python3: no such file"), problems.getText());
        assertTrue(robot.lookup("#run-all").queryAs(Button.class).isDisabled(), "a wrong path is refused before anything runs");
        robot.interact(() -> python(robot).getEditor().setText(""));
        assertFalse(robot.lookup("#run-all").queryAs(Button.class).isDisabled());
        var found = PythonInterpreter.installed();
        if (!found.isEmpty()) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> python(robot).getItems().size() == found.size());
            assertEquals(found.get(0).path().toString(), python(robot).getItems().get(0), "the interpreters found, newest first");
        }
    }

    @Test
    void aRunShowsTheInterpreterAndSaysTheLockIsInferred(FxRobot robot) throws Exception {
        var python = PythonInterpreter.preferred();
        Assumptions.assumeTrue(python.isPresent(), "no Python on this machine for the cpython row");
        robot.interact(() -> {
            robot.lookup("#field-tasks").queryAs(TextField.class).setText("2");
            robot.lookup("#field-size").queryAs(TextField.class).setText("60000");
            for (String mode : new String[] {"gil-threads", "free-threads", "processes"}) {
                robot.lookup("#mode-" + mode).queryAs(CheckBox.class).setSelected(false);
            }
            robot.lookup("#mode-cpython").queryAs(CheckBox.class).setSelected(true);
        });
        robot.clickOn("#run-all");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !board.model().running());
        awaitFrames();
        assertEquals("done", text(robot, "status-cpython"), board.model().status());
        String figures = text(robot, "lock-cpython");
        assertTrue(figures.startsWith(python.get().label() + " · threads"), figures);
        assertTrue(figures.contains("(inferred)") && figures.contains("sampled every 1 ms"), figures);
        assertTrue(text(robot, "wall-cpython").matches("\\d+\\.\\d{3} s"), "no speed-up against the emulation: " + text(robot, "wall-cpython"));
        assertTrue(shown(robot, "#cpython-legend"), "the legend says how the row was made");
        assertTrue(text(robot, "cpython-legend").contains("read from /proc every 1 ms"), text(robot, "cpython-legend"));
        assertTrue(shown(robot, "#row-cpython"), "the fifth row shows once it has run");
        assertTrue(board.model().row(Mode.CPYTHON).laneCount() >= 2, "a lane per thread");
    }
}
