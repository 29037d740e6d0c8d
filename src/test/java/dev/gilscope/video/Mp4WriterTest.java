package dev.gilscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jcodec.api.FrameGrab;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a teacher's recorded replay looks like in any player: the board's colours, not a pink cast. */
class Mp4WriterTest {

    private static final int WIDTH = 320, HEIGHT = 240;
    private static final int GREY = 0xF4F4F4, HOLDING_LOCK = 0x009E73;

    /**
     * A frame as busy as a board: its left half many small coloured marks (which cost the encoder bits, as
     * lanes and text do), its right half two flat areas, the board's grey and the holding-lock green.
     */
    private static BufferedImage busyFrame(long seed) {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = x < WIDTH / 2 ? random.nextInt(0x1000000) : y < HEIGHT / 2 ? GREY : HOLDING_LOCK;
                frame.setRGB(x, y, rgb);
            }
        }
        return frame;
    }

    @Test
    void flatColoursComeOutAsDrawnInBt709StudioRangeAndTheStreamSaysSo(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("replay.mp4");
        try (Mp4Writer writer = new Mp4Writer(mp4, 25)) {
            for (int f = 0; f < 4; f++) writer.add(busyFrame(f));
            writer.finish();
        }
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(mp4), files.toList(), "the video and nothing else");
        }
        try (SeekableByteChannel in = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            for (int f = 0; f < 4; f++) {
                Picture decoded = grab.getNativeFrame();
                assertNotNull(decoded, "frame " + f);
                assertEquals(WIDTH, decoded.getWidth());
                // BT.709 studio range: Y' = 16 + 219 (0.2126 R + 0.7152 G + 0.0722 B), Cb and Cr 128 + 224 × …
                assertSample(decoded, WIDTH * 3 / 4, HEIGHT / 4, 225.6, 128, 128, "grey (244, 244, 244), frame " + f);
                assertSample(decoded, WIDTH * 3 / 4, HEIGHT * 3 / 4, 16 + 219 * (0.7152 * 158 + 0.0722 * 115) / 255,
                        128 + (-86.336 * 158 + 112.0 * 115) / 255, 128 + (-101.730 * 158 - 10.270 * 115) / 255,
                        "holding-lock green (0, 158, 115), frame " + f);
            }
        }
        SeqParameterSet sps = sequenceParameters(mp4);
        assertNotNull(sps.vuiParams, "the stream says how to read its colours");
        assertFalse(sps.vuiParams.videoFullRangeFlag, "studio range");
        assertEquals(1, sps.vuiParams.matrixCoefficients, "BT.709");
        assertEquals(1, sps.vuiParams.colourPrimaries, "BT.709");
        assertEquals(1, sps.vuiParams.chromaSampleLocTypeTopField, "colour samples at the centre of their 2 × 2 pixels");
    }

    @Test
    void aFrameOfAnotherSizeIsRefusedAndNothingIsLeftBehind(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("replay.mp4");
        try (Mp4Writer writer = new Mp4Writer(mp4, 25)) {
            writer.add(busyFrame(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.add(new BufferedImage(WIDTH + 2, HEIGHT, BufferedImage.TYPE_INT_RGB)));
            assertTrue(e.getMessage().contains("320 × 240, not 322 × 240"), e.getMessage());
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "an unfinished video is removed");
        }
    }

    @Test
    void aFrameOfNothingButNoiseStillFitsByGettingCoarser(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("noise.mp4");
        BufferedImage noise = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(3);
        for (int y = 0; y < HEIGHT; y++) for (int x = 0; x < WIDTH; x++) noise.setRGB(x, y, random.nextInt(0x1000000));
        try (Mp4Writer writer = new Mp4Writer(mp4, 25)) {
            writer.add(noise);
            writer.add(noise);
            writer.finish();
        }
        try (SeekableByteChannel in = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            assertNotNull(grab.getNativeFrame());
            assertNotNull(grab.getNativeFrame());
        }
    }

    /** The decoded sample at (x, y), within 2 of what was drawn (a chroma sample covers 2 × 2 pixels). */
    private static void assertSample(Picture p, int x, int y, double luma, double cb, double cr, String what) {
        int w = p.getWidth();
        double gotY = p.getPlaneData(0)[y * w + x] + 128;
        double gotCb = p.getPlaneData(1)[(y / 2) * (w / 2) + x / 2] + 128;
        double gotCr = p.getPlaneData(2)[(y / 2) * (w / 2) + x / 2] + 128;
        String got = String.format("%s: Y'CbCr (%.0f, %.0f, %.0f), drawn (%.1f, %.1f, %.1f)", what, gotY, gotCb, gotCr, luma, cb, cr);
        assertTrue(Math.abs(gotY - luma) <= 2 && Math.abs(gotCb - cb) <= 2 && Math.abs(gotCr - cr) <= 2, got);
    }

    private static SeqParameterSet sequenceParameters(Path mp4) throws Exception {
        try (SeekableByteChannel in = NIOUtils.readableChannel(mp4.toFile())) {
            ByteBuffer codecPrivate = MP4Demuxer.createMP4Demuxer(in).getVideoTracks().get(0).getMeta().getCodecPrivate();
            for (ByteBuffer nal = H264Utils.nextNALUnit(codecPrivate); nal != null; nal = H264Utils.nextNALUnit(codecPrivate)) {
                if ((nal.get(nal.position()) & 0x1F) == 7) { // a sequence parameter set
                    nal.get();
                    return SeqParameterSet.read(nal);
                }
            }
        }
        throw new AssertionError("no sequence parameter set in " + mp4);
    }
}
