package dev.gilscope.scenario;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.RunRequest;
import java.util.List;
import java.util.Optional;

/**
 * One thing a teacher shows: the run that shows it, the question learners answer before it runs, and
 * what to read on the board afterwards. Built-in lessons are L1–L11 of the design notes; a teacher's own
 * file reads the same way ({@link LessonFile}).
 *
 * @param id short name, e.g. "L1" (letters, digits and dashes)
 * @param title one line
 * @param question what the learner predicts before the run
 * @param choices the possible answers, each with the measured condition that makes it what happened
 * @param request the run, checked when the lesson was read
 * @param tries settings worth running again with, to compare (L6: the switch interval at 0.5, 5 and 50 ms)
 * @param look where on the board to look, one line each
 * @param explanation a few paragraphs for learners
 * @param python the equivalent Python program
 * @param source where the lesson came from (built-in resource or file path), for messages
 */
public record Lesson(String id, String title, String question, List<Choice> choices, RunRequest request,
                     List<Try> tries, List<String> look, String explanation, String python, String source) {

    /** One answer to the question; {@code expected} marks the one the lesson teaches. */
    public record Choice(String text, Condition condition, boolean expected) {}

    /**
     * Runs to compare: the lesson's run with one setting changed to each of {@code values}.
     *
     * @param option the setting, spelled as the command line's option ("switch-interval-ms")
     */
    public record Try(String option, List<String> values) {}

    public Choice expectedChoice() {
        return choices.stream().filter(Choice::expected).findFirst().orElseThrow();
    }

    /** The answer the measured numbers of {@code result} make true (the first whose condition holds). */
    public Optional<Choice> whatHappened(ComparisonResult result) {
        return choices.stream().filter(c -> c.condition().holds(result)).findFirst();
    }

    /** Whether {@code predicted} held in {@code result}, and why, in the measured numbers. */
    public Verdict verdict(Choice predicted, ComparisonResult result) {
        return Verdict.of(this, predicted, result);
    }

    /** The figures the answers are about, each once: what a learner reads after the run. */
    public List<Condition.Measure> measures() {
        return choices.stream().map(c -> c.condition().measure()).distinct().toList();
    }
}
