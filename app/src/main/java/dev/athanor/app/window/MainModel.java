package dev.athanor.app.window;

import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.Connector;
import dev.athanor.app.connect.OpenDatabase;
import dev.athanor.app.console.SqlConsoleModel;
import dev.athanor.app.console.TransactionState;
import dev.athanor.app.echo.EchoLogModel;
import dev.athanor.app.schema.ObjectDetailsModel;
import dev.athanor.app.schema.SchemaTreeModel;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.Slot;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's view model: which database it is connected to, and the panes' models for it.
 *
 * <p>Connecting, closing and password checks run off the UI thread; {@link #stateProperty()} moves through
 * {@link WindowState.Connecting} to {@link WindowState.Connected}, {@link WindowState.AskingPassword} or
 * {@link WindowState.Failed}. Every state change happens on the UI thread.
 */
public final class MainModel {
    /** Where the echo log says the console's statements come from. */
    public static final String CONSOLE_ORIGIN = "console";

    private final Activity activity;
    private final Connector connector;
    private final EchoLogModel echo;
    private final StatusModel status;
    private final ObservableList<ConnectionChoice> choices =
            FXCollections.observableArrayList(new ConnectionChoice.SampleDatabase());
    private final ReadOnlyObjectWrapper<WindowState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<ConnectionChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private AutoCloseable echoSubscription;
    /** The connection being opened: connecting again (or shutting down) supersedes it. */
    private final Slot connecting;

    public MainModel(Background background, Connector connector) {
        this.activity = background instanceof Activity tracked ? tracked : new Activity(background);
        this.connecting = activity.slot();
        this.connector = connector;
        this.echo = new EchoLogModel(activity);
        this.status = new StatusModel(activity);
    }

    /** Connects to {@code choice}, closing the current connection first. */
    public void connect(ConnectionChoice choice) {
        open(choice, null);
    }

    /** Tries the last choice again (after a failure). */
    public void retry() {
        ConnectionChoice choice = current.get();
        if (choice != null) {
            open(choice, null);
        }
    }

    /**
     * Connects with a password the user typed.
     *
     * @param rememberForSession keep it in memory until the application exits (never written to disk)
     */
    public void submitPassword(char[] password, boolean rememberForSession) {
        ConnectionChoice choice = current.get();
        if (choice == null) {
            return;
        }
        if (rememberForSession) {
            connector.rememberForSession(choice, password);
        }
        open(choice, password.clone());
        Arrays.fill(password, '\0');
    }

    private void open(ConnectionChoice choice, char[] password) {
        disconnect();
        current.set(choice);
        state.set(new WindowState.Connecting(choice, "Connecting to " + choice.label() + "…"));
        status.showConnection("Connecting to " + choice.label() + "…");
        connecting.submit(
                "Connecting to " + choice.label(),
                () -> {
                    try {
                        return connector.open(
                                choice,
                                password,
                                step -> activity.onUiThread(() -> {
                                    // only while this window still waits for this choice
                                    if (state.get() instanceof WindowState.Connecting waiting
                                            && waiting.choice() == choice) {
                                        state.set(new WindowState.Connecting(choice, step));
                                    }
                                }));
                    } finally {
                        if (password != null) {
                            Arrays.fill(password, '\0');
                        }
                    }
                },
                database -> connected(choice, database),
                failure -> {
                    status.showConnection("Not connected");
                    if (failure instanceof Connector.PasswordNeeded) {
                        state.set(new WindowState.AskingPassword(choice, connector.describe(choice)));
                    } else {
                        state.set(new WindowState.Failed(
                                choice, Problem.describe("Could not connect to " + choice.label(), failure)));
                    }
                });
    }

    private void connected(ConnectionChoice choice, OpenDatabase database) {
        echoSubscription = database.subscribeEcho(echo::offer);
        var tree = new SchemaTreeModel(
                activity, database.schema(), database.engine().profile().database());
        var details = new ObjectDetailsModel(activity, database.schema());
        tree.selectedProperty()
                .addListener((obs, old, node) ->
                        details.show(node, tree.snapshotProperty().get()));
        tree.snapshotProperty()
                .addListener((obs, old, snapshot) ->
                        details.reload(tree.selectedProperty().get(), snapshot));
        var console = new SqlConsoleModel(activity, () -> database.connection(CONSOLE_ORIGIN));
        console.transactionStateProperty().addListener((obs, old, now) -> status.showTransaction(describe(now)));
        status.showTransaction(describe(console.transactionStateProperty().get()));
        state.set(new WindowState.Connected(choice, database, tree, details, console));
        status.showConnection(database.label());
        pollPool();
        tree.refresh();
    }

    private static String describe(TransactionState transaction) {
        return switch (transaction) {
            case IDLE -> "idle";
            case IN_TRANSACTION -> "in transaction";
            case FAILED -> "failed transaction";
        };
    }

    /** Reads the pool figures into the status bar; cheap, called every second by the view. */
    public void pollPool() {
        if (state.get() instanceof WindowState.Connected connected) {
            OpenDatabase.PoolFigures pool = connected.database().pool();
            status.showPool(pool.active(), pool.idle(), pool.waiting(), pool.total(), pool.max());
        } else {
            status.hidePool();
        }
    }

    /** Closes the current connection off the UI thread; the window shows nothing connected afterwards. */
    private void disconnect() {
        if (echoSubscription != null) {
            try {
                echoSubscription.close();
            } catch (Exception ignored) {
                // Unsubscribing only removes a listener; nothing to report.
            }
            echoSubscription = null;
        }
        if (state.get() instanceof WindowState.Connected connected) {
            // The console rolls back what it left open and hands its connection back before the pool closes.
            connected.console().close();
            activity.submit(
                    "Closing " + connected.choice().label(),
                    () -> {
                        connected.database().close();
                        return null;
                    },
                    done -> {},
                    failure -> {});
        }
        status.hidePool();
        status.showTransaction("");
    }

    /**
     * Lets go of the database for application exit: stops listening, asks the console to roll back and hand
     * its connection back, and returns the database for the caller to close off the UI thread ({@link
     * OpenDatabase#close()} blocks). Call on the UI thread.
     */
    public Optional<OpenDatabase> shutdown() {
        connecting.cancel();
        if (echoSubscription != null) {
            closeQuietly(echoSubscription);
            echoSubscription = null;
        }
        if (state.get() instanceof WindowState.Connected connected) {
            closeQuietly(connected.console());
            return Optional.of(connected.database());
        }
        return Optional.empty();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Shutting down: a failed close changes nothing the user can act on.
        }
    }

    /** Replaces the saved profiles in the selector (the sample database always stays first). */
    public void showSavedProfiles(List<String> names) {
        var all = new java.util.ArrayList<ConnectionChoice>();
        all.add(new ConnectionChoice.SampleDatabase());
        names.forEach(name -> all.add(new ConnectionChoice.Saved(name)));
        choices.setAll(all);
    }

    public ObservableList<ConnectionChoice> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<WindowState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The connection chosen last (connected or not). */
    public ReadOnlyObjectProperty<ConnectionChoice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public EchoLogModel echo() {
        return echo;
    }

    public StatusModel status() {
        return status;
    }

    public Activity activity() {
        return activity;
    }
}
