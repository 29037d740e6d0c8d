package dev.gilscope.ui;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.ResultFigures;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.Condition;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A learner's way through one lesson, without a window: choose the lesson, predict, run (again, with the
 * lesson's other settings), and read after each run whether the prediction held. The prediction is fixed
 * once the first run starts, as in a workshop; {@link #startOver()} clears it.
 */
final class LessonSession {

    /** One finished run of the lesson: what it was run with, its figures, and the verdict on the prediction. */
    record Run(String label, ComparisonResult result, Verdict verdict) {}

    private Lesson lesson;
    private Lesson.Choice predicted;
    private boolean awaiting;
    private boolean started;
    private final List<Run> runs = new ArrayList<>();

    Optional<Lesson> lesson() {
        return Optional.ofNullable(lesson);
    }

    /** Opens a lesson: no prediction yet, no runs. */
    void open(Lesson chosen) {
        lesson = chosen;
        startOver();
    }

    /** Opens a lesson where the learner left it: the prediction made and the runs done (an exercise set's lesson). */
    void resume(Lesson chosen, Lesson.Choice prediction, List<Run> done) {
        open(chosen);
        predicted = prediction;
        runs.addAll(done);
        started = !done.isEmpty();
    }

    void startOver() {
        predicted = null;
        awaiting = false;
        started = false;
        runs.clear();
    }

    Optional<Lesson.Choice> predicted() {
        return Optional.ofNullable(predicted);
    }

    /** Whether the learner may still change the prediction: until the first run starts. */
    boolean mayPredict() {
        return lesson != null && !started;
    }

    void predict(Lesson.Choice choice) {
        if (!mayPredict()) throw new IllegalStateException("the prediction is fixed once the lesson has run; start over to change it");
        if (!lesson.choices().contains(choice)) throw new IllegalArgumentException("not an answer of " + lesson.id());
        predicted = choice;
    }

    /** Running needs a prediction first: that is the point of the exercise. */
    boolean mayRun() {
        return lesson != null && predicted != null;
    }

    /** What stands between the learner and the next step, or empty when they can run. */
    Optional<String> hint() {
        if (lesson == null) return Optional.of("Choose a lesson.");
        if (predicted == null) return Optional.of("Choose your prediction, then run the lesson.");
        return Optional.empty();
    }

    /** The window started a run for this lesson; the next finished run is its answer. */
    void runStarted() {
        if (!mayRun()) throw new IllegalStateException(hint().orElse("cannot run"));
        awaiting = true;
        started = true;
    }

    /** The run did not start after all (the board said why): the prediction may still change if nothing ran. */
    void runRefused() {
        awaiting = false;
        started = !runs.isEmpty();
    }

    boolean awaiting() {
        return awaiting;
    }

    /**
     * A run ended. A cancelled run is dropped: it has no verdict. Returns the run it recorded, if any.
     */
    Optional<Run> runEnded(ComparisonResult result, boolean cancelled) {
        if (!awaiting) return Optional.empty();
        awaiting = false;
        if (cancelled || result == null) return Optional.empty();
        Run run = new Run(label(result), result, lesson.verdict(predicted, result));
        runs.add(run);
        return Optional.of(run);
    }

    /**
     * Shows a finished run of the lesson (pictures, videos): with {@code prediction} null it says what
     * happened; with a learner's prediction (a report's picture), whether it held.
     */
    Run show(ComparisonResult result, Lesson.Choice prediction) {
        awaiting = false;
        started = true;
        predicted = prediction;
        Run run = new Run(label(result), result, lesson.verdict(prediction, result));
        runs.add(run);
        return run;
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    Optional<Run> last() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** "switch-interval-ms 0.5" for a lesson with settings to try, else "run 2". */
    private String label(ComparisonResult result) {
        if (lesson.tries().isEmpty()) return "run " + (runs.size() + 1);
        var parameters = ResultFigures.parameters(result);
        return lesson.tries().stream().map(t -> t.option() + " " + plain(parameters.get(RunRequest.parameterName(t.option()))))
                .collect(Collectors.joining(", "));
    }

    /** The lesson's figures of one run, one line per mode: "gil-threads: speed-up 1.02×". */
    List<String> figureLines(ComparisonResult result) {
        return figureLines(lesson, result);
    }

    static List<String> figureLines(Lesson lesson, ComparisonResult result) {
        List<String> lines = new ArrayList<>();
        for (ModeResult r : result.modes()) {
            List<String> figures = new ArrayList<>();
            for (Condition.Measure m : lesson.measures()) {
                OptionalDouble v = Condition.measure(m, r.mode(), result);
                if (v.isPresent()) figures.add(m.label() + " " + m.format(v.getAsDouble()));
            }
            String wall = String.format(Locale.ROOT, "%.2f s", r.wallSeconds());
            lines.add(r.mode().cliName() + ": " + wall + (figures.isEmpty() ? "" : " · " + String.join(" · ", figures))
                    + (r.resultOk() ? "" : " · failed"));
        }
        return lines;
    }

    /** A line of the runs table: the run's settings and the figure the expected answer is about. */
    String runLine(Run run) {
        return runLine(lesson, run);
    }

    static String runLine(Lesson lesson, Run run) {
        return run.label() + " → " + lesson.expectedChoice().condition().describe(run.result());
    }

    private static String plain(Object value) {
        String text = String.valueOf(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
