package dev.gilscope.cli;

import dev.gilscope.scenario.Lesson;
import dev.gilscope.trace.export.SavedRun;
import dev.gilscope.trace.export.TraceFormatException;
import dev.gilscope.trace.export.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What a picture or video shows: a run described by options, a lesson (which sets the run itself), or a
 * run saved earlier (drawn as it was recorded, with its notes).
 */
final class BoardSource {

    @ArgGroup(exclusive = false, heading = "%nThe run (or --lesson, or --saved):%n")
    RunOptions run;

    @Option(names = "--lesson", paramLabel = "ID|FILE",
            description = "A built-in lesson (L1 … L11) or a lesson file: runs it and draws it with the lesson beside the "
                    + "board. snapshot also takes all.")
    String lesson;

    @Option(names = "--saved", paramLabel = "FILE",
            description = "A run saved from the window (File → Save run) or with run --trace: drawn as it was recorded, "
                    + "with the notes pinned to it; nothing is run.")
    Path saved;

    /** The saved run named, read and checked; a file that is no saved run is refused with what is wrong. */
    SavedRun savedRun() {
        if (Files.isDirectory(saved)) throw new UsageException("--saved " + saved + " is a folder; name the saved run's .json file");
        if (!Files.isRegularFile(saved)) throw new UsageException("--saved " + saved + ": no such file");
        try {
            return TraceReader.read(saved);
        } catch (TraceFormatException e) {
            throw new UsageException("--saved: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--saved " + saved + " could not be read: " + e.getMessage());
        }
    }

    /** The lesson named, or null for a run described by options. */
    Lesson lessonOrNull() {
        return lesson == null ? null : LessonChoice.find(lesson);
    }
}
