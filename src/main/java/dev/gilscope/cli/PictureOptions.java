package dev.gilscope.cli;

import picocli.CommandLine.Option;

/** How a picture or a video of the board is drawn. */
final class PictureOptions {

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1920", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "1080", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dark", description = "Dark theme.")
    boolean dark;

    @Option(names = "--presentation", description = "Presentation mode: large type, thick lanes, high contrast, "
            + "colour-blind-safe colours, only the modes that ran.")
    boolean presentation;

    void check() {
        if (width < 640 || width > 8192 || height < 400 || height > 8192) {
            throw new UsageException("--width " + width + " --height " + height + " is not a picture size gilscope draws; "
                    + "use 640 to 8192 wide and 400 to 8192 high");
        }
    }
}
