package dev.athanor.app.connect;

import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Asks for a password the server wants and no other source (remembered, {@code ~/.pgpass}, {@code
 * PGPASSWORD}) has. The typed characters are handed over as a {@code char[]} and the field is cleared.
 */
public final class PasswordPrompt extends VBox {

    /** @param submit receives the password and whether to remember it for this session */
    public PasswordPrompt(String target, BiConsumer<char[], Boolean> submit) {
        super(10);
        setId("password-prompt");
        setPadding(new Insets(24));
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(480);

        var title = new Label("Password needed");
        title.getStyleClass().add("details-title");
        var where = new Label("The server asks for a password for " + target + ".");
        where.setWrapText(true);
        var field = new PasswordField();
        field.setId("password-field");
        field.setPromptText("Password");
        var remember = new CheckBox("Remember for this session");
        remember.setId("password-remember");
        var hint = new Label("Passwords are never saved to disk. ~/.pgpass and PGPASSWORD are used when they apply.");
        hint.getStyleClass().add("dim");
        hint.setWrapText(true);
        var connect = new Button("Connect");
        connect.setId("password-connect");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(field.textProperty().isEmpty());
        connect.setOnAction(e -> {
            char[] password = field.getText().toCharArray();
            field.clear();
            submit.accept(password, remember.isSelected());
        });
        getChildren().addAll(title, where, field, remember, new HBox(8, connect), hint);
        field.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                field.requestFocus();
            }
        });
    }
}
