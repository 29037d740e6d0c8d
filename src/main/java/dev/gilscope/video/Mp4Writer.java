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
        this.muxer = MP4Muxer.createMP4MuxerToChannel(channel);
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        // 4:2:0 keeps one colour sample per 2 × 2 pixels: an odd last row or column is left out
        int width = frame.getWidth() & ~1, height = frame.getHeight() & ~1;
        if (picture == null) {
            if (width == 0 || height == 0) throw new IllegalArgumentException("a video frame needs at least 2 × 2 pixels");
            picture = Picture.create(width, height, ColorSpace.YUV420J);
            encoded = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
            row = new int[width * 2];
            track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
        } else if (width != picture.getWidth() || height != picture.getHeight()) {
            throw new IllegalArgumentException("every frame of a video has the same size: " + picture.getWidth() + " × "
                    + picture.getHeight() + ", not " + width + " × " + height);
        }
        toStudioYuv(frame, picture, row);
        encoded.clear();
        VideoEncoder.EncodedFrame out = encoder.encodeFrame(picture, encoded);
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
            sps.vuiParams = vui;
            return sps;
        }
    }

    private static final class ConstantQuantizer implements RateControl {
        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            return QUANTIZER;
        }

        @Override
        public int initialQpDelta() {
            return 0;
        }

        @Override
        public int accept(int bits) {
            return 0;
        }
    }
}
