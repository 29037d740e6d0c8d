package dev.gilscope.video;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Where a replay's frames go, one after another at a fixed rate; {@link #finish()} completes the file. */
public interface FrameSink extends AutoCloseable {

    void add(BufferedImage frame) throws IOException;

    /** Writes what is left and closes the file; a sink closed without it leaves no file behind. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
