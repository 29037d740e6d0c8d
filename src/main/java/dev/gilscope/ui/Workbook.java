package dev.gilscope.ui;

import dev.gilscope.scenario.ExerciseSet;
import dev.gilscope.scenario.Lesson;
import dev.gilscope.scenario.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A learner's way through an exercise set, without a window: for each exercise the prediction, the runs
 * and the answers to the teacher's questions, kept while the learner moves between lessons, and what the
 * report is made from.
 */
final class Workbook {

    /** What the learner did in one exercise: no prediction and no runs until they start it. */
    record Attempt(Lesson.Choice predicted, List<LessonSession.Run> runs, List<String> answers) {

        /** The run that judged the prediction: the first one. */
        Optional<LessonSession.Run> first() {
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
        }

        /** Done once it has run with a prediction. */
        boolean done() {
            return !runs.isEmpty();
        }

        boolean held() {
            return first().map(r -> r.verdict().outcome() == Verdict.Outcome.HELD).orElse(false);
        }
    }

    /** How far a learner got: the exercises done and the predictions that held, out of {@code of}. */
    record Tally(int done, int held, int of) {

        static Tally of(List<Attempt> attempts) {
            return new Tally((int) attempts.stream().filter(Attempt::done).count(),
                    (int) attempts.stream().filter(Attempt::held).count(), attempts.size());
        }

        /** "1 prediction held", "2 predictions held". */
        String heldText() {
            return held + (held == 1 ? " prediction" : " predictions") + " held";
        }
    }

    private final ExerciseSet set;
    private final Lesson.Choice[] predicted;
    private final List<List<LessonSession.Run>> runs = new ArrayList<>();
    private final String[][] answers;
    private String learner = "";
    /** Counts every change the learner makes; a report holds the work up to the count it was made at. */
    private long version;
    private long reportedVersion;

    Workbook(ExerciseSet set) {
        this.set = set;
        int n = set.exercises().size();
        predicted = new Lesson.Choice[n];
        answers = new String[n][];
        for (int i = 0; i < n; i++) {
            runs.add(new ArrayList<>());
            answers[i] = new String[set.exercises().get(i).questions().size()];
            Arrays.fill(answers[i], "");
        }
    }

    ExerciseSet set() {
        return set;
    }

    int size() {
        return set.exercises().size();
    }

    Attempt attempt(int exercise) {
        return new Attempt(predicted[exercise], List.copyOf(runs.get(exercise)), List.of(answers[exercise]));
    }

    /** Every exercise's attempt, in the set's order. */
    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        for (int i = 0; i < size(); i++) all.add(attempt(i));
        return all;
    }

    /** Keeps where the learner is in {@code session}'s lesson, if it is one of the set's. */
    void keep(LessonSession session) {
        session.lesson().ifPresent(lesson -> {
            int i = set.indexOf(lesson);
            if (i < 0) return;
            Lesson.Choice prediction = session.predicted().orElse(null);
            List<LessonSession.Run> done = session.runs();
            if (prediction == predicted[i] && done.equals(runs.get(i))) return;
            predicted[i] = prediction;
            runs.get(i).clear();
            runs.get(i).addAll(done);
            version++;
        });
    }

    /** Opens the session on exercise {@code i} where the learner left it. */
    void resume(int exercise, LessonSession session) {
        session.resume(set.exercises().get(exercise).lesson(), predicted[exercise], runs.get(exercise));
    }

    void answer(int exercise, int question, String text) {
        String kept = text == null ? "" : text.strip();
        if (!kept.equals(answers[exercise][question])) version++;
        answers[exercise][question] = kept;
    }

    String learner() {
        return learner;
    }

    void setLearner(String name) {
        learner = name == null ? "" : name.strip();
    }

    /** An exercise is done once it has run with a prediction. */
    boolean done(int exercise) {
        return !runs.get(exercise).isEmpty();
    }

    /** "2 of 5 done · 1 prediction held": what a learner and a teacher walking by want to know. */
    String progress() {
        Tally tally = Tally.of(attempts());
        return tally.done() + " of " + tally.of() + " done · " + tally.heldText();
    }

    /** Changes with every prediction, run and answer. */
    long version() {
        return version;
    }

    /** Whether the learner did something the last report does not hold (or there is no report yet). */
    boolean changedSinceReport() {
        return version != reportedVersion && version > 0;
    }

    /** A report of the work up to {@code atVersion} was written: what came after is still only here. */
    void reported(long atVersion) {
        reportedVersion = Math.max(reportedVersion, atVersion);
    }
}
