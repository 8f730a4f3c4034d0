package dev.athanor.app.results;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** A dialog showing one value whole, selectable and copyable. */
final class ValueViewer {
    private ValueViewer() {}

    static void show(Node owner, TableColumn<?, ?> column, Object value) {
        var area = new TextArea(value == null ? "NULL (no value)" : CellText.full(value));
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(560, 320);
        area.getStyleClass().add("value-viewer-text");
        var copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        var dialog = new Alert(Alert.AlertType.NONE, "", copy, ButtonType.CLOSE);
        String title = column != null && column.getUserData() instanceof ResultColumn c
                ? c.name() + " (" + c.typeName() + ")"
                : "Value";
        dialog.setTitle(title);
        dialog.setHeaderText(
                title + (value instanceof byte[] bytes ? ", " + CellText.count(bytes.length) + " bytes" : ""));
        dialog.getDialogPane().setContent(area);
        dialog.setResizable(true);
        if (owner.getScene() != null) dialog.initOwner(owner.getScene().getWindow());
        dialog.showAndWait().filter(copy::equals).ifPresent(b -> {
            var content = new ClipboardContent();
            content.putString(CellText.full(value));
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
