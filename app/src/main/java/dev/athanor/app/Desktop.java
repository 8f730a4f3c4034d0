package dev.athanor.app;

import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.ConnectionDialogModel;
import dev.athanor.app.connect.ConnectionDialogView;
import dev.athanor.app.connect.EngineConnector;
import dev.athanor.app.connect.OpenDatabase;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.app.schema.CatalogSnapshot;
import dev.athanor.app.schema.SchemaSnapshot;
import dev.athanor.app.task.Background;
import dev.athanor.app.window.Activity;
import dev.athanor.app.window.MainModel;
import dev.athanor.app.window.MainWindow;
import dev.athanor.app.window.WindowState;
import dev.athanor.files.AthanorDirectories;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.RememberedPasswords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Puts the desktop together: services, view models and the main window. The application, the screenshot
 * command and the UI tests all build the window through this class, so they exercise the same wiring.
 */
public final class Desktop {
    /** How long exit waits for connections still in use (a rollback in the console) to come back. */
    private static final Duration RETURN_WAIT = Duration.ofSeconds(5);

    private static final String NOTICE_SEPARATOR = " · ";

    private final Settings settings;
    private final Activity activity;
    private final ProfileStore profiles;
    private final EngineConnector connector;
    private final MainModel model;
    private final MainWindow window;

    /**
     * Where the desktop's data lives and how it connects.
     *
     * @param sample where the sample database runs
     * @param configDirectory where connection profiles are saved
     * @param environment environment variables (PGPASSWORD, PGUSER, HOME for ~/.pgpass)
     * @param pool pool settings for every engine the window opens
     */
    public record Settings(
            SampleDatabase sample, Path configDirectory, Map<String, String> environment, PoolSettings pool) {

        /** The user's own: XDG data and config directories, the process environment, default pool. */
        public static Settings forUser() {
            Map<String, String> environment = System.getenv();
            var directories = AthanorDirectories.forUser();
            return new Settings(
                    SampleDatabase.embedded(directories.sampleDatabase()),
                    directories.config(),
                    environment,
                    PoolSettings.defaults());
        }
    }

    public Desktop(Settings settings, Background background) {
        this.settings = settings;
        this.activity = new Activity(background);
        this.profiles = new ProfileStore(settings.configDirectory());
        this.connector = new EngineConnector(
                settings.sample(), profiles, new RememberedPasswords(), settings.environment(), settings.pool());
        this.model = new MainModel(activity, connector);
        this.window = new MainWindow(model, this::openConnectionDialog);
        window.setRecentProjectsFile(settings.configDirectory().resolve("recent-projects"));
        settings.sample().onNotice(notice -> activity.onUiThread(() -> showSampleNotice(notice)));
    }

    // Another Athanor sharing the sample database ended and this one took its server over: a line in the status
    // bar, not a dialog. Only when the server had to move to another port is the connection opened again.
    private void showSampleNotice(SampleDatabase.Notice notice) {
        if (!(model.currentProperty().get() instanceof ConnectionChoice.SampleDatabase)) {
            return;
        }
        if (notice.reconnect()) {
            model.connect(new ConnectionChoice.SampleDatabase());
            return;
        }
        String label = model.status().connectionProperty().get();
        int previous = label.indexOf(NOTICE_SEPARATOR);
        model.status()
                .showConnection(
                        (previous < 0 ? label : label.substring(0, previous)) + NOTICE_SEPARATOR + notice.message());
    }

    /** Reads the saved profiles and connects to the sample database, all off the UI thread. */
    public void start() {
        activity.submit(
                "Reading connection profiles",
                profiles::list,
                list -> model.showSavedProfiles(
                        list.stream().map(ConnectionProfile::name).toList()),
                failure -> {});
        model.connect(new ConnectionChoice.SampleDatabase());
    }

    /**
     * Runs {@code action} once, on the UI thread, when the schema tree of the first connection has loaded; hands
     * {@code failed} the problem instead when connecting or loading the catalog fails first.
     */
    public void whenSchemaLoaded(Consumer<WindowState.Connected> action, Consumer<String> failed) {
        var done = new boolean[1];
        Consumer<WindowState> watch = state -> {
            if (state instanceof WindowState.Connected connected) {
                ChangeListener<SchemaSnapshot> loaded = new ChangeListener<>() {
                    @Override
                    public void changed(
                            ObservableValue<? extends SchemaSnapshot> obs, SchemaSnapshot old, SchemaSnapshot now) {
                        if (!done[0] && now instanceof CatalogSnapshot) {
                            done[0] = true;
                            obs.removeListener(this);
                            action.accept(connected);
                        }
                    }
                };
                connected.tree().snapshotProperty().addListener(loaded);
                loaded.changed(
                        connected.tree().snapshotProperty(),
                        null,
                        connected.tree().snapshotProperty().get());
                connected.tree().problemProperty().addListener((obs, old, problem) -> {
                    if (!done[0] && problem != null) {
                        done[0] = true;
                        failed.accept(problem.title() + ": " + problem.message());
                    }
                });
            } else if (state instanceof WindowState.Failed failure && !done[0]) {
                done[0] = true;
                failed.accept(
                        failure.problem().title() + ": " + failure.problem().message());
            }
        };
        model.stateProperty().addListener((obs, old, state) -> watch.accept(state));
        watch.accept(model.stateProperty().get());
    }

    /**
     * Opens the query project at {@code file} in the query builder once the first connection's builder is there
     * (the file-type association and {@code athanor PROJECT.athanor.json} start the desktop this way).
     */
    public void openProjectWhenConnected(Path file) {
        whenSchemaLoaded(
                connected -> {
                    if (window.builder() != null) {
                        window.builder().projects().open(file, null);
                        window.showBuilder();
                    }
                },
                problem -> {});
    }

    /** A new model for the connection dialog, wired to this desktop's profile store. */
    public ConnectionDialogModel connectionDialogModel() {
        return new ConnectionDialogModel(
                activity,
                profiles,
                connector,
                settings.environment(),
                saved -> model.showSavedProfiles(
                        saved.stream().map(ConnectionProfile::name).toList()));
    }

    /** Opens the connection dialog over the main window. */
    public void openConnectionDialog() {
        var dialogModel = connectionDialogModel();
        var stage = new Stage();
        Window owner = window.getScene() == null ? null : window.getScene().getWindow();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        var scene = new Scene(new ConnectionDialogView(dialogModel, stage::close));
        MainWindow.style(scene);
        stage.setTitle("Connections");
        stage.setScene(scene);
        dialogModel.load();
        dialogModel.newProfile();
        stage.show();
    }

    public MainModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    public Activity activity() {
        return activity;
    }

    /** The saved profiles' store (blocking; use off the UI thread). */
    public ProfileStore profiles() {
        return profiles;
    }

    /** Lists saved profile names in the selector; for callers that changed the store themselves. */
    public void showSavedProfiles(List<String> names) {
        model.showSavedProfiles(names);
    }

    /**
     * The user asks to close the window: true when nothing is pending, so the caller closes now; otherwise the
     * window asks (commit, roll back, or stay) and runs {@code close} once the work is settled. UI thread.
     */
    public boolean requestClose(Runnable close) {
        return model.requestClose(close);
    }

    /**
     * Makes closing {@code stage} (its close button, the system's close) ask first when work is pending: uncommitted
     * console or session work is settled, or kept by staying, before the window goes.
     */
    public void askBeforeClosing(Stage stage) {
        stage.setOnCloseRequest(event -> {
            if (!requestClose(stage::close)) event.consume();
        });
    }

    /**
     * Lets go of the database for application exit. Call on the UI thread; run the returned task off it: it
     * waits (briefly) for the console and the grid to hand their connections back, closes the pool, then
     * stops the sample server if this application started it.
     */
    public Runnable shutdown() {
        window.release();
        Optional<OpenDatabase> database = model.shutdown();
        return () -> {
            try {
                database.ifPresent(open -> open.closeWhenReturned(RETURN_WAIT));
            } finally {
                settings.sample().close();
            }
        };
    }
}
