package dev.gilscope.cli;

import dev.gilscope.scenario.Lesson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What a picture or video shows: a run described by options, or a lesson (which sets the run itself). */
final class BoardSource {

    @ArgGroup(exclusive = false, heading = "%nThe run (or --lesson):%n")
    RunOptions run;

    @Option(names = "--lesson", paramLabel = "ID|FILE",
            description = "A built-in lesson (L1 … L11) or a lesson file: runs it and draws it with the lesson beside the "
                    + "board. snapshot also takes all.")
    String lesson;

    /** The lesson named, or null for a run described by options. */
    Lesson lessonOrNull() {
        return lesson == null ? null : LessonChoice.find(lesson);
    }
}
