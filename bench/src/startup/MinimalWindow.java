import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The floor of the start-up benchmark: the least JavaFX window, which says when it is shown and exits. */
public final class MinimalWindow extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Athanor"), 1280, 820));
        stage.show();
        System.out.println("athanor-startup window-shown");
        System.out.flush();
        Platform.exit();
    }
}
