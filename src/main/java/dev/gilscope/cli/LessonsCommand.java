package dev.gilscope.cli;

import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.ExerciseSet;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.Lessons;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"List the built-in lessons, or show one in full: its question, the run, where to look, the "
                + "explanation and the equivalent Python program.",
                "With --file, reads a lesson file of your own and shows it, or says which line is wrong. With --set, "
                + "checks an exercise set (the lessons and questions of a workshop, opened in the window with File → "
                + "Open exercise set) and lists it."})
final class LessonsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A lesson to show in full, e.g. L1.")
    String id;

    @Option(names = "--file", paramLabel = "FILE", description = "A lesson file to check and show.")
    Path file;

    @Option(names = "--set", paramLabel = "FILE", description = "An exercise set file to check and list.")
    Path set;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (set != null) {
            if (id != null || file != null) throw new UsageException("give --set alone, without a lesson ID or --file");
            ExerciseSet exercises = LessonChoice.loadSet(set);
            out.println(exercises.title());
            if (!exercises.about().isEmpty()) out.println(exercises.about());
            out.println();
            for (int i = 0; i < exercises.exercises().size(); i++) {
                ExerciseSet.Exercise e = exercises.exercises().get(i);
                out.printf("%d. %s: %s%n", i + 1, e.lesson().id(), e.lesson().title());
                out.println("   Predict: " + e.lesson().question());
                for (String q : e.questions()) out.println("   Ask: " + q);
            }
            out.println();
            out.println("Open it in the window with File → Open exercise set….");
        } else if (file != null) {
            if (id != null) throw new UsageException("give a lesson ID or --file, not both");
            show(LessonChoice.load(file), out);
        } else if (id != null) {
            show(Lessons.byId(id).orElseThrow(() ->
                    new UsageException("no lesson '" + id + "'; the lessons are " + Lessons.ids())), out);
        } else {
            for (Lesson l : Lessons.builtIn()) {
                out.printf("%-4s %s%n     %s · %s%n", l.id(), l.title(), l.request().workload(), l.request().modes());
            }
            out.println();
            out.println("Show one with: gilscope lessons L1");
        }
        out.flush();
        return 0;
    }

    private static void show(Lesson l, PrintWriter out) {
        out.println(l.id() + ": " + l.title());
        out.println();
        out.println("Predict: " + l.question());
        char letter = 'a';
        for (Lesson.Choice c : l.choices()) {
            out.printf("  %c) %s%s%n", letter++, c.text(), c.expected() ? "   ← the lesson's answer" : "");
            out.printf("       (%s)%n", c.condition());
        }
        out.println();
        out.println("Run: gilscope run " + commandLine(l.request()));
        out.println();
        out.println("Look at:");
        for (String line : l.look()) out.println("  - " + line);
        out.println();
        out.println(l.explanation().stripTrailing());
        out.println();
        out.println("In Python:");
        l.python().lines().forEach(line -> out.println("    " + line));
    }

    /** The lesson's run as {@code gilscope run} options, so it can be repeated by hand; defaults left out. */
    static String commandLine(RunRequest r) {
        RunRequest d = RunRequest.of(r.workload());
        StringBuilder s = new StringBuilder("--workload " + r.workload() + " --modes " + r.modes().replace(" ", ""));
        if (r.workers() != null) s.append(" --workers ").append(r.workers());
        if (r.tasks() != null) s.append(" --tasks ").append(r.tasks());
        if (r.size() != null) s.append(" --size ").append(r.size());
        if (r.chunkSize() != null) s.append(" --chunk-size ").append(r.chunkSize());
        if (given(r.switchIntervalMs(), d.switchIntervalMs())) s.append(" --switch-interval-ms ").append(r.switchIntervalMs());
        if (given(r.gil(), d.gil())) s.append(" --gil ").append(r.gil());
        if (r.legacyTicks() != null && "legacy".equals(r.gil())) s.append(" --legacy-ticks ").append(r.legacyTicks());
        if (r.forcedSwitching() != d.forcedSwitching()) s.append(" --no-forced-switching");
        if (given(r.checkpoints(), d.checkpoints())) s.append(" --checkpoints ").append(r.checkpoints());
        if (r.cores() != null) s.append(" --cores ").append(r.cores());
        if (given(r.pool(), d.pool())) s.append(" --pool ").append(r.pool());
        return s.toString();
    }

    /** Whether a value is set and differs from the default. */
    private static boolean given(Object value, Object defaultValue) {
        return value != null && !value.equals(defaultValue);
    }
}
