package dev.athanor.app.window;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Asks, before the window leaves a database, what becomes of the work pending there: commit, roll back, or stay. */
public final class LeaveDialog extends Dialog<ButtonType> {
    /** Sends COMMIT, then switches (or closes). */
    public static final ButtonType COMMIT = new ButtonType("Commit", ButtonData.OTHER);
    /** Sends ROLLBACK, then switches (or closes). */
    public static final ButtonType ROLL_BACK = new ButtonType("Roll back", ButtonData.OTHER);
    /** Stays on the database, everything as it was. */
    public static final ButtonType STAY = new ButtonType("Cancel", ButtonData.CANCEL_CLOSE);

    public LeaveDialog(LeaveQuestion question) {
        setTitle("Leave " + question.from().label());
        var pane = getDialogPane();
        pane.setId("leave-question");
        pane.setHeaderText(
                question.closing()
                        ? "Close Athanor with work pending on "
                                + question.from().label() + "?"
                        : "Leave " + question.from().label() + " for "
                                + question.to().label() + "?");
        var lines = new VBox(8);
        for (String pending : question.pending()) {
            var line = new Label(pending);
            line.setWrapText(true);
            lines.getChildren().add(line);
        }
        var choices = new Label("Commit makes the changes permanent, Roll back throws them away; either is sent before "
                + "the connection closes. Cancel "
                + (question.closing()
                        ? "keeps the window open"
                        : "stays on " + question.from().label())
                + " with everything as it was.");
        choices.setWrapText(true);
        lines.getChildren().add(choices);
        lines.setPrefWidth(460);
        pane.setContent(lines);
        pane.getButtonTypes().setAll(COMMIT, ROLL_BACK, STAY);
        pane.lookupButton(COMMIT).setId("leave-commit");
        pane.lookupButton(ROLL_BACK).setId("leave-roll-back");
        pane.lookupButton(STAY).setId("leave-stay");
        // Enter must not end a transaction by accident: the safe answer is the default.
        ((Button) pane.lookupButton(STAY)).setDefaultButton(true);
    }
}
