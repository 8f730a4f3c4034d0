package dev.athanor.app;

import dev.athanor.app.schema.ObjectDetailsView;
import dev.athanor.app.task.FxBackground;
import dev.athanor.app.window.Activity;
import dev.athanor.app.window.MainModel;
import dev.athanor.app.window.MainWindow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: one window on one database at a time. */
public final class AthanorApp extends Application {
    private FxBackground background;

    /** Starts the toolkit and opens the window; returns when the window closes. */
    static void launchWindow() {
        Application.launch(AthanorApp.class);
    }

    @Override
    public void start(Stage stage) {
        background = new FxBackground();
        var activity = new Activity(background);
        var model = new MainModel(activity, null);
        var window = new MainWindow(model, ObjectDetailsView::pendingTableData, () -> {});
        var scene = new Scene(window, 1280, 820);
        MainWindow.style(scene);
        stage.setTitle("Athanor");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
    }
}
