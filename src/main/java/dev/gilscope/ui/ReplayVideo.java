package dev.gilscope.ui;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.video.FrameSink;
import dev.gilscope.video.GifWriter;
import dev.gilscope.video.Mp4Writer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import dev.gilscope.trace.Note;
import dev.gilscope.trace.export.SavedRun;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

/**
 * A run's replay as a video: the board drawn off-screen frame by frame at the replay's clock (never a
 * screen grab), then encoded as MP4 (H.264) or an animated GIF in pure Java.
 */
public final class ReplayVideo {

    public enum Format {
        MP4(25), GIF(10);

        /** Frames per second: smooth for video; fewer for GIF, whose frames are whole pictures. */
        final int framesPerSecond;

        Format(int framesPerSecond) {
            this.framesPerSecond = framesPerSecond;
        }
    }

    /** A video longer than this is almost certainly a mistake (a 2 s run at 1/16 is 32 s). */
    public static final double MAX_SECONDS = 300;

    /**
     * What to film.
     *
     * @param speed replay speed, e.g. 1/16 = 0.0625 (a 5 ms switch lasts 80 ms on screen)
     * @param fromNanos start on the board's time axis
     * @param toNanos end on the time axis, or {@link Long#MAX_VALUE} for the end of the longest mode
     */
    public record Options(Format format, double speed, long fromNanos, long toNanos, int width, int height, boolean dark,
                          boolean presentation) {

        public Options {
            if (!(speed > 0)) throw new IllegalArgumentException("the speed must be above 0");
            if (fromNanos < 0 || toNanos <= fromNanos) throw new IllegalArgumentException("the time window is empty");
            if (width % 2 != 0 || height % 2 != 0) throw new IllegalArgumentException("a video's width and height are even");
        }
    }

    /** Told after each frame, on the thread that writes the video. */
    public interface Progress {
        void frame(int written, int total);
    }

    private ReplayVideo() {}

    /** How many frames the video of {@code replayNanos} of the run has at this speed and format. */
    public static int frames(long replayNanos, Options options) {
        double seconds = replayNanos / 1e9 / options.speed();
        return (int) Math.ceil(seconds * options.format().framesPerSecond) + 1;
    }

    /**
     * Films a finished comparison (with its lesson beside it, if any, and the presenter's notes on the board
     * and in the callout as the replay passes them). Call off the UI thread; it starts JavaFX if needed.
     */
    public static void write(ComparisonResult result, Lesson lesson, List<Note> notes, Options options, Path out,
                             Progress progress) throws IOException {
        film(() -> BoardPicture.board(result, lesson, null, notes, options.dark(), options.presentation()), options, out,
                progress);
    }

    /** Films a run read back from a file, with its notes. */
    public static void write(SavedRun run, Options options, Path out, Progress progress) throws IOException {
        film(() -> BoardPicture.board(run, options.dark(), options.presentation()), options, out, progress);
    }

    private static void film(Supplier<BoardView> makeBoard, Options options, Path out, Progress progress) throws IOException {
        BoardPicture.startToolkit();
        BoardView board = BoardPicture.onUiThread(() -> {
            BoardView b = makeBoard.get();
            BoardPicture.render(b, options.width(), options.height());
            return b;
        });
        long end = Math.min(options.toNanos(), BoardPicture.onUiThread(board::replayEnd));
        if (end <= options.fromNanos()) {
            throw new IOException("the run is " + Durations.format(end) + " long; --from " + Durations.format(options.fromNanos())
                    + " is past its end");
        }
        long span = end - options.fromNanos();
        double seconds = span / 1e9 / options.speed();
        if (seconds > MAX_SECONDS) {
            throw new IOException(String.format(Locale.ROOT, "that would be a %.0f-second video (%s of the run at %s speed); "
                    + "choose a shorter time window or a faster speed (at most %.0f s)", seconds, Durations.format(span),
                    speedText(options.speed()), MAX_SECONDS));
        }
        int total = frames(span, options);
        try (FrameSink sink = options.format() == Format.GIF ? new GifWriter(out, options.format().framesPerSecond)
                : new Mp4Writer(out, options.format().framesPerSecond)) {
            for (int k = 0; k < total; k++) {
                long at = Math.min(end, options.fromNanos() + Math.round(k * 1e9 / options.format().framesPerSecond * options.speed()));
                WritableImage picture = BoardPicture.onUiThread(() -> {
                    board.showReplayAt(at, options.speed());
                    board.frame(0);
                    board.applyCss();
                    board.layout();
                    return board.getScene().snapshot(null); // every frame the same size
                });
                sink.add(SwingFXUtils.fromFXImage(picture, new BufferedImage((int) picture.getWidth(),
                        (int) picture.getHeight(), BufferedImage.TYPE_INT_RGB)));
                progress.frame(k + 1, total);
            }
            sink.finish();
        } finally {
            Platform.runLater(() -> board.frames().stop());
        }
    }

    /** "1/16", "¼" … as a person writes a speed. */
    public static String speedText(double speed) {
        if (speed >= 1) return String.format(Locale.ROOT, "%.3g×", speed).replaceFirst("\\.?0+×", "×");
        return "1/" + String.format(Locale.ROOT, "%.3g", 1 / speed).replaceFirst("\\.?0+$", "");
    }
}
