package dev.athanor.app.builder;

import dev.athanor.query.validate.ValidationProblem;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Marks a row or a table box of the builder that validation problems concern: the {@value #STYLE_CLASS} style class
 * (a red frame, drawn by {@code query-builder.css}) and the messages as tooltip. Marking with no problems takes both
 * away again, so a fixed row looks like any other.
 */
final class ProblemMarks {
    static final String STYLE_CLASS = "has-problem";

    private static final Object TOOLTIP_KEY = new Object();

    private ProblemMarks() {}

    /** Marks {@code node} with {@code problems}, the tooltip on the node itself. */
    static void mark(Node node, List<ValidationProblem> problems) {
        mark(node, node, problems);
    }

    /**
     * Marks {@code node} with {@code problems}, the tooltip on {@code tooltipOwner} (a part of the node that does
     * not hand its tooltip to a child, such as a box's title bar).
     */
    static void mark(Node node, Node tooltipOwner, List<ValidationProblem> problems) {
        node.getStyleClass().remove(STYLE_CLASS);
        if (tooltipOwner.getProperties().remove(TOOLTIP_KEY) instanceof Tooltip previous) {
            if (tooltipOwner instanceof Control control) {
                control.setTooltip(null);
            } else {
                Tooltip.uninstall(tooltipOwner, previous);
            }
        }
        node.setUserData(null);
        if (problems.isEmpty()) {
            return;
        }
        node.getStyleClass().add(STYLE_CLASS);
        String text = String.join(
                "\n", problems.stream().map(ValidationProblem::message).toList());
        var tooltip = new Tooltip(text);
        if (tooltipOwner instanceof Control control) {
            control.setTooltip(tooltip);
        } else {
            Tooltip.install(tooltipOwner, tooltip);
        }
        tooltipOwner.getProperties().put(TOOLTIP_KEY, tooltip);
        node.setUserData(text);
    }

    /** The stylesheet that draws the marks (and the table boxes they frame). */
    static String stylesheet() {
        return ProblemMarks.class.getResource("query-builder.css").toExternalForm();
    }
}
