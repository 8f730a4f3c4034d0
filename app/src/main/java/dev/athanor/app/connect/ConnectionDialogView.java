package dev.athanor.app.connect;

import dev.athanor.app.problem.ProblemView;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.SslMode;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Content of the connection dialog: saved profiles on the left, the profile form on the right. */
public final class ConnectionDialogView extends BorderPane {
    private final ConnectionDialogModel model;
    private final GridPane form = new GridPane();
    private int row;

    /** @param close closes the dialog window */
    public ConnectionDialogView(ConnectionDialogModel model, Runnable close) {
        this.model = model;
        setId("connection-dialog");
        setPrefSize(820, 560);

        var list = new ListView<>(model.profiles());
        list.setId("profile-list");
        list.setPrefWidth(200);
        list.setPlaceholder(new Label("No saved profiles"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, profile) -> {
            if (profile != null) {
                model.edit(profile);
            }
        });
        var newButton = new Button("New profile");
        newButton.setId("profile-new");
        newButton.setMaxWidth(Double.MAX_VALUE);
        newButton.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.newProfile();
        });
        var left = new VBox(6, new Label("Saved profiles"), list, newButton);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        form.setHgap(8);
        form.setVgap(2);
        form.setPadding(new Insets(10));
        var labels = new ColumnConstraints(110);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);

        var paste = new TextField();
        paste.setId("field-connection-string");
        paste.setPromptText("postgresql://user@host:5432/db  or  jdbc:postgresql://host/db");
        paste.textProperty().bindBidirectional(model.connectionStringProperty());
        paste.setOnAction(e -> model.applyConnectionString());
        var fill = new Button("Fill fields");
        fill.setId("apply-connection-string");
        fill.setOnAction(e -> model.applyConnectionString());
        HBox.setHgrow(paste, Priority.ALWAYS);
        addRow("Paste URL", new HBox(6, paste, fill), model.connectionStringErrorProperty());

        addRow("Name", text("field-name", model.nameProperty()), model.nameErrorProperty());
        addRow("Host", text("field-host", model.hostProperty()), model.hostErrorProperty());
        addRow("Port", text("field-port", model.portProperty()), model.portErrorProperty());
        addRow("Database", text("field-database", model.databaseProperty()), model.databaseErrorProperty());
        addRow("User", text("field-user", model.userProperty()), model.userErrorProperty());
        var ssl = new ChoiceBox<SslMode>();
        ssl.setId("field-ssl");
        ssl.getItems().setAll(SslMode.values());
        ssl.valueProperty().bindBidirectional(model.sslModeProperty());
        ssl.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SslMode mode) {
                return mode == null ? "" : mode.keyword();
            }

            @Override
            public SslMode fromString(String text) {
                return SslMode.parse(text);
            }
        });
        addRow("SSL mode", ssl, null);
        var password = new PasswordField();
        password.setId("field-test-password");
        password.setPromptText("only for Test; never saved");
        password.textProperty().bindBidirectional(model.testPasswordProperty());
        addRow("Password", password, null);

        var test = new Button("Test");
        test.setId("profile-test");
        test.disableProperty().bind(model.validProperty().not().or(model.testingProperty()));
        test.setOnAction(e -> model.test());
        var save = new Button("Save");
        save.setId("profile-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.validProperty().not().or(model.busyProperty()));
        save.setOnAction(e -> model.save());
        var delete = new Button("Delete");
        delete.setId("profile-delete");
        delete.disableProperty().bind(model.editingProperty().isNull().or(model.busyProperty()));
        delete.setOnAction(e -> model.delete());
        var closeButton = new Button("Close");
        closeButton.setId("dialog-close");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var buttons = new HBox(8, test, save, delete, spacer, closeButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8, 10, 10, 10));

        var result = new Label();
        result.setId("test-result");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        result.getStyleClass().add("test-result");
        var problemArea = new StackPane();
        problemArea.setAlignment(Pos.TOP_LEFT);
        model.problemProperty().addListener((obs, old, problem) -> problemArea
                .getChildren()
                .setAll(
                        problem == null
                                ? java.util.List.<Node>of()
                                : java.util.List.of(new ProblemView(problem, model::test))));
        var right = new VBox(4, form, new VBox(4, result, problemArea));
        ((VBox) right.getChildren().get(1)).setPadding(new Insets(0, 10, 0, 10));

        var title = new Label("Connections");
        title.getStyleClass().add("details-title");
        title.setPadding(new Insets(10, 10, 0, 10));
        setTop(title);
        setLeft(left);
        setCenter(new javafx.scene.control.ScrollPane(right) {
            {
                setFitToWidth(true);
            }
        });
        setBottom(buttons);
    }

    private void addRow(String label, Node field, ReadOnlyStringProperty error) {
        var name = new Label(label);
        form.add(name, 0, row);
        form.add(field, 1, row);
        row++;
        var message = new Label();
        message.getStyleClass().add("field-error");
        message.setMinHeight(16);
        if (error != null) {
            message.textProperty().bind(error);
            if (field.getId() != null) {
                message.setId(field.getId() + "-error");
            }
        }
        form.add(message, 1, row);
        row++;
    }

    private static TextInputControl text(String id, StringProperty property) {
        var field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
