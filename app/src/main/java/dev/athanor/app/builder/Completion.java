package dev.athanor.app.builder;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;

/**
 * Completion for a text field: as the user types, a list under the field offers the choices (columns, aggregates,
 * table names) that contain the word at the caret. Down and Up move through the list, Enter or a click takes the
 * highlighted choice in place of the word, Escape closes the list; Enter with nothing highlighted is the field's
 * own action.
 */
final class Completion {
    /** Characters that end the word being completed. */
    private static final String SEPARATORS = " (),+-*/|=<>:";

    private static final int SHOWN = 12;

    private final TextField field;
    private final Supplier<List<String>> choices;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();
    private boolean applying;

    private Completion(TextField field, Supplier<List<String>> choices) {
        this.field = field;
        this.choices = choices;
        list.getStyleClass().add("completion-list");
        list.setFocusTraversable(false);
        list.setPrefHeight(24 * 8);
        list.setPrefWidth(280);
        list.setOnMouseClicked(event -> {
            if (list.getSelectionModel().getSelectedItem() != null) {
                take(list.getSelectionModel().getSelectedItem());
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        // A click elsewhere closes the list and still does what it was meant to (press a button).
        popup.setConsumeAutoHidingEvents(false);
        if (field.getId() != null) {
            list.setId(field.getId() + "-completion");
        }
        field.textProperty().addListener((obs, old, text) -> {
            if (!applying && field.isFocused()) {
                offer();
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Offers {@code choices} (asked again at each keystroke) while the user types in {@code field}. */
    static void attach(TextField field, Supplier<List<String>> choices) {
        new Completion(field, choices);
    }

    private void key(KeyEvent event) {
        if (!popup.isShowing()) {
            if (event.getCode() == KeyCode.DOWN) {
                offer();
            }
            return;
        }
        var selection = list.getSelectionModel();
        switch (event.getCode()) {
            case DOWN -> {
                selection.select(Math.min(
                        selection.getSelectedIndex() + 1, list.getItems().size() - 1));
                list.scrollTo(selection.getSelectedIndex());
                event.consume();
            }
            case UP -> {
                selection.select(Math.max(selection.getSelectedIndex() - 1, 0));
                list.scrollTo(selection.getSelectedIndex());
                event.consume();
            }
            case ENTER -> {
                if (selection.getSelectedItem() != null) {
                    take(selection.getSelectedItem());
                    event.consume();
                } else {
                    popup.hide();
                }
            }
            case ESCAPE -> {
                popup.hide();
                event.consume();
            }
            default -> {}
        }
    }

    private int wordStart() {
        String text = field.getText() == null ? "" : field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        int start = caret;
        while (start > 0 && SEPARATORS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return start;
    }

    private void offer() {
        String text = field.getText() == null ? "" : field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        String word = text.substring(wordStart(), caret).toLowerCase(Locale.ROOT);
        var matches = choices.get().stream()
                .filter(choice -> choice.toLowerCase(Locale.ROOT).contains(word) && !choice.equalsIgnoreCase(word))
                .sorted((a, b) -> Boolean.compare(
                        !a.toLowerCase(Locale.ROOT).startsWith(word),
                        !b.toLowerCase(Locale.ROOT).startsWith(word)))
                .limit(SHOWN * 4L)
                .toList();
        if (matches.isEmpty() || field.getScene() == null) {
            popup.hide();
            return;
        }
        list.getItems().setAll(matches);
        list.getSelectionModel().clearSelection();
        list.setPrefHeight(Math.min(matches.size(), SHOWN) * 24 + 4);
        if (!popup.isShowing()) {
            Bounds bounds = field.localToScreen(field.getBoundsInLocal());
            if (bounds != null) {
                popup.show(field, bounds.getMinX(), bounds.getMaxY());
            }
        }
    }

    private void take(String choice) {
        String text = field.getText() == null ? "" : field.getText();
        int start = wordStart();
        int caret = Math.min(field.getCaretPosition(), text.length());
        applying = true;
        try {
            field.setText(text.substring(0, start) + choice + text.substring(caret));
            field.positionCaret(start + choice.length());
        } finally {
            applying = false;
        }
        popup.hide();
    }
}
