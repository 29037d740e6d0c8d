package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window, on JavaFX's headless platform: it opens and tells the user how to run a comparison. */
@ExtendWith(ApplicationExtension.class)
class GilscopeAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new GilscopeApp().start(stage);
    }

    @Test
    void windowOpensWithTitleAndPointsToTheCommandLine(FxRobot robot) {
        assertEquals(GilscopeApp.TITLE, stage.getTitle());
        assertTrue(stage.isShowing());
        Label body = robot.lookup("#placeholder").queryAs(Label.class);
        assertTrue(body.getText().contains("gilscope run --workload"), body.getText());
    }
}
