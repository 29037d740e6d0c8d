package dev.gilscope.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop window. For now a placeholder that points at the command line; the board comes next. */
public final class GilscopeApp extends Application {

    public static final String TITLE = "gilscope";

    @Override
    public void start(Stage stage) {
        Label heading = new Label("gilscope");
        heading.setId("heading");
        heading.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label body = new Label("""
                The board — four modes side by side, per-core timelines,
                lock Gantt charts — is on its way. Until then, compare the
                modes from a terminal:

                    packaging/gilscope run --workload count-primes
                    packaging/gilscope workloads""");
        body.setWrapText(true);
        body.setId("placeholder");
        body.setStyle("-fx-font-size: 15px; -fx-font-family: monospace;");
        VBox root = new VBox(16, heading, body);
        root.setPadding(new Insets(24));
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 820, 320));
        stage.show();
    }

    public static void launchWindow(String[] args) {
        Application.launch(GilscopeApp.class, args);
    }
}
