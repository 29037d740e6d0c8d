package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.Mode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on JavaFX's headless platform, driven as a user would: type, click, hover, cancel.
 * Runs are real (small workloads), so these tests wait for what a user would wait for.
 */
class GilscopeAppTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void type(FxRobot robot, String fieldId, String text) {
        robot.interact(() -> robot.lookup("#" + fieldId).queryAs(TextField.class).setText(text));
    }

    private void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    /** Pixels of the chart that are not background: lanes with something drawn on them. */
    private static long paintedPixels(FxRobot robot, Mode mode) {
        return paintedPixels(robot, mode, 0, 1);
    }

    /** Painted pixels between two fractions of the chart's plotted width (0 = its left edge, 1 = its right). */
    private static long paintedPixels(FxRobot robot, Mode mode, double fromShare, double toShare) {
        ChartPane chart = robot.lookup("#chart-" + mode.cliName()).queryAs(ChartPane.class);
        Image picture;
        try {
            picture = WaitForAsyncUtils.asyncFx(() -> chart.canvas().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not take the chart's picture", e);
        }
        PixelReader pixels = picture.getPixelReader();
        Palette palette = Palette.LIGHT;
        long painted = 0;
        int plotted = (int) picture.getWidth() - RowLayout.GUTTER;
        int fromX = RowLayout.GUTTER + (int) (plotted * fromShare), toX = RowLayout.GUTTER + (int) (plotted * toShare);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                int argb = pixels.getArgb(x, y);
                if (argb != palette.background() && argb != palette.laneBackground()) painted++;
            }
        }
        return painted;
    }

    @Test
    void runningASmallWorkloadFillsAllFourRows(FxRobot robot) throws TimeoutException {
        assertTrue(stage.getTitle().startsWith("gilscope"));
        type(robot, "field-tasks", "2");
        type(robot, "field-size", "150000");
        robot.clickOn("#run-all");
        waitFor(120, () -> !board.model().running());
        awaitFrames();
        for (Mode mode : Mode.emulatedModes()) {
            assertEquals("done", text(robot, "status-" + mode.cliName()), mode + ": " + board.model().status());
            assertTrue(text(robot, "wall-" + mode.cliName()).matches("\\d+\\.\\d{3} s.*"), text(robot, "wall-" + mode.cliName()));
            // Zoomed to this mode's own run: at the shared axis a short mode is a sliver, narrower when a slow one stretches it.
            long duration = board.model().row(mode).durationNanos();
            robot.interact(() -> board.state().window().zoomTo(0, duration));
            awaitFrames();
            assertTrue(paintedPixels(robot, mode) > 1_000, mode + " has lanes drawn");
        }
        assertTrue(text(robot, "wall-sequential").contains("1.00×"), "the sequential row is the baseline");
        assertTrue(text(robot, "lock-gil-threads").contains("hand-offs"), text(robot, "lock-gil-threads"));
        assertTrue(text(robot, "lock-free-threads").matches("(?s).*the window used \\d+\\.\\d\\d CPU s meanwhile.*"),
                "each row says what watching it cost: " + text(robot, "lock-free-threads"));
        assertTrue(board.model().status().startsWith("Done"), board.model().status());
        javafx.scene.layout.GridPane lockTable = robot.lookup("#lock-table").queryAs(javafx.scene.layout.GridPane.class);
        java.util.List<String> cells = lockTable.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        for (Mode mode : Mode.emulatedModes()) assertTrue(cells.contains(mode.cliName()), "summary lists " + mode + ": " + cells);
    }

    @Test
    void hoveringALaneSaysWhatTheWorkerWasDoing(FxRobot robot) throws TimeoutException {
        runSmallComparisonOfThreads(robot);
        ChartPane chart = robot.lookup("#chart-sequential").queryAs(ChartPane.class);
        RowLayout layout = chart.rowLayout();
        double laneMiddle = layout.laneTop(0) + layout.laneHeight() / 2.0;
        // Where the sequential run is computing: a quarter of the way through its run, on lane T1.
        TimeWindow window = board.state().window();
        long sequentialNanos = board.model().row(Mode.SEQUENTIAL).durationNanos();
        double x = RowLayout.GUTTER + window.xOf(sequentialNanos / 4, chart.plotWidth());
        robot.moveTo(chart, Pos.TOP_LEFT, new Point2D(x, laneMiddle), org.testfx.robot.Motion.DIRECT);
        waitFor(5, () -> text(robot, "hover-info").contains("holding lock"));
        String hover = text(robot, "hover-info");
        assertTrue(hover.startsWith("sequential · T1"), hover);
        String tip = chart.tooltip().getText();
        assertTrue(tip.startsWith("sequential · T1 · holding lock\n"), tip);
        assertTrue(tip.matches("(?s)[^\\n]*\\n[^\\n]+ → [^\\n]+ \\(.+\\)\\n.*"), "start → end (duration): " + tip);
        assertTrue(hover.contains("on core") || hover.contains("core unknown"), hover);
    }

    @Test
    void invalidInputIsMarkedExplainedAndCannotBeRun(FxRobot robot) {
        type(robot, "field-tasks", "abc");
        Label problems = robot.lookup("#problems").queryAs(Label.class);
        assertTrue(problems.isVisible());
        assertTrue(problems.getText().contains("Tasks: 'abc' is not a whole number"), problems.getText());
        assertTrue(robot.lookup("#field-tasks").query().getStyleClass().contains("invalid"));
        assertTrue(robot.lookup("#run-all").queryAs(Button.class).isDisabled(), "Run is disabled while the form is wrong");

        type(robot, "field-tasks", "4");
        type(robot, "field-workers", "0");
        assertTrue(problems.getText().contains("Workers: 0 is out of range; use 1 to 256"), problems.getText());
        type(robot, "field-workers", "2");
        type(robot, "field-switch-interval-ms", "-1");
        assertTrue(problems.getText().contains("Switch interval"), problems.getText());
        type(robot, "field-switch-interval-ms", "5");
        assertFalse(problems.isVisible(), problems.getText());
        assertFalse(robot.lookup("#run-all").queryAs(Button.class).isDisabled());
        assertEquals("4", robot.lookup("#field-tasks").queryAs(TextField.class).getText(), "what was typed is kept");
    }

    @Test
    void noModeTickedIsRefusedToo(FxRobot robot) {
        for (Mode mode : Mode.values()) {
            robot.interact(() -> robot.lookup("#mode-" + mode.cliName()).queryAs(javafx.scene.control.CheckBox.class)
                    .setSelected(false));
        }
        assertTrue(robot.lookup("#problems").queryAs(Label.class).getText().contains("tick at least one mode"));
        assertTrue(robot.lookup("#run-all").queryAs(Button.class).isDisabled());
    }

    @Test
    void cancelStopsThreadsAndWorkerProcessesWithinASecond(FxRobot robot) throws Exception {
        type(robot, "field-tasks", "400"); // about a minute in all: cancel must not wait for it
        robot.interact(() -> {
            for (Mode mode : new Mode[] {Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS}) {
                robot.lookup("#mode-" + mode.cliName()).queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            }
        });
        robot.clickOn("#run-all");
        waitFor(60, () -> board.model().row(Mode.PROCESSES).live()
                && ProcessHandle.current().descendants().findAny().isPresent());
        waitFor(30, () -> paintedPixels(robot, Mode.PROCESSES) > 0);
        long asked = System.nanoTime();
        robot.clickOn("#cancel");
        assertTrue(board.model().awaitIdle(5_000), "the run ends");
        waitFor(5, () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertTrue(seconds < 3, "threads and workers gone " + seconds + " s after Cancel"); // generous on a loaded machine
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", text(robot, "status-processes"));
        assertTrue(board.model().status().startsWith("Cancelled"), board.model().status());
        assertTrue(paintedPixels(robot, Mode.PROCESSES) > 0, "what was recorded until the cancel stays on the board");
    }

    @Test
    void scrollZoomsEveryRowAndDoubleClickShowsAllAgain(FxRobot robot) throws TimeoutException {
        runSmallComparisonOfThreads(robot);
        TimeWindow window = board.state().window();
        long fullSpan = window.span();
        Node chart = robot.lookup("#chart-sequential").query(); // the top row: always in view
        robot.moveTo(chart).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.span() < fullSpan, "zoomed in: " + window.span() + " < " + fullSpan);
        assertFalse(window.following());
        robot.doubleClickOn(chart);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.following());
        assertEquals(fullSpan, window.span());
    }

    @Test
    void replayDrawsEveryRowUpToItsClock(FxRobot robot) throws TimeoutException {
        runSmallComparisonOfThreads(robot);
        long before = paintedPixels(robot, Mode.SEQUENTIAL);
        robot.interact(() -> robot.lookup("#replay-slider").queryAs(javafx.scene.control.Slider.class)
                .setValue(board.model().row(Mode.SEQUENTIAL).durationNanos() / 2.0));
        awaitFrames();
        long halfway = paintedPixels(robot, Mode.SEQUENTIAL);
        assertTrue(halfway < before * 0.7 && halfway > before * 0.3,
                "half of the run drawn at half time: " + halfway + " of " + before);
        assertNotEquals("", text(robot, "replay-clock"));
        robot.clickOn("#replay-stop");
        awaitFrames();
        assertEquals(before, paintedPixels(robot, Mode.SEQUENTIAL), "Show all draws everything again");
    }

    @Test
    void aSavedRunOpensAgainAndABadFileChangesNothing(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        runSmallComparisonOfThreads(robot);
        String gilWall = text(robot, "wall-gil-threads");
        String gilLock = text(robot, "lock-gil-threads");
        long painted = paintedPixels(robot, Mode.GIL_THREADS);

        java.nio.file.Path saved = dir.resolve("run.json");
        robot.interact(() -> board.saveRun(saved));
        assertTrue(java.nio.file.Files.size(saved) > 1_000, "the run is written");
        java.nio.file.Path png = dir.resolve("board.png");
        robot.interact(() -> board.exportPng(png));
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 600, board.model().status());
        java.nio.file.Path svg = dir.resolve("board.svg");
        robot.interact(() -> board.exportSvg(svg));
        assertTrue(java.nio.file.Files.readString(svg).contains(">gil-threads<"), board.model().status());
        java.nio.file.Path row = dir.resolve("gil.png");
        robot.interact(() -> board.exportRow(Mode.GIL_THREADS, "png", row));
        java.awt.image.BufferedImage rowPicture = javax.imageio.ImageIO.read(row.toFile());
        assertTrue(rowPicture.getHeight() < rowPicture.getWidth() / 2, "one row: wide and short");
        java.nio.file.Path rowSvg = dir.resolve("gil.svg");
        robot.interact(() -> board.exportRow(Mode.GIL_THREADS, "svg", rowSvg));
        String rowText = java.nio.file.Files.readString(rowSvg);
        assertTrue(rowText.contains(">gil-threads<") && !rowText.contains(">free-threads<"), "only that row");
        java.nio.file.Path csv = dir.resolve("run.csv");
        robot.interact(() -> board.exportCsv(csv));
        assertTrue(java.nio.file.Files.readString(csv).startsWith("mode,lane,kind"), board.model().status());

        java.nio.file.Path notes = dir.resolve("notes.json");
        java.nio.file.Files.writeString(notes, "my notes, not a trace");
        robot.interact(() -> board.openRun(notes));
        assertTrue(board.model().status().startsWith("Could not open notes.json"), board.model().status());
        assertEquals(gilWall, text(robot, "wall-gil-threads"), "the board still shows its run");

        robot.interact(() -> board.model().row(Mode.GIL_THREADS).clear());
        robot.interact(() -> board.openRun(saved));
        awaitFrames();
        assertTrue(board.model().status().startsWith("Opened run.json"), board.model().status());
        assertEquals(gilWall, text(robot, "wall-gil-threads"), "the saved figures come back");
        assertEquals(gilLock.lines().limit(2).toList(), text(robot, "lock-gil-threads").lines().toList(),
                "the lock figures come back (what watching cost belongs to that window, not to the run)");
        assertEquals("done", text(robot, "status-sequential"));
        assertEquals("not run", text(robot, "status-processes"), "a mode that was not run stays empty");
        long reopened = paintedPixels(robot, Mode.GIL_THREADS);
        assertTrue(Math.abs(reopened - painted) < painted / 50, "the same lanes are drawn: " + reopened + " vs " + painted);
    }

    @Test
    void clickingAWorkerLaneHighlightsThatWorkerInEveryRow(FxRobot robot) throws TimeoutException {
        runSmallComparisonOfThreads(robot);
        ChartPane gil = robot.lookup("#chart-gil-threads").queryAs(ChartPane.class);
        ChartPane sequential = robot.lookup("#chart-sequential").queryAs(ChartPane.class);
        RowLayout seqLayout = sequential.rowLayout();
        int x = RowLayout.GUTTER + 20;
        int y = seqLayout.laneTop(0) + seqLayout.laneHeight() / 2;
        int before = pixel(sequential, x, y);

        RowLayout gilLayout = gil.rowLayout();
        robot.moveTo(gil, Pos.TOP_LEFT,
                new Point2D(RowLayout.GUTTER + 20, gilLayout.laneTop(1) + gilLayout.laneHeight() / 2.0),
                org.testfx.robot.Motion.DIRECT).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        awaitFrames();
        assertEquals(1, board.state().selectedWorker(), "T2 is selected");
        assertNotEquals(before, pixel(sequential, x, y), "T1 fades in the other rows too");

        robot.sleep(800); // not a double-click, which shows the whole run instead
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY); // the same lane again
        awaitFrames();
        assertEquals(-1, board.state().selectedWorker(), "a second click clears the selection");
        assertEquals(before, pixel(sequential, x, y));
    }

    @Test
    void withoutLiveDrawingTheRowsAreDrawnWhenEachModeEnds(FxRobot robot) throws TimeoutException {
        robot.interact(() -> robot.lookup("#live-toggle").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
        runSmallComparisonOfThreads(robot);
        for (Mode mode : new Mode[] {Mode.SEQUENTIAL, Mode.GIL_THREADS, Mode.FREE_THREADS}) {
            assertEquals("done", text(robot, "status-" + mode.cliName()));
            assertTrue(paintedPixels(robot, mode) > 1_000, mode + " is drawn once it has finished");
        }
    }

    @Test
    void aRunThatOutgrowsTheRecordingCapSaysSoAndKeepsItsFigures(FxRobot robot) throws TimeoutException {
        // 60,000 events for 4 threads handing the lock over every microsecond: the lanes run out midway.
        dev.gilscope.runtime.RunRequest request = new dev.gilscope.runtime.RunRequest("count-primes", "gil-threads", 4, 160,
                300_000L, null, 0.001, "new", null, true, "back-edges", null, "cold", 60_000);
        robot.interact(() -> board.model().run(request.check()));
        waitFor(120, () -> !board.model().running());
        awaitFrames();
        assertEquals("done", text(robot, "status-gil-threads"), board.model().status());
        String lock = text(robot, "lock-gil-threads");
        assertTrue(lock.matches("(?s).*recording full at \\d+\\.\\d s: [\\d,]+ events not kept.*"), lock);
        assertTrue(lock.matches("(?s)[\\d,]+ hand-offs .*"), "the lock figures are still there, counted in full: " + lock);
        long early = paintedPixels(robot, Mode.GIL_THREADS, 0, 0.1), late = paintedPixels(robot, Mode.GIL_THREADS, 0.9, 1);
        assertTrue(late < early / 4, "the lanes stop where they ran out instead of being drawn as if known: "
                + early + " painted pixels in the first tenth, " + late + " in the last");
    }

    @Test
    void manyWorkersRunInAJvmOfTheirOwnAndAreDrawnLiveAsAnyRun(FxRobot robot) throws TimeoutException {
        int workers = BoardModel.OWN_JVM_FROM_WORKERS;
        dev.gilscope.runtime.RunRequest request = new dev.gilscope.runtime.RunRequest("count-primes", "gil-threads,free-threads",
                workers, 2 * workers, 200_000L, null, 1.0, "new", null, true, "back-edges", null, "cold",
                dev.gilscope.trace.EventBudget.DEFAULT_MAX_EVENTS);
        java.util.Set<Long> hosts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        robot.interact(() -> board.model().run(request.check()));
        waitFor(120, () -> {
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> java.util.List.of(a).contains("dev.gilscope.runtime.ThreadHostMain")).orElse(false))
                    .forEach(p -> hosts.add(p.pid()));
            return !board.model().running();
        });
        awaitFrames();
        assertEquals(1, hosts.size(), "one JVM of their own ran both thread modes: " + hosts);
        for (Mode mode : new Mode[] {Mode.GIL_THREADS, Mode.FREE_THREADS}) {
            assertEquals("done", text(robot, "status-" + mode.cliName()), board.model().status());
            assertEquals(workers, board.model().row(mode).laneCount(), mode + ": a lane per worker came home");
            assertTrue(paintedPixels(robot, mode) > 1_000, mode + " is drawn");
        }
        waitFor(15, () -> ProcessHandle.of(hosts.iterator().next()).map(p -> !p.isAlive()).orElse(true));
    }

    private static int pixel(ChartPane chart, int x, int y) {
        try {
            Image picture = WaitForAsyncUtils.asyncFx(() -> chart.canvas().snapshot(null, null)).get(10, TimeUnit.SECONDS);
            return picture.getPixelReader().getArgb(x, y);
        } catch (Exception e) {
            throw new AssertionError("could not take the chart's picture", e);
        }
    }
}
