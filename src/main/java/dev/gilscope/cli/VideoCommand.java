package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.trace.export.SavedRun;
import dev.gilscope.ui.ReplayVideo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "video", mixinStandardHelpOptions = true,
        description = {"Run the comparison (or a lesson) without a window, or take a saved run, and write its replay as "
                + "a video: MP4 (H.264), or an animated GIF with --gif. Every frame is drawn off-screen from the board.",
                "Example: gilscope video --lesson L1 --speed 1/16 --out l1.mp4"})
final class VideoCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    BoardSource what;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the video (.mp4, or .gif with --gif).")
    Path out;

    @Option(names = "--gif", description = "An animated GIF (10 frames a second) instead of MP4 (25 frames a second).")
    boolean gif;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1/16",
            description = "Replay speed: 1, 1/4, 1/16 (a 5 ms switch lasts 80 ms on screen) or any 1/N or decimal "
                    + "from 0.001 to 4 (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--from", paramLabel = "MS", defaultValue = "0", description = "Start of the replay, ms on the board's time axis (default: 0).")
    double fromMs;

    @Option(names = "--to", paramLabel = "MS", description = "End of the replay, ms on the time axis (default: the end of the longest mode).")
    Double toMs;

    @Mixin
    PictureOptions picture;

    private final PrintStream err;

    VideoCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        picture.check();
        if (picture.width % 2 != 0 || picture.height % 2 != 0) {
            throw new UsageException("--width " + picture.width + " --height " + picture.height + ": a video's sides are even numbers");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (gif != name.endsWith(".gif")) {
            throw new UsageException(gif ? "--gif writes a GIF: name the file .gif (got " + out.getFileName() + ")"
                    : "--out " + out.getFileName() + ": an MP4 video is named .mp4; for a GIF add --gif");
        }
        double factor = speed(speed);
        if (fromMs < 0 || (toMs != null && toMs <= fromMs)) {
            throw new UsageException("--from " + fromMs + (toMs == null ? "" : " --to " + toMs)
                    + " is not a time window; use 0 ≤ --from < --to (ms on the board's axis)");
        }
        SavedRun saved = what.saved != null ? what.savedRun() : null;
        OutputFiles.checkWritable("--out", out);
        Lesson lesson = what.lessonOrNull();
        ComparisonResult result = null;
        if (saved == null) {
            RunRequest.Checked run = lesson != null ? lesson.request().check() : what.run.validate();
            if (lesson != null) err.println("gilscope: lesson " + lesson.id() + ": " + lesson.title());
            result = ProgressRun.run(run, err);
        }
        ReplayVideo.Options options = new ReplayVideo.Options(gif ? ReplayVideo.Format.GIF : ReplayVideo.Format.MP4, factor,
                Math.round(fromMs * 1e6), toMs == null ? Long.MAX_VALUE : Math.round(toMs * 1e6), picture.width, picture.height,
                picture.dark, picture.presentation);
        long started = System.nanoTime();
        try {
            ReplayVideo.Progress progress = new ReplayVideo.Progress() {
                int shown = -1;

                @Override
                public void frame(int written, int total) {
                    int percent = 100 * written / total;
                    if (percent / 10 != shown / 10 || written == total) {
                        shown = percent;
                        err.printf(Locale.ROOT, "gilscope: frame %d of %d (%d %%)%n", written, total, percent);
                    }
                }
            };
            if (saved != null) ReplayVideo.write(saved, options, out, progress);
            else ReplayVideo.write(result, lesson, List.of(), options, out, progress);
        } catch (IOException e) {
            err.println("gilscope: could not write " + out + ": " + e.getMessage());
            return 1;
        }
        err.printf(Locale.ROOT, "gilscope: wrote %s at %s speed in %.1f s%n", out, ReplayVideo.speedText(factor),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** "1/16", "0.25", "1": a replay speed; what is not one says what is. */
    static double speed(String text) {
        String t = text.trim().replace("×", "").replace("x", "");
        double value;
        try {
            int slash = t.indexOf('/');
            value = slash < 0 ? Double.parseDouble(t) : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0.001 && value <= 4)) {
            throw new UsageException("--speed '" + text + "' is not a replay speed; use 1, 1/4, 1/16, another 1/N or a decimal from 0.001 to 4");
        }
        return value;
    }
}
