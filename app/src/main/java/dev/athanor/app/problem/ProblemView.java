package dev.athanor.app.problem;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link Problem}: headline, plain-words message, a Retry button and an "Error details" toggle that
 * reveals the technical account. The details are hidden until asked for, so nobody meets a stack trace by
 * surprise.
 */
public final class ProblemView extends VBox {

    public ProblemView(Problem problem, Runnable retry) {
        super(10);
        getStyleClass().add("problem");
        setId("problem");
        setPadding(new Insets(24));
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(640);

        var title = new Label(problem.title());
        title.setId("problem-title");
        title.getStyleClass().add("problem-title");
        var message = new Label(problem.message());
        message.setId("problem-message");
        message.setWrapText(true);

        var retryButton = new Button("Retry");
        retryButton.setId("problem-retry");
        retryButton.setDefaultButton(true);
        retryButton.setOnAction(e -> retry.run());

        var details = new TextArea(problem.details());
        details.setId("problem-details");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        details.setVisible(false);
        details.setManaged(false);

        var showDetails = new ToggleButton("Error details");
        showDetails.setId("problem-show-details");
        details.visibleProperty().bind(showDetails.selectedProperty());
        details.managedProperty().bind(showDetails.selectedProperty());

        var buttons = new HBox(8, retryButton, showDetails);
        getChildren().addAll(title, message, buttons, details);
    }
}
