package dev.gilscope.cli;

import dev.gilscope.scenario.ExerciseSet;
import dev.gilscope.scenario.ExerciseSetFile;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.LessonFile;
import dev.gilscope.scenario.Lessons;
import dev.gilscope.scenario.TeacherFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A lesson named on the command line: a built-in id (L1) or a lesson file; what is wrong is a usage error. */
final class LessonChoice {

    private LessonChoice() {}

    static Lesson find(String idOrFile) {
        var builtIn = Lessons.byId(idOrFile);
        if (builtIn.isPresent()) return builtIn.get();
        if (idOrFile.endsWith(".lesson") || idOrFile.contains("/") || Files.exists(Path.of(idOrFile))) {
            return load(Path.of(idOrFile));
        }
        throw new UsageException("no lesson '" + idOrFile + "'; the lessons are " + Lessons.ids() + ", or give a lesson file");
    }

    /** An exercise set file, checked with every lesson it names. */
    static ExerciseSet loadSet(Path file) {
        return read(file, () -> ExerciseSetFile.load(file));
    }

    static Lesson load(Path file) {
        return read(file, () -> Lessons.load(file));
    }

    /** A teacher's file read, or a usage error that names its line (or that it cannot be read). */
    private static <T> T read(Path file, TeacherFile<T> reader) {
        try {
            return reader.read();
        } catch (LessonFile.FormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file" : e.toString();
            throw new UsageException("cannot read " + file + ": " + reason);
        }
    }
}
