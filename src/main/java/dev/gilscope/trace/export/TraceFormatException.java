package dev.gilscope.trace.export;

import java.io.IOException;

/**
 * A file that cannot be opened as a saved gilscope run. The message is one line that says what was
 * wrong and what is accepted, fit to show to the user as it is.
 *
 * <p>An {@link IOException}, so a caller that opens files handles it with the other ways opening can
 * fail; catch it first to tell "not a gilscope trace" from "could not read the disk".
 */
public final class TraceFormatException extends IOException {

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
