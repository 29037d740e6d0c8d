package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.Lessons;
import dev.gilscope.ui.BoardPicture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Run the comparison without a window and write the board as a PNG image (for course material, "
                + "and to check what the board shows).",
                "With --lesson, runs a lesson and draws its board with the lesson beside it; --lesson all --out DIR "
                + "writes one picture per lesson and an index.html that shows them all. With --saved, draws a run "
                + "saved earlier, with its notes."})
final class SnapshotCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    BoardSource what;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the picture (.png, or .svg with --svg); a folder with --lesson all.")
    Path out;

    @Mixin
    PictureOptions picture;

    @Option(names = "--svg", description = "Write SVG (vector, for slides) instead of PNG. Not with --lesson or --presentation.")
    boolean svg;

    private final PrintStream err;

    SnapshotCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        picture.check();
        if (svg && what.lesson != null) throw new UsageException("--svg draws a run's board; a lesson's picture is PNG (leave out --svg)");
        if (svg && what.saved != null) throw new UsageException("--svg draws a fresh run; a saved run's picture is PNG (leave out --svg)");
        if (svg && picture.presentation) throw new UsageException("--presentation is for PNG pictures; leave out --svg");
        if (what.lesson != null) return lessons();
        if (what.saved != null) return savedRun();
        RunRequest.Checked run = what.run.validate();
        OutputFiles.checkWritable("--out", out);
        ComparisonResult result = ProgressRun.run(run, err);
        try {
            if (svg) BoardPicture.writeSvg(result, picture.width, picture.height, picture.dark, out);
            else BoardPicture.writePng(result, picture.width, picture.height, picture.dark, picture.presentation, out);
        } catch (IOException e) {
            err.println("gilscope: could not write " + out + ": " + e.getMessage());
            return 1;
        }
        err.println("gilscope: wrote " + out);
        return result.modes().stream().allMatch(ModeResult::resultOk) ? 0 : 1;
    }

    private int savedRun() {
        var run = what.savedRun();
        OutputFiles.checkWritable("--out", out);
        try {
            BoardPicture.writePng(run, picture.width, picture.height, picture.dark, picture.presentation, out);
        } catch (IOException e) {
            err.println("gilscope: could not write " + out + ": " + e.getMessage());
            return 1;
        }
        int notes = run.info().notes().size();
        err.println("gilscope: wrote " + out + " (the run saved in " + what.saved.getFileName() + ", " + notes
                + (notes == 1 ? " note)" : " notes)"));
        return 0;
    }

    private int lessons() throws IOException {
        if (!what.lesson.equalsIgnoreCase("all")) {
            Lesson lesson = what.lessonOrNull();
            OutputFiles.checkWritable("--out", out);
            return drawLesson(lesson, out) != null ? 0 : 1;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file; with --lesson all, --out names a folder for the pictures");
        }
        Files.createDirectories(out);
        List<Lesson> lessons = Lessons.builtIn();
        LessonIndex index = new LessonIndex();
        int failed = 0;
        for (Lesson lesson : lessons) {
            Path file = out.resolve(lesson.id().toLowerCase(Locale.ROOT) + ".png");
            ComparisonResult result = drawLesson(lesson, file);
            if (result == null) failed++;
            else index.add(lesson, result, file.getFileName().toString());
        }
        Path page = out.resolve("index.html");
        index.write(page);
        err.println("gilscope: wrote " + page + " (" + (lessons.size() - failed) + " of " + lessons.size() + " lessons)");
        return failed == 0 ? 0 : 1;
    }

    /** Runs one lesson and writes its picture; null (and the reason on stderr) when it could not. */
    private ComparisonResult drawLesson(Lesson lesson, Path file) {
        err.println("gilscope: lesson " + lesson.id() + ": " + lesson.title());
        ComparisonResult result = ProgressRun.run(lesson.request().check(), err);
        try {
            BoardPicture.writeLessonPng(lesson, result, picture.width, picture.height, picture.dark, picture.presentation, file);
        } catch (IOException e) {
            err.println("gilscope: could not write " + file + ": " + e.getMessage());
            return null;
        }
        err.println("gilscope: wrote " + file);
        return result.modes().stream().allMatch(ModeResult::resultOk) ? result : null;
    }
}
