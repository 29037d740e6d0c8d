package dev.gilscope.runtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the cpython mode runs: which interpreter, and whether the program's tasks go to threads, to a
 * process pool or one after another.
 *
 * @param interpreter the path of a python program, or null for the one {@link PythonInterpreter#preferred()} finds
 */
public record CPythonSettings(String interpreter, Style style) {

    public static final CPythonSettings DEFAULT = new CPythonSettings(null, Style.THREADS);

    /** How the Python program runs its tasks: as gilscope's sequential, thread and processes modes do. */
    public enum Style {
        SEQUENTIAL("sequential"), THREADS("threads"), PROCESSES("processes");

        private final String cliName;

        Style(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Optional<Style> byName(String name) {
            return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst();
        }

        public static String names() {
            return Arrays.stream(values()).map(Style::cliName).collect(Collectors.joining(", "));
        }
    }

    public CPythonSettings {
        if (style == null) style = Style.THREADS;
        if (interpreter != null && interpreter.isBlank()) interpreter = null;
    }
}
