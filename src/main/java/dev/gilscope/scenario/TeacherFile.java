package dev.gilscope.scenario;

import java.io.IOException;

/**
 * Reading one of a teacher's files (a lesson, an exercise set): the result, or what is wrong with the
 * file (with its line) or why it could not be read. The window and the command line each say the
 * problem their way.
 */
@FunctionalInterface
public interface TeacherFile<T> {
    T read() throws IOException, LessonFile.FormatException;
}
