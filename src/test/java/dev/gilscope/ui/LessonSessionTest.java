package dev.gilscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilscope.runtime.Comparison;
import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.RunControl;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.LessonFile;
import dev.gilscope.scenario.LessonFileTest;
import dev.gilscope.scenario.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A learner's way through a lesson, without a window: predict first, the prediction is then fixed, each run is judged. */
class LessonSessionTest {

    private static ComparisonResult run(Lesson lesson) {
        RunRequest.Checked r = lesson.request().check();
        return Comparison.run(r.workload(), r.params(), r.settings(), r.modes(), new Comparison.Listener() {}, new RunControl());
    }

    @Test
    void predictThenRunThenReadTheVerdict() throws Exception {
        Lesson lesson = LessonFile.parse("mine.lesson", LessonFileTest.GOOD);
        LessonSession session = new LessonSession();
        assertEquals(Optional.of("Choose a lesson."), session.hint());
        session.open(lesson);
        assertFalse(session.mayRun(), "no run before a prediction");
        assertThrows(IllegalStateException.class, session::runStarted);
        assertEquals(Optional.of("Choose your prediction, then run the lesson."), session.hint());

        Lesson.Choice yes = lesson.choices().get(0);
        session.predict(yes);
        session.predict(lesson.choices().get(1)); // may change their mind until it runs
        assertTrue(session.mayRun());
        session.runStarted();
        assertFalse(session.mayPredict());
        assertThrows(IllegalStateException.class, () -> session.predict(yes), "fixed once the lesson ran");

        assertEquals(Optional.empty(), session.runEnded(null, true), "a cancelled run has no verdict");
        session.runStarted();
        ComparisonResult result = run(lesson);
        LessonSession.Run done = session.runEnded(result, false).orElseThrow();
        Verdict verdict = done.verdict();
        assertTrue(verdict.outcome() == Verdict.Outcome.HELD || verdict.outcome() == Verdict.Outcome.DID_NOT_HOLD,
                verdict.text()); // the two answers cover every speed-up
        assertEquals("workers 2", done.label(), "named by the setting the lesson tries");
        assertTrue(session.runLine(done).startsWith("workers 2 → gil-threads speed-up "), session.runLine(done));
        assertEquals(2, session.figureLines(result).size(), "a line per mode");
        assertTrue(session.figureLines(result).get(1).matches("gil-threads: \\d+\\.\\d\\d s · speed-up \\d+\\.\\d\\d×"),
                session.figureLines(result).get(1));
        assertEquals(Optional.empty(), session.runEnded(result, false), "only a run the lesson started counts");

        session.startOver();
        assertTrue(session.mayPredict());
        assertTrue(session.runs().isEmpty());
    }
}
