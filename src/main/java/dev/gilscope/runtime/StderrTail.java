package dev.gilscope.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The last lines a child JVM wrote to its stderr, read by a thread of its own (so the child never
 * blocks on a full pipe), and the words for how the child ended: what a run's failure message says
 * when a child dies.
 */
final class StderrTail {

    private static final int LINES_KEPT = 8;

    private final Deque<String> lines = new ArrayDeque<>();

    private StderrTail() {}

    /** Starts reading {@code process}'s stderr on a daemon thread named after {@code name}. */
    static StderrTail of(Process process, String name) {
        StderrTail tail = new StderrTail();
        Thread.ofPlatform().daemon().name("gilscope-" + name + "-stderr").start(() -> tail.drain(process));
        return tail;
    }

    /** " — its last words: a | b", or "" if it wrote nothing. */
    String lastWords() {
        synchronized (lines) {
            return lines.isEmpty() ? "" : " — its last words: " + String.join(" | ", lines);
        }
    }

    /** "was killed by signal 9", "exited with code 1", or "stopped answering" if it is still running after 1 s. */
    static String howItEnded(Process process) {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                int code = process.exitValue();
                return code > 128 ? "was killed by signal " + (code - 128) : "exited with code " + code;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "stopped answering";
    }

    private void drain(Process process) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (lines) {
                    if (lines.size() == LINES_KEPT) lines.removeFirst();
                    lines.addLast(line);
                }
            }
        } catch (IOException closed) {
            // the child is gone
        }
    }
}
