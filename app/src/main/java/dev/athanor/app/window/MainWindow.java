package dev.athanor.app.window;

import dev.athanor.app.echo.EchoLogModel;
import dev.athanor.app.echo.EchoLogView;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The main window's layout: toolbar, work area, echo log and status bar. */
public final class MainWindow extends BorderPane {
    private final SplitPane workAndEcho;

    public MainWindow(EchoLogModel echo, StatusModel status) {
        getStyleClass().add("main-window");
        var echoView = new EchoLogView(echo);
        workAndEcho = new SplitPane(new Label("Connecting…"), echoView);
        workAndEcho.setOrientation(Orientation.VERTICAL);
        workAndEcho.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(echoView, false);
        setCenter(workAndEcho);
        setBottom(new StatusBar(status));
    }

    /** Applies the application's style sheet to {@code scene}. */
    public static void style(Scene scene) {
        var css = MainWindow.class.getResource("athanor.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
    }
}
