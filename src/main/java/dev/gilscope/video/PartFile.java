package dev.gilscope.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a temporary name beside its final one, so a video that fails or is stopped half
 * way never replaces a good one or leaves a broken one behind.
 */
final class PartFile {

    final Path out;
    final Path partial;
    private boolean committed;

    PartFile(Path out) {
        this.out = out;
        this.partial = out.resolveSibling("." + out.getFileName() + ".part");
    }

    void commit() throws IOException {
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    boolean committed() {
        return committed;
    }

    void discard() throws IOException {
        Files.deleteIfExists(partial);
    }
}
