package dev.athanor.app.screens;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * Writes a JavaFX {@link Image} as a PNG file.
 *
 * <p>Encoded here (a few chunks and a deflate stream) rather than through {@code SwingFXUtils} and ImageIO, so
 * that the screenshot command does not pull AWT into a headless JavaFX process.
 */
final class PngFile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngFile() {}

    /** Encodes {@code image} as 8-bit RGBA; call on any thread once the image is rendered. */
    static byte[] encode(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        try {
            var raw = new ByteArrayOutputStream(width * height * 4 + height);
            try (var deflate = new DeflaterOutputStream(raw)) {
                byte[] line = new byte[1 + width * 4];
                for (int y = 0; y < height; y++) {
                    line[0] = 0; // filter: none
                    for (int x = 0; x < width; x++) {
                        int pixel = argb[y * width + x];
                        int i = 1 + x * 4;
                        line[i] = (byte) (pixel >>> 16);
                        line[i + 1] = (byte) (pixel >>> 8);
                        line[i + 2] = (byte) pixel;
                        line[i + 3] = (byte) (pixel >>> 24);
                    }
                    deflate.write(line);
                }
            }
            var header = new ByteArrayOutputStream();
            var data = new DataOutputStream(header);
            data.writeInt(width);
            data.writeInt(height);
            data.writeByte(8); // bit depth
            data.writeByte(6); // colour type: RGBA
            data.writeByte(0);
            data.writeByte(0);
            data.writeByte(0);

            var png = new ByteArrayOutputStream();
            png.write(SIGNATURE);
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", raw.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not encode PNG in memory", e);
        }
    }

    static void write(Image image, Path file) throws IOException {
        Files.write(file, encode(image));
    }

    private static void chunk(OutputStream out, String type, byte[] body) throws IOException {
        var data = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        data.writeInt(body.length);
        data.write(name);
        data.write(body);
        var crc = new CRC32();
        crc.update(name);
        crc.update(body);
        data.writeInt((int) crc.getValue());
    }
}
