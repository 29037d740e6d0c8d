package dev.gilscope.ui;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Two images whose pixels are plain {@code int[]} arrays that the painter writes straight into, used in
 * turn. Backing the image by the array (a {@link PixelBuffer} in premultiplied ARGB, which for opaque
 * pixels is plain ARGB) saves a conversion of every pixel on the UI thread and another on the renderer,
 * 10 to 20 ms a chart with the software pipeline. Two of them because the renderer may still be reading
 * the last frame's pixels while the next frame is painted; by the frame after that it has finished, as
 * JavaFX waits for a frame to be drawn before it hands over the next.
 */
final class PixelFrames {

    private final Frame[] frames = new Frame[2];
    private int current;

    /** The pixels to paint the next frame into, {@code width} to a line; every pixel must be opaque. */
    int[] next(int width, int height) {
        current = 1 - current;
        Frame frame = frames[current];
        if (frame == null || frame.width != width || frame.height != height) {
            frame = new Frame(width, height);
            frames[current] = frame;
        }
        return frame.pixels;
    }

    /** The image of the pixels just painted, told that they all changed. */
    WritableImage painted() {
        Frame frame = frames[current];
        frame.buffer.updateBuffer(b -> null); // null: the whole image changed
        return frame.image;
    }

    private static final class Frame {
        final int width;
        final int height;
        final int[] pixels;
        final PixelBuffer<IntBuffer> buffer;
        final WritableImage image;

        Frame(int width, int height) {
            this.width = width;
            this.height = height;
            this.pixels = new int[width * height];
            this.buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            this.image = new WritableImage(buffer);
        }
    }
}
