package dev.gilscope.scenario;

import dev.gilscope.runtime.Mode;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.runtime.RunRequest.Field;
import dev.gilscope.trace.EventBudget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson file: plain text a teacher can write in any editor.
 *
 * <pre>
 * # comment
 * id: L1
 * title: CPU-bound code: threads do not help
 * question: Two threads share the work. How long do they take, next to one thread?
 * choice: About half the time       | speedup gil-threads above 1.4
 * choice*: About the same time      | speedup gil-threads between 0.7 and 1.4
 * choice: Longer                    | speedup gil-threads below 0.7
 * workload: count-primes
 * modes: sequential, gil-threads
 * workers: 2
 * look: the two lanes of gil-threads take turns holding the lock
 * try: workers 1 2 4
 * explanation:
 *   Paragraphs, indented by two spaces.
 * python:
 *   import threading
 * </pre>
 *
 * Keys that hold one line are {@code key: value}; {@code explanation} and {@code python} hold the indented
 * lines under them. {@code choice} (the expected one written {@code choice*}), {@code look} and {@code try} (a setting and the
 * values worth running again with) may repeat.
 * The run's keys are the command line's option names. Every mistake is reported with its line.
 */
public final class LessonFile {

    /** A lesson that cannot be read: where and what is wrong. */
    public static final class FormatException extends Exception {
        private final String source;
        private final int line;

        FormatException(String source, int line, String message) {
            super(source + (line > 0 ? ", line " + line : "") + ": " + message);
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        /** 1-based, or 0 when the problem is the file as a whole (a missing key). */
        public int line() {
            return line;
        }
    }

    private static final Set<String> TEXT_KEYS = Set.of("id", "title", "question");
    private static final Set<String> BLOCK_KEYS = Set.of("explanation", "python");
    private static final Set<String> REPEATED_KEYS = Set.of("choice", "choice*", "look", "try");
    /** The run's keys, spelled as the command line's options. */
    private static final Map<String, Field> RUN_KEYS = new LinkedHashMap<>();

    static {
        for (Field f : Field.values()) {
            if (f != Field.MAX_EVENTS) RUN_KEYS.put(f.optionName(), f);
        }
    }

    /** The one run setting that is not a {@link Field}: on or off, written yes or no. */
    public static final String FORCED_SWITCHING = "forced-switching";

    private LessonFile() {}

    /** Every key a lesson file may use, for messages. */
    static String knownKeys() {
        List<String> keys = new ArrayList<>(List.of("id", "title", "question", "choice", "choice*", "look", "try", "explanation",
                "python"));
        keys.addAll(RUN_KEYS.keySet());
        keys.add(FORCED_SWITCHING);
        return String.join(", ", keys);
    }

    /** Whether a line of a teacher's file is for people only: blank, or a # comment. */
    static boolean skipped(String raw) {
        return raw.isBlank() || raw.stripLeading().startsWith("#");
    }

    /** A {@code key: value} line of a teacher's file (lesson or exercise set), both stripped. */
    record KeyValue(String key, String value) {

        static KeyValue of(String source, int number, String raw) throws FormatException {
            int colon = raw.indexOf(':');
            if (colon <= 0) throw new FormatException(source, number, "expected 'key: value', got '" + raw.strip() + "'");
            return new KeyValue(raw.substring(0, colon).strip(), raw.substring(colon + 1).strip());
        }
    }

    public static Lesson parse(String source, String text) throws FormatException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> blocks = new LinkedHashMap<>();
        List<Lesson.Choice> choices = new ArrayList<>();
        List<Integer> choiceLines = new ArrayList<>();
        List<String> look = new ArrayList<>();
        List<Lesson.Try> tries = new ArrayList<>();
        List<Integer> tryLines = new ArrayList<>();
        Map<Field, String> run = new EnumMap<>(Field.class);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int number = i + 1;
            if (skipped(raw)) continue;
            if (Character.isWhitespace(raw.charAt(0))) {
                throw new FormatException(source, number, "an indented line outside explanation or python; "
                        + "only the lines under 'explanation:' and 'python:' are indented");
            }
            KeyValue line = KeyValue.of(source, number, raw);
            String key = line.key();
            String value = line.value();
            boolean known = TEXT_KEYS.contains(key) || BLOCK_KEYS.contains(key) || REPEATED_KEYS.contains(key)
                    || RUN_KEYS.containsKey(key) || key.equals(FORCED_SWITCHING);
            if (!known) throw new FormatException(source, number, "'" + key + "' is not a lesson key; use one of: " + knownKeys());
            if (!REPEATED_KEYS.contains(key) && lineOf.containsKey(key)) {
                throw new FormatException(source, number, "'" + key + "' is given twice (first on line " + lineOf.get(key) + ")");
            }
            lineOf.putIfAbsent(key, number);
            if (BLOCK_KEYS.contains(key)) {
                if (!value.isEmpty()) {
                    throw new FormatException(source, number, "'" + key + ":' takes the indented lines below it, not text on its own line");
                }
                int end = i + 1;
                while (end < lines.length && (lines[end].isBlank() || Character.isWhitespace(lines[end].charAt(0)))) end++;
                String block = dedent(lines, i + 1, end);
                if (block.isBlank()) throw new FormatException(source, number, "'" + key + ":' has no indented lines under it");
                blocks.put(key, block);
                i = end - 1;
                continue;
            }
            if (value.isEmpty()) throw new FormatException(source, number, "'" + key + "' has no value");
            switch (key) {
                case "choice", "choice*" -> {
                    choices.add(choice(source, number, value, key.equals("choice*")));
                    choiceLines.add(number);
                }
                case "look" -> look.add(value);
                case "try" -> {
                    tries.add(tryOf(source, number, value));
                    tryLines.add(number);
                }
                default -> {
                    if (RUN_KEYS.containsKey(key)) run.put(RUN_KEYS.get(key), value);
                    else single.put(key, value);
                }
            }
        }
        for (String required : List.of("id", "title", "question", "workload", "explanation", "python")) {
            if (!lineOf.containsKey(required)) throw new FormatException(source, 0, "'" + required + ":' is missing");
        }
        String id = single.get("id");
        if (!id.matches("[A-Za-z0-9-]{1,20}")) {
            throw new FormatException(source, lineOf.get("id"), "'" + id + "' is not an id; use up to 20 letters, digits and dashes");
        }
        if (choices.size() < 2) throw new FormatException(source, lineOf.getOrDefault("choice", 0), "a lesson needs at least two choices");
        long expected = choices.stream().filter(Lesson.Choice::expected).count();
        if (expected != 1) {
            throw new FormatException(source, lineOf.getOrDefault("choice*", lineOf.getOrDefault("choice", 0)),
                    "mark exactly one choice as the expected answer with 'choice*:' (found " + expected + ")");
        }
        RunRequest request = request(source, run, single.get(FORCED_SWITCHING), lineOf);
        List<Mode> modes = checked(source, request, lineOf).modes();
        for (int k = 0; k < choices.size(); k++) {
            Condition condition = choices.get(k).condition();
            int line = choiceLines.get(k);
            if (!modes.contains(condition.mode())) {
                throw new FormatException(source, line, "the condition names " + condition.mode().cliName()
                        + ", which the lesson does not run (modes: " + modesText(modes) + ")");
            }
            if (condition.measure() == Condition.Measure.SPEEDUP && !modes.contains(Mode.SEQUENTIAL)) {
                throw new FormatException(source, line, "a speedup is measured against sequential: add sequential to modes");
            }
        }
        for (int k = 0; k < tries.size(); k++) {
            Lesson.Try t = tries.get(k);
            for (String v : t.values()) {
                Map<Field, String> changed = new EnumMap<>(run);
                String forced = single.get(FORCED_SWITCHING);
                if (t.option().equals(FORCED_SWITCHING)) forced = v;
                else changed.put(RUN_KEYS.get(t.option()), v);
                Map<String, Integer> here = new LinkedHashMap<>(lineOf);
                here.put(t.option(), tryLines.get(k));
                checked(source, request(source, changed, forced, here), here);
            }
        }
        return new Lesson(id, single.get("title"), single.get("question"), List.copyOf(choices), request, List.copyOf(tries),
                List.copyOf(look), blocks.get("explanation"), blocks.get("python"), source);
    }

    /** {@code switch-interval-ms 0.5 5 50}: a run setting and two or more values to run it with. */
    private static Lesson.Try tryOf(String source, int line, String value) throws FormatException {
        String[] words = value.split("\\s+");
        if (!RUN_KEYS.containsKey(words[0]) && !words[0].equals(FORCED_SWITCHING)) {
            throw new FormatException(source, line, "'" + words[0] + "' is not a run setting; 'try:' takes one of: "
                    + String.join(", ", RUN_KEYS.keySet()) + ", " + FORCED_SWITCHING + ", then the values to try");
        }
        if (words.length < 3) {
            throw new FormatException(source, line, "'try: " + value + "' needs two or more values to compare, e.g. "
                    + "'try: switch-interval-ms 0.5 5 50'");
        }
        return new Lesson.Try(words[0], List.of(words).subList(1, words.length));
    }

    private static Lesson.Choice choice(String source, int line, String value, boolean expected) throws FormatException {
        int bar = value.lastIndexOf('|');
        if (bar < 0) {
            throw new FormatException(source, line, "a choice is 'answer | condition', e.g. 'About the same | speedup gil-threads "
                    + "between 0.7 and 1.4'; this one has no '|'");
        }
        String text = value.substring(0, bar).strip();
        if (text.isEmpty()) throw new FormatException(source, line, "the choice has no answer before '|'");
        try {
            return new Lesson.Choice(text, Condition.parse(value.substring(bar + 1)), expected);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, line, "in the condition: " + e.getMessage());
        }
    }

    private static RunRequest request(String source, Map<Field, String> run, String forcedText, Map<String, Integer> lineOf)
            throws FormatException {
        Boolean forced = switchedOn(forcedText == null ? "yes" : forcedText);
        if (forced == null) {
            throw new FormatException(source, lineOf.get(FORCED_SWITCHING), FORCED_SWITCHING + ": '" + forcedText + "' is not yes or no");
        }
        return new RunRequest(run.get(Field.WORKLOAD), run.getOrDefault(Field.MODES, RunRequest.ALL_MODES),
                integer(source, run, Field.WORKERS, lineOf), integer(source, run, Field.TASKS, lineOf),
                longValue(source, run, Field.SIZE, lineOf), integer(source, run, Field.CHUNK_SIZE, lineOf),
                decimal(source, run, Field.SWITCH_INTERVAL, lineOf), run.get(Field.GIL),
                integer(source, run, Field.LEGACY_TICKS, lineOf), forced, run.get(Field.CHECKPOINTS), run.get(Field.CORES),
                run.get(Field.POOL), EventBudget.DEFAULT_MAX_EVENTS);
    }

    /** A yes/no value as a lesson writes it (yes, on, true / no, off, false), or null when it is neither. */
    public static Boolean switchedOn(String text) {
        return switch (text) {
            case "yes", "on", "true" -> true;
            case "no", "off", "false" -> false;
            default -> null;
        };
    }

    private static RunRequest.Checked checked(String source, RunRequest request, Map<String, Integer> lineOf) throws FormatException {
        try {
            return request.check();
        } catch (RunRequest.InvalidException e) {
            String key = e.field().optionName();
            int line = lineOf.getOrDefault(key, lineOf.getOrDefault("workload", 0));
            throw new FormatException(source, line, key + ": " + e.problem());
        }
    }

    private static Integer integer(String source, Map<Field, String> run, Field field, Map<String, Integer> lineOf)
            throws FormatException {
        Long v = longValue(source, run, field, lineOf);
        if (v == null) return null;
        if (v != v.intValue()) throw new FormatException(source, lineOf.get(field.optionName()), field.optionName() + ": " + v + " is too large");
        return v.intValue();
    }

    private static Long longValue(String source, Map<Field, String> run, Field field, Map<String, Integer> lineOf)
            throws FormatException {
        String text = run.get(field);
        if (text == null) return null;
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new FormatException(source, lineOf.get(field.optionName()), field.optionName() + ": '" + text + "' is not a whole number");
        }
    }

    private static Double decimal(String source, Map<Field, String> run, Field field, Map<String, Integer> lineOf)
            throws FormatException {
        String text = run.get(field);
        if (text == null) return null;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new FormatException(source, lineOf.get(field.optionName()), field.optionName() + ": '" + text + "' is not a number");
        }
    }

    private static String modesText(List<Mode> modes) {
        return String.join(", ", modes.stream().map(Mode::cliName).toList());
    }

    /** The lines {@code [from, to)} without their common indentation, trailing blank lines dropped. */
    private static String dedent(String[] lines, int from, int to) {
        int indent = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (lines[i].isBlank()) continue;
            int n = 0;
            while (n < lines[i].length() && Character.isWhitespace(lines[i].charAt(n))) n++;
            indent = Math.min(indent, n);
        }
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(lines[i].isBlank() ? "" : lines[i].substring(indent).stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }
}
