package dev.gilscope.scenario;

import java.util.List;

/**
 * A workshop's exercises: lessons in the order learners take them, each with the teacher's own questions
 * to answer in words after the run. Read from a file by {@link ExerciseSetFile}.
 *
 * @param title the workshop's name, one line
 * @param about what the teacher says first, one paragraph (may be empty)
 * @param exercises at least one
 * @param source the file it was read from, for messages
 */
public record ExerciseSet(String title, String about, List<Exercise> exercises, String source) {

    /** One lesson of the set and the questions asked about it (may be none). */
    public record Exercise(Lesson lesson, List<String> questions) {

        public Exercise {
            questions = List.copyOf(questions);
        }
    }

    public ExerciseSet {
        exercises = List.copyOf(exercises);
        if (exercises.isEmpty()) throw new IllegalArgumentException("an exercise set has at least one lesson");
    }

    /** The position of {@code lesson} in the set, or -1. */
    public int indexOf(Lesson lesson) {
        for (int i = 0; i < exercises.size(); i++) {
            if (exercises.get(i).lesson() == lesson) return i;
        }
        return -1;
    }
}
