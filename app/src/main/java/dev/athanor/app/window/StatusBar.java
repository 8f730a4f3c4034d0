package dev.athanor.app.window;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar at the bottom of the window; it only binds to a {@link StatusModel}. */
public final class StatusBar extends HBox {

    public StatusBar(StatusModel model) {
        super(10);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));

        var connection = label("status-connection");
        connection.textProperty().bind(model.connectionProperty());
        var pool = label("status-pool");
        pool.textProperty().bind(model.poolProperty());
        var transaction = label("status-transaction");
        transaction.textProperty().bind(model.transactionProperty());
        var session = label("status-session");
        session.textProperty().bind(model.sessionProperty());
        // A transaction left open for minutes holds locks and a connection: the text turns into a warning.
        model.sessionProperty()
                .addListener((obs, old, text) -> session.setStyle(
                        text.contains("still open") || text.contains("needs rollback")
                                ? "-fx-text-fill: #b03020;"
                                : ""));

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var activity = model.activity();
        var progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(90);
        progress.setPrefHeight(12);
        progress.visibleProperty().bind(activity.busyProperty());
        progress.managedProperty().bind(activity.busyProperty());
        var working = label("status-activity");
        working.textProperty().bind(activity.messageProperty());

        getChildren()
                .addAll(
                        connection,
                        separator(),
                        pool,
                        separator(),
                        transaction,
                        separator(),
                        session,
                        spacer,
                        working,
                        progress);
    }

    private static Label label(String id) {
        var label = new Label();
        label.setId(id);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
