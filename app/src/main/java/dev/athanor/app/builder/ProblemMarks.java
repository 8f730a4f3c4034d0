package dev.athanor.app.builder;

import dev.athanor.query.validate.ValidationProblem;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** Marks a row of the builder that a validation problem concerns: a red frame and the messages as tooltip. */
final class ProblemMarks {
    static final String STYLE_CLASS = "has-problem";

    private ProblemMarks() {}

    static void mark(Node node, List<ValidationProblem> problems) {
        node.getStyleClass().remove(STYLE_CLASS);
        if (problems.isEmpty()) {
            return;
        }
        node.getStyleClass().add(STYLE_CLASS);
        node.setStyle("-fx-border-color: #d32f2f; -fx-border-width: 1.5; -fx-border-radius: 3;"
                + " -fx-background-color: #fdecea; -fx-background-radius: 3;");
        String text = String.join(
                "\n", problems.stream().map(ValidationProblem::message).toList());
        var tooltip = new Tooltip(text);
        if (node instanceof Control control) {
            control.setTooltip(tooltip);
        } else {
            Tooltip.install(node, tooltip);
        }
        node.setUserData(text);
    }
}
