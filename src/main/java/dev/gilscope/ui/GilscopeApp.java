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
        startAsAsked(board);
    }

    /** What `gilscope window` asked for: a lesson to open, a run to start, and whether to close after it. */
    private void startAsAsked(BoardView board) {
        Parameters asked = getParameters();
        String lessonId = asked == null ? null : asked.getNamed().get("lesson");
        boolean run = asked != null && asked.getUnnamed().contains("--run");
        boolean quit = asked != null && asked.getUnnamed().contains("--quit-when-done");
        dev.gilscope.scenario.Lessons.byId(lessonId == null ? "" : lessonId).ifPresent(board::openLesson);
        if (!run) return;
        Platform.runLater(() -> {
            // The lesson's run as the form now holds it (a learner's run waits for a prediction first).
            boolean started = board.runNow();
            if (quit && !started) {
                System.out.println("did not run: " + model.status());
                exitCode = 1;
                Platform.exit();
            } else if (quit) {
                quitWhenDone();
            }
        });
    }

    /** Waits for the run to end, says how it went on standard output, and closes the window. */
    private void quitWhenDone() {
        javafx.animation.Timeline watch = new javafx.animation.Timeline();
        watch.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(200), e -> {
            if (model.running()) return;
            watch.stop();
            boolean ok = model.lastResult().map(r -> r.modes().stream().allMatch(m -> m.resultOk())).orElse(false);
            exitCode = ok ? 0 : 1;
            System.out.println(model.status());
            Platform.exit();
        }));
        watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        watch.play();
    }

    private static volatile int exitCode;

    @Override
    public void stop() {
        if (model != null) model.cancel();
    }

    /** Opens the window and returns when it has closed: 0, or 1 when a run it was asked to wait for failed. */
    public static int launchWindow(String[] args) {
        Application.launch(GilscopeApp.class, args);
        return exitCode;
    }
}
