package dev.gilscope.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * An H.264 MP4 video, encoded in pure Java by JCodec (nothing to install). Written to a temporary sibling
 * and moved into place when finished.
 *
 * <p>JCodec's ready-made {@code AWTSequenceEncoder} tinted the board pink: its RGB conversion weighs
 * blue at 15/256 instead of 29/256, and its rate control lets the quantizer rise to where the encoder
 * shifts the colour of flat areas (a light grey came out as (255, 244, 255)). So the frames are converted
 * here, with BT.709's studio-range coefficients, tagged as such in the stream so that every player
 * reads them the same way, and encoded at a constant quantizer low enough that flat colours stay as
 * drawn (12: a grey of 244 decodes as 244; at 16 it was already off by up to 6).
 */
public final class Mp4Writer implements FrameSink {

    /** H.264's quantizer for every macroblock; see the class comment. */
    static final int QUANTIZER = 12;

    private final PartFile file;
    private final SeekableByteChannel channel;
    private final int framesPerSecond;
    private final H264Encoder encoder = new Bt709Encoder();
    private final MP4Muxer muxer;
    private MuxerTrack track;
    private Picture picture;
    private ByteBuffer encoded;
    private int[] row;
    private int frames;

    public Mp4Writer(Path out, int framesPerSecond) throws IOException {
        this.file = new PartFile(out);
        this.channel = NIOUtils.writableChannel(file.partial.toFile());
        this.framesPerSecond = framesPerSecond;
        try {
            this.muxer = MP4Muxer.createMP4MuxerToChannel(channel);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        // 4:2:0 keeps one colour sample per 2 × 2 pixels: an odd last row or column is left out
        int width = frame.getWidth() & ~1, height = frame.getHeight() & ~1;
        if (picture == null) {
            if (width == 0 || height == 0) throw new IllegalArgumentException("a video frame needs at least 2 × 2 pixels");
            picture = Picture.create(width, height, ColorSpace.YUV420J);
            // a byte a pixel: JCodec's own limit for one frame, which the quantizer below keeps to
            encoded = ByteBuffer.allocate(width * height + (64 << 10));
            row = new int[width * 2];
            track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
        } else if (width != picture.getWidth() || height != picture.getHeight()) {
            throw new IllegalArgumentException("every frame of a video has the same size: " + picture.getWidth() + " × "
                    + picture.getHeight() + ", not " + width + " × " + height);
        }
        toStudioYuv(frame, picture, row);
        encoded.clear();
        VideoEncoder.EncodedFrame out;
        try {
            out = encoder.encodeFrame(picture, encoded);
        } catch (RuntimeException e) { // a frame the encoder could not fit, say: a clear message, not a stack trace
            throw new IOException("could not encode frame " + (frames + 1) + " as H.264: " + e, e);
        }
        track.addFrame(Packet.createPacket(NIOUtils.clone(out.getData()), frames, framesPerSecond, 1, frames,
                out.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
        frames++;
    }

    /**
     * RGB to BT.709 Y'CbCr, studio range (Y' 16–235, Cb and Cr 16–240 around 128), two rows at a time; a
     * colour sample is the mean of its 2 × 2 pixels. JCodec keeps samples as bytes less 128.
     */
    static void toStudioYuv(BufferedImage frame, Picture picture, int[] row) {
        int width = picture.getWidth(), height = picture.getHeight();
        byte[] luma = picture.getPlaneData(0), cb = picture.getPlaneData(1), cr = picture.getPlaneData(2);
        for (int y = 0; y < height; y += 2) {
            frame.getRGB(0, y, width, 2, row, 0, width);
            for (int x = 0; x < width; x += 2) {
                double sumCb = 0, sumCr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int rgb = row[dy * width + x + dx];
                        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                        luma[(y + dy) * width + x + dx] = (byte) (Math.round(16 + (46.559 * r + 156.629 * g + 15.812 * b) / 255) - 128);
                        sumCb += (-25.664 * r - 86.336 * g + 112.0 * b) / 255;
                        sumCr += (112.0 * r - 101.730 * g - 10.270 * b) / 255;
                    }
                }
                int chroma = (y / 2) * (width / 2) + x / 2;
                cb[chroma] = (byte) Math.round(sumCb / 4);
                cr[chroma] = (byte) Math.round(sumCr / 4);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        muxer.finish();
        channel.close();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        if (file.committed()) return;
        try {
            channel.close();
        } finally {
            file.discard();
        }
    }

    /** JCodec's H.264 encoder at a constant quantizer, its stream saying the colours are BT.709, studio range. */
    private static final class Bt709Encoder extends H264Encoder {

        Bt709Encoder() {
            super(new ConstantQuantizer());
        }

        @Override
        public SeqParameterSet initSPS(Size size) {
            SeqParameterSet sps = super.initSPS(size);
            VUIParameters vui = new VUIParameters();
            vui.videoSignalTypePresentFlag = true;
            vui.videoFormat = 5; // unspecified
            vui.videoFullRangeFlag = false;
            vui.colourDescriptionPresentFlag = true;
            vui.colourPrimaries = 1; // BT.709
            vui.transferCharacteristics = 1;
            vui.matrixCoefficients = 1;
            vui.chromaLocInfoPresentFlag = true; // a colour sample is the mean of its 2 × 2 pixels: their centre
            vui.chromaSampleLocTypeTopField = 1;
            vui.chromaSampleLocTypeBottomField = 1;
            sps.vuiParams = vui;
            sps.levelIdc = level(size);
            return sps;
        }

        /** The lowest H.264 level whose frame size (in macroblocks) holds this one; JCodec always says 4.0. */
        private static int level(Size size) {
            long macroblocks = (long) ((size.getWidth() + 15) / 16) * ((size.getHeight() + 15) / 16);
            if (macroblocks <= 8_192) return 40;
            if (macroblocks <= 8_704) return 42;
            if (macroblocks <= 22_080) return 50;
            if (macroblocks <= 36_864) return 51;
            return 60;
        }
    }

    /**
     * {@link #QUANTIZER} for every macroblock while the frame is within its room; a frame so busy that it
     * would outgrow it (JCodec's limit is about a byte a pixel) gets coarser from there on, 2 steps at a
     * time, rather than failing. A board never comes near it.
     */
    private static final class ConstantQuantizer implements RateControl {
        private long roomBits;
        private long usedBits;
        private int macroblocks;
        private int done;
        private int qp;

        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            macroblocks = ((size.getWidth() + 15) / 16) * ((size.getHeight() + 15) / 16);
            roomBits = maxSize * 8L * 9 / 10;
            usedBits = 0;
            done = 0;
            qp = QUANTIZER;
            return QUANTIZER;
        }

        /** Each macroblock starts back at {@link #QUANTIZER} unless the frame has used more than its share. */
        @Override
        public int initialQpDelta() {
            if (usedBits > roomBits * done / Math.max(1, macroblocks)) return 0;
            int delta = QUANTIZER - qp;
            qp = QUANTIZER;
            return delta;
        }

        /** Takes a macroblock, or asks for it again coarser if the frame would run out of room with it. */
        @Override
        public int accept(int bits) {
            long allowed = roomBits * (done + 1) / Math.max(1, macroblocks) + roomBits / 4;
            if (usedBits + bits > Math.min(roomBits, allowed) && qp < 50) {
                qp += 2;
                return 2;
            }
            usedBits += bits;
            done++;
            return 0;
        }
    }
}
