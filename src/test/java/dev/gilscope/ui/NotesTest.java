package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.trace.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** A presenter pins notes to moments of a run: they are drawn, named in the replay, saved and opened again. */
class NotesTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void aNotePinnedToARowIsDrawnNamedInTheReplaySavedAndOpenedAgain(FxRobot robot, @TempDir Path dir) throws Exception {
        runSmallComparisonOfThreads(robot);
        ChartPane gil = robot.lookup("#chart-gil-threads").queryAs(ChartPane.class);
        double x = RowLayout.GUTTER + gil.plotWidth() / 3.0;
        long pixelNanos = board.state().window().span() / gil.plotWidth();

        robot.moveTo(gil, Pos.TOP_LEFT, new Point2D(x, gil.rowLayout().laneTop(0) + 2), Motion.DIRECT).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith("Pin a note at"))
                .queryAs(Labeled.class));
        assertTrue(robot.lookup("#note-bar").query().isVisible(), "the note line opens");
        assertTrue(text(robot, "note-where").matches("Note at [0-9.]+ ms on gil-threads:"), text(robot, "note-where"));
        robot.clickOn("#note-text").write("T2 waits here");
        robot.type(KeyCode.ENTER);

        assertEquals(1, board.model().notes().size());
        Note pinned = board.model().notes().get(0);
        long expectedAt = pinned.atNanos();
        assertEquals(new Note(expectedAt, "gil-threads", "T2 waits here"), pinned);
        assertTrue(Math.abs(expectedAt - gil.timeAt(x)) <= 2 * pixelNanos, "pinned where the row was clicked");
        assertEquals("Note at " + Durations.moment(expectedAt) + " on gil-threads:", text(robot, "note-where"));
        assertFalse(robot.lookup("#note-bar").query().isVisible(), "the note line closes once pinned");
        awaitFrames();
        robot.moveTo(gil, Pos.TOP_LEFT, new Point2D(RowLayout.GUTTER + board.state().window().xOf(expectedAt, gil.plotWidth()) + 1, gil.rowLayout().laneTop(0) + 4), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Note 1 at " + Durations.moment(expectedAt) + ": T2 waits here", text(robot, "hover-info"),
                "hovering the marker reads the note");

        robot.interact(() -> board.showReplayAt(expectedAt + 1_000, 1.0 / 16));
        assertTrue(text(robot, "callout").startsWith("✎ 1 · T2 waits here"), text(robot, "callout"));
        robot.interact(() -> board.showReplayAt(Math.max(0, expectedAt - 1_000), 1.0 / 16));
        assertFalse(text(robot, "callout").contains("T2 waits here"), "not before its moment");

        // The presenter's A: a note on every row at the replay's clock.
        robot.clickOn("#replay-clock");
        robot.type(KeyCode.A);
        assertTrue(text(robot, "note-where").endsWith("on every row:"), text(robot, "note-where"));
        assertEquals("", robot.lookup("#note-text").queryAs(TextField.class).getText(), "the key's letter is not typed into it");
        robot.clickOn("#note-text").write("   ");
        robot.clickOn("#note-pin");
        assertTrue(board.model().status().contains("a note needs some text"), board.model().status());
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#note-bar").query().isVisible(), "Esc closes the note line");

        // Running again would drop the unsaved note: the first press says so and does nothing.
        robot.clickOn("#run-all");
        assertFalse(board.model().running());
        assertTrue(board.model().status().contains("notes on this run have changes that are not saved yet"),
                board.model().status());
        // A note pinned after the warning asks again, rather than being dropped by the next press.
        robot.interact(() -> board.model().pin(new Note(expectedAt / 2, "", "earlier")));
        robot.clickOn("#run-all");
        assertFalse(board.model().running(), "new work: asked again");
        robot.interact(() -> board.model().unpin(board.model().notes().get(0)));

        Path saved = dir.resolve("with-notes.json");
        robot.interact(() -> board.saveRun(saved));
        assertTrue(board.model().status().endsWith("with 1 note"), board.model().status());
        assertTrue(Files.readString(saved).contains("\"T2 waits here\""));
        robot.interact(() -> board.openRun(saved));
        awaitFrames();
        assertEquals(List.of(new Note(expectedAt, "gil-threads", "T2 waits here")), board.model().notes(), "the note comes back");
        assertFalse(board.model().notesUnsaved());

        robot.interact(() -> board.model().pin(new Note(expectedAt / 2, "", "dropped on purpose")));
        robot.clickOn("#run-all");
        assertFalse(board.model().running());
        robot.clickOn("#run-all"); // the second press goes ahead, and the run replaces the notes
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !board.model().running());
        assertEquals(List.of(), board.model().notes(), "a new run starts without notes");
    }

    @Test
    void anOpenedRunIsFilmedWithItsNotes(FxRobot robot, @TempDir Path dir) throws Exception {
        runSmallComparisonOfThreads(robot);
        robot.interact(() -> board.model().pin(new Note(1_000_000, "", "one millisecond in")));
        Stage window = (Stage) board.getScene().getWindow();
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(window.isShowing(), "closing with a note not saved asks first");
        assertTrue(board.model().status().endsWith("or close the window again to drop them."), board.model().status());
        Path saved = dir.resolve("run.json");
        robot.interact(() -> board.saveRun(saved));
        robot.interact(() -> board.openRun(saved));
        assertTrue(board.model().opened().isPresent());

        var opened = board.model().opened().orElseThrow();
        BoardView filmed = WaitForAsyncUtils.asyncFx(() -> BoardPicture.board(opened, false, true)).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(new Note(1_000_000, "", "one millisecond in")), filmed.model().notes(),
                "the board a video is filmed from carries the notes");
        WaitForAsyncUtils.asyncFx(() -> filmed.showReplayAt(1_500_000, 1.0 / 16)).get(10, TimeUnit.SECONDS);
        assertTrue(((Label) filmed.lookup("#callout")).getText().startsWith("✎ 1 · one millisecond in"),
                "and a frame after the note names it");
        WaitForAsyncUtils.asyncFx(() -> filmed.frames().stop());

        Path gif = dir.resolve("opened.gif");
        robot.interact(() -> board.state().window().zoomTo(0, 3_000_000)); // three milliseconds at 1× …
        robot.interact(() -> board.exportVideo(gif));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> board.model().status().startsWith("Wrote the replay"));
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertTrue(reader.getNumImages(true) >= 2, "… is a replay of several frames");
            assertEquals(1920, reader.getWidth(0));
        }
    }
}
