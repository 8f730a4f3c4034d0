package dev.athanor.app.builder;

import dev.athanor.query.model.DateTimeText;
import dev.athanor.query.model.Expression;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import javafx.util.StringConverter;

/**
 * Dates and times where an expression and its value are edited: a value is picked as a date (a date picker), a
 * date and time, a time or an interval (a number and a unit, or any PostgreSQL interval text, checked as typed),
 * and the expression can be wrapped in {@code extract(field FROM ...)} or {@code date_trunc('unit', ...)} chosen
 * from drop-downs. What is chosen is written into the two text fields as the builder's expression text
 * ({@code date '2012-09-01'}), and {@code changed} is told.
 *
 * <p>Ids: the button is {@code idPrefix}; the editor's controls are {@code idPrefix-kind}, {@code -date},
 * {@code -time}, {@code -interval}, {@code -interval-amount}, {@code -interval-unit}, {@code -use},
 * {@code -extract} and {@code -trunc}.
 */
final class DateTimeEditor {
    /** The kinds of value offered, with the literal type each gives. */
    enum Kind {
        DATE("date", Expression.Literal.Type.DATE),
        DATE_TIME("date and time", Expression.Literal.Type.TIMESTAMP),
        TIME("time", Expression.Literal.Type.TIME),
        INTERVAL("interval", Expression.Literal.Type.INTERVAL);

        final String label;
        final Expression.Literal.Type type;

        Kind(String label, Expression.Literal.Type type) {
            this.label = label;
            this.type = type;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<String> INTERVAL_UNITS = List.of("minutes", "hours", "days", "weeks", "months", "years");

    private final TextField valueField;
    private final TextField expressionField;
    private final Runnable changed;
    private final Popup popup = new Popup();
    private final ComboBox<Kind> kind = new ComboBox<>();
    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();
    private final TextField intervalAmount = new TextField();
    private final ComboBox<String> intervalUnit = new ComboBox<>();
    private final TextField interval = new TextField();
    private final Label message = new Label();
    private final Button use = new Button("Use as value");
    private final ComboBox<Expression.Extract.Field> extract = new ComboBox<>();
    private final ComboBox<Expression.DateTrunc.Unit> trunc = new ComboBox<>();

    private DateTimeEditor(String idPrefix, TextField valueField, TextField expressionField, Runnable changed) {
        this.valueField = valueField;
        this.expressionField = expressionField;
        this.changed = changed;
        kind.getItems().setAll(Kind.values());
        kind.setValue(Kind.DATE);
        kind.setId(idPrefix + "-kind");
        date.setId(idPrefix + "-date");
        date.setPromptText(DateTimeText.example(Expression.Literal.Type.DATE));
        time.setId(idPrefix + "-time");
        time.setPromptText("08:30");
        time.setPrefColumnCount(6);
        intervalAmount.setId(idPrefix + "-interval-amount");
        intervalAmount.setPrefColumnCount(4);
        intervalAmount.setPromptText("1");
        intervalUnit.setId(idPrefix + "-interval-unit");
        intervalUnit.getItems().setAll(INTERVAL_UNITS);
        intervalUnit.setValue("days");
        interval.setId(idPrefix + "-interval");
        interval.setPromptText("or any interval: " + DateTimeText.example(Expression.Literal.Type.INTERVAL));
        interval.setPrefColumnCount(14);
        use.setId(idPrefix + "-use");
        use.setDefaultButton(true);
        use.setOnAction(e -> useValue());
        message.setId(idPrefix + "-message");
        message.setStyle("-fx-text-fill: #b00020;");
        extract.setId(idPrefix + "-extract");
        extract.setPromptText("extract field");
        extract.getItems().setAll(Expression.Extract.Field.values());
        extract.setConverter(lowerCase(Expression.Extract.Field.class));
        extract.setOnAction(e -> wrap(extract.getValue()));
        trunc.setId(idPrefix + "-trunc");
        trunc.setPromptText("date_trunc unit");
        trunc.getItems().setAll(Expression.DateTrunc.Unit.values());
        trunc.setConverter(lowerCase(Expression.DateTrunc.Unit.class));
        trunc.setOnAction(e -> wrap(trunc.getValue()));
        for (var input : List.of(time.textProperty(), intervalAmount.textProperty(), interval.textProperty())) {
            input.addListener((obs, was, now) -> refresh());
        }
        date.valueProperty().addListener((obs, was, now) -> refresh());
        date.getEditor().textProperty().addListener((obs, was, now) -> refresh());
        intervalUnit.valueProperty().addListener((obs, was, now) -> refresh());
        kind.valueProperty().addListener((obs, was, now) -> refresh());

        var grid = new GridPane(6, 6);
        grid.addRow(0, new Label("Value"), kind);
        grid.addRow(1, new Label("Date"), date, new Label("Time"), time);
        grid.addRow(2, new Label("Interval"), new HBox(4, intervalAmount, intervalUnit), interval);
        grid.addRow(3, message, use);
        GridPane.setColumnSpan(message, 3);
        grid.addRow(4, new Label("Expression"), extract, trunc);
        grid.setPadding(new Insets(8));
        grid.setAlignment(Pos.CENTER_LEFT);
        grid.setStyle("-fx-background-color: -fx-background; -fx-border-color: #9aa9bb; -fx-border-radius: 3;"
                + " -fx-background-radius: 3;");
        popup.getContent().add(grid);
        popup.setAutoHide(true);
        refresh();
    }

    /**
     * A button that opens the editor for {@code valueField} (the value a date or interval goes into) and
     * {@code expressionField} (the expression extract and date_trunc wrap).
     */
    static Button button(String id, TextField valueField, TextField expressionField, Runnable changed) {
        var editor = new DateTimeEditor(id, valueField, expressionField, changed);
        var button = new Button("Dates…");
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Dates and times: pick a date, a time or an interval; extract, date_trunc"));
        button.setOnAction(e -> {
            editor.show(valueField.getText());
            var bounds = button.localToScreen(button.getBoundsInLocal());
            editor.popup.show(button, bounds.getMinX(), bounds.getMaxY());
        });
        return button;
    }

    /** Shows the literal the value field holds, if it is a date, time or interval. */
    private void show(String text) {
        Expression shown;
        try {
            shown = text == null || text.isBlank() ? null : ExpressionText.parse(text);
        } catch (IllegalArgumentException notAnExpression) {
            shown = null;
        }
        if (!(shown instanceof Expression.Literal literal) || !literal.type().temporal()) {
            return;
        }
        switch (literal.type()) {
            case DATE -> {
                kind.setValue(Kind.DATE);
                date.setValue(LocalDate.parse(literal.text().strip()));
            }
            case TIMESTAMP -> {
                kind.setValue(Kind.DATE_TIME);
                var value = DateTimeText.localDateTime(literal.text());
                date.setValue(value.toLocalDate());
                time.setText(DateTimeText.time(value.toLocalTime()));
            }
            case TIME -> {
                kind.setValue(Kind.TIME);
                time.setText(literal.text());
            }
            case INTERVAL -> {
                kind.setValue(Kind.INTERVAL);
                interval.setText(literal.text());
            }
            default -> {}
        }
    }

    /** The literal the editor holds, or {@code null} with the reason in the message. */
    Expression.Literal literal() {
        var chosen = kind.getValue();
        String text =
                switch (chosen) {
                    case DATE -> dateText();
                    case DATE_TIME -> dateText() == null || timeText() == null ? null : dateText() + " " + timeText();
                    case TIME -> timeText();
                    case INTERVAL -> intervalText();
                };
        if (text == null || !DateTimeText.isValid(chosen.type, text)) {
            return null;
        }
        return new Expression.Literal(chosen.type, text);
    }

    private String dateText() {
        // The picker commits typed text on Enter or focus loss: read what is typed too.
        try {
            var typed = date.getEditor().getText();
            var value = typed == null || typed.isBlank()
                    ? date.getValue()
                    : date.getConverter().fromString(typed);
            return value == null ? null : value.toString();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private String timeText() {
        try {
            return DateTimeText.time(LocalTime.parse(time.getText().strip()));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private String intervalText() {
        if (!interval.getText().isBlank()) {
            return interval.getText().strip();
        }
        String amount = intervalAmount.getText().strip();
        return amount.isEmpty() ? null : amount + " " + intervalUnit.getValue();
    }

    private void refresh() {
        var chosen = kind.getValue();
        date.setDisable(chosen == Kind.TIME || chosen == Kind.INTERVAL);
        time.setDisable(chosen == Kind.DATE || chosen == Kind.INTERVAL);
        intervalAmount.setDisable(chosen != Kind.INTERVAL);
        intervalUnit.setDisable(chosen != Kind.INTERVAL);
        interval.setDisable(chosen != Kind.INTERVAL);
        var literal = literal();
        use.setDisable(literal == null);
        message.setText(
                literal != null
                        ? ExpressionText.format(literal)
                        : "Write the " + chosen.label + " as " + DateTimeText.example(chosen.type));
        message.setStyle(literal != null ? "-fx-text-fill: #2d5f2e;" : "-fx-text-fill: #b00020;");
    }

    private void useValue() {
        var literal = literal();
        if (literal == null) {
            return;
        }
        valueField.setText(ExpressionText.format(literal));
        popup.hide();
        changed.run();
    }

    /** Wraps the expression field's expression in {@code extract} or {@code date_trunc}. */
    private void wrap(Object choice) {
        String current = expressionField.getText();
        if (choice == null || current == null || current.isBlank()) {
            return;
        }
        var source = ExpressionText.parse(current);
        Expression wrapped = choice instanceof Expression.Extract.Field field
                ? new Expression.Extract(field, source)
                : new Expression.DateTrunc((Expression.DateTrunc.Unit) choice, source);
        expressionField.setText(ExpressionText.format(wrapped));
        popup.hide();
        changed.run();
        // Cleared once the drop-down has finished selecting, so that the same choice can wrap again.
        Platform.runLater(() -> {
            extract.setValue(null);
            trunc.setValue(null);
        });
    }

    /** Shows enum constants as SQL spells them: {@code month}, {@code dow}. */
    private static <E extends Enum<E>> StringConverter<E> lowerCase(Class<E> type) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? null : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public E fromString(String text) {
                return text == null || text.isBlank()
                        ? null
                        : Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            }
        };
    }
}
