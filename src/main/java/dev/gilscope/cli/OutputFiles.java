package dev.gilscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks output paths before a run starts, so a long run never ends in "cannot write". */
final class OutputFiles {

    private OutputFiles() {}

    static void checkWritable(String option, Path file) {
        if (file == null) return;
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UsageException(option + " " + file + " is a folder; give a file name");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + file + ": folder " + parent + " does not exist");
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(parent)) {
            throw new UsageException(option + " " + file + " cannot be written (permission denied)");
        }
    }
}
