package dev.athanor.app.testing;

import dev.athanor.app.Desktop;
import dev.athanor.app.task.FxBackground;
import dev.athanor.app.window.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop as a window test drives it: its own worker threads, the main window on a TestFX stage at 1200×800 with
 * the application's style sheet, and a shutdown as closing the window does it.
 */
public final class TestDesktop implements AutoCloseable {
    private final FxBackground background = new FxBackground();
    private final Desktop desktop;

    /** Builds the desktop without showing it, so a test can subscribe to its model first. */
    public TestDesktop(Desktop.Settings settings) {
        this.desktop = new Desktop(settings, background);
    }

    public Desktop desktop() {
        return desktop;
    }

    /** Shows the window on {@code stage} and starts connecting. Call on the FX thread (a TestFX {@code @Start}). */
    public Desktop show(Stage stage) {
        var scene = new Scene(desktop.window(), 1200, 800);
        MainWindow.style(scene);
        stage.setScene(scene);
        desktop.askBeforeClosing(stage);
        stage.show();
        desktop.start();
        return desktop;
    }

    /** Releases the window, closes the pool and the sample server it started, then stops the worker threads. */
    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(desktop::shutdown).get().run();
        background.close();
    }
}
