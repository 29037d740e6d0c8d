package dev.gilscope.trace;

import java.util.Locale;

/**
 * A presenter's note pinned to a moment of a run: "here T2 finally gets the lock". Saved with the run
 * and drawn as a marker at that time on the board.
 *
 * @param atNanos when, on the board's shared time axis (nanoseconds from each mode's start)
 * @param mode the mode's row it belongs to ("gil-threads"), or "" for every row
 * @param text one line, at most {@link #MAX_CHARS} characters
 */
public record Note(long atNanos, String mode, String text) {

    public static final int MAX_CHARS = 200;

    /** How many notes a run keeps; more is not a note but a log. */
    public static final int MAX_NOTES = 500;

    public Note {
        if (atNanos < 0) throw new IllegalArgumentException("a note's time is at or after the run's start, not " + atNanos + " ns");
        mode = mode == null ? "" : mode.strip();
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) throw new IllegalArgumentException("a note needs some text");
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a note is one line of at most %d characters; this one has %d", MAX_CHARS, text.length()));
        }
    }

    /** Whether the note is drawn on {@code modeName}'s row. */
    public boolean belongsTo(String modeName) {
        return mode.isEmpty() || mode.equals(modeName);
    }
}
