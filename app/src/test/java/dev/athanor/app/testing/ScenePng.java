package dev.athanor.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Renders what a test shows into {@code target/screenshots/}, for a person to look at. */
public final class ScenePng {
    private ScenePng() {}

    /** Renders {@code scene} (on the FX thread) into {@code target/screenshots/name}. */
    public static void write(FxRobot robot, Scene scene, String name) {
        var image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var reader = image[0].getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) buffered.setRGB(x, y, reader.getArgb(x, y));
        }
        var file = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
