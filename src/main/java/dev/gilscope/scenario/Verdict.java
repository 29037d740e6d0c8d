package dev.gilscope.scenario;

import dev.gilscope.runtime.ComparisonResult;
import java.util.Optional;

/**
 * What a run says about a learner's prediction, in the numbers this run measured on this machine.
 *
 * @param outcome held, did not hold, or could not be told
 * @param predicted the answer the learner chose before the run, or null for a lesson shown without a prediction
 * @param happened the answer the measured numbers make true, if one does
 * @param text one or two sentences for the learner
 */
public record Verdict(Outcome outcome, Lesson.Choice predicted, Optional<Lesson.Choice> happened, String text) {

    public enum Outcome {
        HELD, DID_NOT_HOLD,
        /** The figure was measured but no answer's range has it (another program busy on the cores?). */
        NO_ANSWER_FITS,
        /** The run does not have the figure: the mode failed, was cancelled or was not run. */
        NOT_MEASURED,
        /** Nobody predicted (a picture of the lesson): the verdict only says what happened. */
        SHOWN
    }

    public boolean held() {
        return outcome == Outcome.HELD;
    }

    static Verdict of(Lesson lesson, Lesson.Choice predicted, ComparisonResult result) {
        Optional<Lesson.Choice> happened = lesson.whatHappened(result);
        if (predicted == null) {
            Lesson.Choice about = happened.orElse(lesson.expectedChoice());
            return new Verdict(Outcome.SHOWN, null, happened, happened.isPresent()
                    ? "What happened: “" + about.text() + "”. Measured on this machine: " + about.condition().describe(result) + "."
                    : "No answer fits this run: " + about.condition().describe(result) + ".");
        }
        if (happened.isPresent()) {
            Lesson.Choice h = happened.get();
            String measured = h.condition().describe(result);
            if (h == predicted) {
                return new Verdict(Outcome.HELD, predicted, happened, "Your prediction held: “" + predicted.text() + "”. "
                        + "Measured on this machine: " + measured + " (this answer means " + h.condition().range() + ").");
            }
            return new Verdict(Outcome.DID_NOT_HOLD, predicted, happened, "Not this time. You predicted “" + predicted.text()
                    + "”; what happened: “" + h.text() + "”. Measured on this machine: " + measured
                    + " (your answer needed " + predicted.condition().range() + ").");
        }
        Condition asked = predicted.condition();
        if (asked.value(result).isEmpty()) {
            return new Verdict(Outcome.NOT_MEASURED, predicted, happened, "This run has no " + asked.mode().cliName() + " "
                    + asked.measure().label() + " (the mode failed, was cancelled or was not run), so the prediction "
                    + "cannot be checked. Run the lesson again.");
        }
        return new Verdict(Outcome.NO_ANSWER_FITS, predicted, happened, "No answer fits this run: " + asked.describe(result)
                + ". Another program may be busy on the cores; run the lesson again.");
    }
}
