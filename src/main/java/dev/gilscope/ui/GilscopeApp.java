package dev.gilscope.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop window: the board, with the run controls above it. */
public final class GilscopeApp extends Application {

    public static final String TITLE = "gilscope — see Python's GIL at work";

    private BoardModel model;

    @Override
    public void start(Stage stage) {
        DrawingWarmUp.start();
        model = new BoardModel(Platform::runLater);
        BoardView board = new BoardView(model);
        stage.setTitle(TITLE);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // The lessons are where most people start; on a narrow screen the board needs the width, and they
        // are one click away (Lessons).
        board.showLessons(screen.getWidth() >= 1500);
        stage.setScene(new Scene(board, Math.min(1600, screen.getWidth()), Math.min(900, screen.getHeight())));
        // Notes not saved and answers not in a report: the first close says so in the status line.
        stage.setOnCloseRequest(e -> {
            if (!board.mayClose()) e.consume();
        });
        stage.setOnHidden(e -> model.cancel()); // closing the window ends threads and worker processes
        stage.show();
    }

    @Override
    public void stop() {
        if (model != null) model.cancel();
    }

    public static void launchWindow(String[] args) {
        Application.launch(GilscopeApp.class, args);
    }
}
