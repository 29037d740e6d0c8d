package dev.gilscope.ui;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.Mode;
import dev.gilscope.scenario.Lesson;
import java.io.IOException;
import java.nio.file.Path;
import dev.gilscope.trace.Note;
import dev.gilscope.trace.export.SavedRun;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import dev.gilscope.trace.export.AtomicFile;
import javax.imageio.ImageIO;

/**
 * The board as a picture, made off-screen: the same view the window shows, laid out at a chosen size and
 * rendered by JavaFX's software pipeline, so it works on a machine with no display.
 */
public final class BoardPicture {

    private BoardPicture() {}

    /** Draws a finished comparison and writes it as PNG. Starts JavaFX (headless) if it is not running. */
    public static void writePng(ComparisonResult result, int width, int height, boolean dark, boolean presentation, Path out)
            throws IOException {
        writePng(onBoard(result, null, width, height, dark, presentation, board -> render(board, width, height)), out);
    }

    /** Draws a run read back from a file, with its notes, and writes it as PNG. */
    public static void writePng(SavedRun run, int width, int height, boolean dark, boolean presentation, Path out)
            throws IOException {
        startToolkit();
        writePng(onUiThread(() -> render(board(run, dark, presentation), width, height)), out);
    }

    /** The same for a run of a lesson: the board with the lesson beside it, saying what happened. */
    public static void writeLessonPng(Lesson lesson, ComparisonResult result, int width, int height, boolean dark,
                                      boolean presentation, Path out) throws IOException {
        writePng(onBoard(result, lesson, width, height, dark, presentation, board -> render(board, width, height)), out);
    }

    /** Draws a finished comparison and writes it as SVG (vector: it scales on a slide). */
    public static void writeSvg(ComparisonResult result, int width, int height, boolean dark, Path out) throws IOException {
        BoardSvg.write(onBoard(result, null, width, height, dark, false, board -> {
            render(board, width, height); // lays the board out and sets its time window
            return BoardSvg.render(board.model(), board.state(), EnumSet.allOf(Mode.class), board.title(), width, height);
        }), out);
    }

    /** Builds an off-screen board showing {@code result} on the UI thread and hands it to {@code draw}. */
    private static <T> T onBoard(ComparisonResult result, Lesson lesson, int width, int height, boolean dark,
                                 boolean presentation, Function<BoardView, T> draw) throws IOException {
        startToolkit();
        return onUiThread(() -> draw.apply(board(result, lesson, dark, presentation)));
    }

    /** Runs {@code work} on the UI thread and waits for it (a minute at most); call from any other thread. */
    static <T> T onUiThread(Supplier<T> work) throws IOException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the board", e);
        } catch (ExecutionException e) {
            if (Boolean.getBoolean("gilscope.debug")) e.getCause().printStackTrace();
            throw new IOException("drawing the board failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("drawing the board took over a minute; giving up", e);
        }
    }

    /**
     * An off-screen board showing {@code result} (and {@code lesson} beside it, saying what happened), not
     * yet laid out. Call on the UI thread.
     */
    static BoardView board(ComparisonResult result, Lesson lesson, boolean dark, boolean presentation) {
        return board(result, lesson, null, List.of(), dark, presentation);
    }

    /**
     * The same with a learner's prediction judged beside the board (an exercise report's picture; null
     * says what happened) and the presenter's notes pinned to the run.
     */
    static BoardView board(ComparisonResult result, Lesson lesson, Lesson.Choice predicted, List<Note> notes, boolean dark,
                           boolean presentation) {
        BoardModel model = new BoardModel(Runnable::run);
        BoardView board = new BoardView(model);
        board.setDark(dark);
        if (lesson != null) board.openLesson(lesson);
        model.show(result, notes);
        board.fillForm(result);
        if (lesson != null) board.lessons().showOutcome(result, predicted);
        board.setPresentation(presentation);
        return board;
    }

    /** An off-screen board showing a run read back from a file, with its notes. Call on the UI thread. */
    static BoardView board(SavedRun run, boolean dark, boolean presentation) {
        BoardModel model = new BoardModel(Runnable::run);
        BoardView board = new BoardView(model);
        board.setDark(dark);
        model.show(run);
        board.fillForm(run);
        board.setPresentation(presentation);
        return board;
    }

    /** Lays {@code board} out at the given size, draws one frame and takes its picture. Call on the UI thread. */
    public static WritableImage render(BoardView board, int width, int height) {
        Scene scene = board.getScene() != null ? board.getScene() : new Scene(board, width, height);
        board.resize(width, height);
        board.finishPendingWork();
        for (int pass = 0; pass < 3; pass++) { // layout, draw, lay out again with the rows' final heights
            board.applyCss();
            board.layout();
            board.frame(0);
        }
        board.frames().stop();
        return scene.snapshot(null); // exactly the size asked for, even if the board would like more room
    }

    /** Writes the picture through a temporary file, so a failed write never replaces a good picture. */
    public static void writePng(WritableImage image, Path out) throws IOException {
        byte[] png = png(image);
        AtomicFile.write(out, stream -> stream.write(png));
    }

    /** A picture encoded as PNG. */
    static byte[] png(WritableImage image) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", bytes)) throw new IOException("no PNG writer available");
        return bytes.toByteArray();
    }

    static void startToolkit() {
        // A picture never needs a screen: the headless platform draws the same pixels with or without one.
        if (System.getProperty("glass.platform") == null) System.setProperty("glass.platform", "Headless");
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
        try {
            Platform.startup(() -> {});
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            // the window (or an earlier picture) started it
        }
    }
}
