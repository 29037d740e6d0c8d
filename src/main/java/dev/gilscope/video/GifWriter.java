package dev.gilscope.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF that loops, written with the JDK's own GIF encoder (each frame gets its own 256-colour
 * table). Written to a temporary sibling and moved into place when finished.
 */
public final class GifWriter implements FrameSink {

    private final PartFile file;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final int delayCentiseconds;
    private boolean first = true;

    public GifWriter(Path out, double framesPerSecond) throws IOException {
        this.file = new PartFile(out);
        this.delayCentiseconds = (int) Math.max(2, Math.round(100 / framesPerSecond));
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        Files.deleteIfExists(file.partial); // a random-access file is not truncated when reopened
        // From a File, not an OutputStream: closing the image stream then closes the file too.
        this.stream = ImageIO.createImageOutputStream(file.partial.toFile());
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    @Override
    public void add(BufferedImage frame) throws IOException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) { // loop for ever: the Netscape extension every browser and slide program reads
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(loop);
            first = false;
        }
        metadata.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    @Override
    public void finish() throws IOException {
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        if (file.committed()) return;
        try {
            stream.close();
        } finally {
            writer.dispose();
            file.discard();
        }
    }
}
