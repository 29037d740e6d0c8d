package dev.gilscope.cli;

import dev.gilscope.runtime.ComparisonResult;
import dev.gilscope.runtime.ModeResult;
import dev.gilscope.runtime.RunRequest;
import dev.gilscope.ui.BoardPicture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Run the comparison without a window and write the board as a PNG image (for course material, "
                + "and to check what the board shows).")
final class SnapshotCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the picture (.png, or .svg with --svg).")
    Path out;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1920", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "1080", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dark", description = "Dark theme.")
    boolean dark;

    @Option(names = "--svg", description = "Write SVG (vector, for slides) instead of PNG.")
    boolean svg;

    private final PrintStream err;

    SnapshotCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        RunRequest.Checked run = options.validate();
        if (width < 640 || width > 8192 || height < 400 || height > 8192) {
            throw new UsageException("--width " + width + " --height " + height + " is not a picture size gilscope draws; "
                    + "use 640 to 8192 wide and 400 to 8192 high");
        }
        OutputFiles.checkWritable("--out", out);
        ComparisonResult result = ProgressRun.run(run, err);
        try {
            if (svg) BoardPicture.writeSvg(result, width, height, dark, out);
            else BoardPicture.writePng(result, width, height, dark, out);
        } catch (IOException e) {
            err.println("gilscope: could not write " + out + ": " + e.getMessage());
            return 1;
        }
        err.println("gilscope: wrote " + out);
        return result.modes().stream().allMatch(ModeResult::resultOk) ? 0 : 1;
    }
}
