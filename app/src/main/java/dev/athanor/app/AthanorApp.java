package dev.athanor.app;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.window.MainWindow;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: one window on one database at a time. */
public final class AthanorApp extends Application {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private FxBackground background;
    private Desktop desktop;

    /** Starts the toolkit and opens the window; returns when the window closes. */
    static void launchWindow() {
        Application.launch(AthanorApp.class);
    }

    @Override
    public void start(Stage stage) {
        background = new FxBackground();
        desktop = new Desktop(Desktop.Settings.forUser(), background);
        var scene = new Scene(desktop.window(), 1280, 820);
        MainWindow.style(scene);
        stage.setTitle("Athanor");
        stage.setScene(scene);
        desktop.askBeforeClosing(stage);
        // The window shows at once; the sample database starts behind the progress message.
        stage.show();
        desktop.start();
    }

    @Override
    public void stop() throws InterruptedException {
        if (desktop != null) {
            // Closing the pool and stopping the sample server block on sockets and files: not on the UI thread.
            var closing = Thread.ofPlatform().name("athanor-shutdown").start(desktop.shutdown());
            closing.join(SHUTDOWN_WAIT);
        }
        if (background != null) {
            background.close();
        }
    }
}
