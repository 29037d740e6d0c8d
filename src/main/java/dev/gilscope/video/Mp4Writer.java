package dev.gilscope.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * An H.264 MP4 video, encoded in pure Java by JCodec (nothing to install). Written to a temporary sibling
 * and moved into place when finished.
 */
public final class Mp4Writer implements FrameSink {

    private final PartFile file;
    private final SeekableByteChannel channel;
    private final AWTSequenceEncoder encoder;

    public Mp4Writer(Path out, int framesPerSecond) throws IOException {
        this.file = new PartFile(out);
        this.channel = NIOUtils.writableChannel(file.partial.toFile());
        this.encoder = new AWTSequenceEncoder(channel, Rational.R(framesPerSecond, 1));
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        encoder.encodeImage(frame);
    }

    @Override
    public void finish() throws IOException {
        encoder.finish();
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
}
