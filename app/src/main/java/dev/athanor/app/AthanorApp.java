package dev.athanor.app;

import dev.athanor.app.task.FxBackground;
import dev.athanor.app.window.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: one window on one database at a time. */
public final class AthanorApp extends Application {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private FxBackground background;
    private Desktop desktop;

    /**
     * Starts the toolkit and opens the window, on the query project {@code project} when one is given; returns when
     * the application ends, with its exit status.
     */
    static int launchWindow(Path project) {
        StartupMode.current(); // a wrong -Dathanor.startup fails here, before the toolkit starts
        if (project == null) Application.launch(AthanorApp.class);
        else Application.launch(AthanorApp.class, project.toString());
        return StartupMode.exitStatus();
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
        var mode = StartupMode.current();
        mode.windowShown(System.out);
        desktop.start();
        mode.watch(desktop, System.out, System.err);
        getParameters().getRaw().stream().findFirst().map(Path::of).ifPresent(desktop::openProjectWhenConnected);
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
