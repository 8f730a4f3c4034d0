import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (an athanor: a furnace's flame under a database cylinder) as a PNG, at build time:
 * {@code java AthanorIcon.java OUT.png [SIZE]}.
 */
public final class AthanorIcon {
    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x1f4e79), 0, 256, new Color(0x0d2238)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // the flame
        var flame = new Path2D.Double();
        flame.moveTo(128, 232);
        flame.curveTo(70, 232, 62, 178, 96, 146);
        flame.curveTo(100, 166, 110, 172, 116, 170);
        flame.curveTo(104, 140, 124, 116, 140, 104);
        flame.curveTo(138, 130, 196, 150, 180, 196);
        flame.curveTo(172, 220, 150, 232, 128, 232);
        flame.closePath();
        g.setPaint(new GradientPaint(0, 104, new Color(0xffd34d), 0, 232, new Color(0xe8590c)));
        g.fill(flame);

        // the database cylinder above it
        g.setPaint(new Color(0xe9f1f8));
        g.fill(new java.awt.geom.Rectangle2D.Double(64, 44, 128, 52));
        g.fill(new Ellipse2D.Double(64, 76, 128, 40));
        g.setPaint(new Color(0xb7cde0));
        g.fill(new Ellipse2D.Double(64, 24, 128, 40));
        g.setPaint(new Color(0x1f4e79));
        g.setStroke(new BasicStroke(5f));
        g.draw(new java.awt.geom.Arc2D.Double(64, 50, 128, 40, 180, 180, java.awt.geom.Arc2D.OPEN));
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
