package dev.athanor.app.window;

import dev.athanor.app.builder.BoxPosition;
import dev.athanor.app.builder.QueryBuilderModel;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.Connector;
import dev.athanor.app.connect.OpenDatabase;
import dev.athanor.app.console.ConsoleDraft;
import dev.athanor.app.console.SqlConsoleModel;
import dev.athanor.app.console.TransactionState;
import dev.athanor.app.echo.EchoLogModel;
import dev.athanor.app.problem.Problem;
import dev.athanor.app.schema.CatalogSnapshot;
import dev.athanor.app.schema.ObjectDetailsModel;
import dev.athanor.app.schema.SchemaTreeModel;
import dev.athanor.app.session.SessionModel;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.BeforeLeaving;
import dev.athanor.app.task.Slot;
import dev.athanor.query.model.Query;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 *
 * <p>Leaving a database with work that leaving would end (the console's uncommitted transaction) first asks
 * ({@link #leaveQuestionProperty()}): commit, roll back, or stay. What the user wrote there (the console's text and
 * history, the builder's query) is kept in memory for the application's lifetime, one per connection, and given
 * back when the window connects to it again.
 */
public final class MainModel {
    /** Where the echo log says the console's statements come from. */
    public static final String CONSOLE_ORIGIN = "console";
    /** Where the echo log says the query builder's statements come from. */
    public static final String BUILDER_ORIGIN = "query builder";
    /** How long leaving a database waits for its panes to hand their connections back before the pool closes. */
    private static final Duration RETURN_WAIT = Duration.ofSeconds(5);

    private final Activity activity;
    private final Connector connector;
    private final EchoLogModel echo;
    private final StatusModel status;
    private final ObservableList<ConnectionChoice> choices =
            FXCollections.observableArrayList(new ConnectionChoice.SampleDatabase());
    private final ReadOnlyObjectWrapper<WindowState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<ConnectionChoice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<LeaveQuestion> leaveQuestion = new ReadOnlyObjectWrapper<>(this, "leave");
    /** Panes asked before the window leaves the connected database. */
    private final BeforeLeaving beforeLeaving = new BeforeLeaving();
    /** What closes the window once the leave question is answered with commit or roll back; null when not closing. */
    private Runnable afterClosing;
    /** What the user left on each database, given back on return; in memory only. */
    private final Map<ConnectionChoice, KeptWork> kept = new HashMap<>();

    private AutoCloseable echoSubscription;
    /** The connection being opened: connecting again (or shutting down) supersedes it. */
    private final Slot connecting;

    /** The console's text and history and the builder's query of a database the window left. */
    private record KeptWork(
            ConsoleDraft console, Query query, Map<String, BoxPosition> layout, Map<String, String> parameters) {}

    public MainModel(Background background, Connector connector) {
        this.activity = background instanceof Activity tracked ? tracked : new Activity(background);
        this.connecting = activity.slot();
        this.connector = connector;
        this.echo = new EchoLogModel(activity);
        this.status = new StatusModel(activity);
    }

    /**
     * Connects to {@code choice}, closing the current connection first; when a pane holds work that leaving would
     * end, asks first instead ({@link #leaveQuestionProperty()}).
     */
    public void connect(ConnectionChoice choice) {
        if (leaveQuestion.get() != null) return;
        if (state.get() instanceof WindowState.Connected connected) {
            var pending = beforeLeaving.pending();
            if (!pending.isEmpty()) {
                leaveQuestion.set(new LeaveQuestion(connected.choice(), choice, pending));
                return;
            }
        }
        open(choice, null);
    }

    /**
     * The user asks to close the window. With work pending in a pane, asks first ({@link #leaveQuestionProperty()},
     * with no database to go to) and returns false; {@code close} then runs once the work is committed or rolled
     * back, and never when the user stays. With nothing pending, returns true: the caller closes at once.
     */
    public boolean requestClose(Runnable close) {
        if (leaveQuestion.get() != null) return false;
        if (state.get() instanceof WindowState.Connected connected) {
            var pending = beforeLeaving.pending();
            if (!pending.isEmpty()) {
                afterClosing = close;
                leaveQuestion.set(new LeaveQuestion(connected.choice(), null, pending));
                return false;
            }
        }
        return true;
    }

    /** Answers the leave question: commits the pending work (COMMIT is sent), then switches. */
    public void commitAndLeave() {
        leave(beforeLeaving::commitAll);
    }

    /** Answers the leave question: rolls the pending work back (ROLLBACK is sent), then switches. */
    public void rollBackAndLeave() {
        leave(beforeLeaving::rollbackAll);
    }

    /** Answers the leave question: stays connected, with everything as it was. */
    public void stay() {
        afterClosing = null;
        leaveQuestion.set(null);
    }

    /**
     * Settles the pending work and then switches, all on the old connection before it closes, so that the echo
     * log shows the COMMIT or ROLLBACK. When settling fails the window stays (the pane says why).
     */
    private void leave(BiConsumer<Runnable, Consumer<Throwable>> settle) {
        var question = leaveQuestion.get();
        if (question == null) return;
        leaveQuestion.set(null);
        var close = afterClosing;
        afterClosing = null;
        settle.accept(
                () -> {
                    if (question.closing()) {
                        if (close != null) close.run();
                    } else if (state.get() instanceof WindowState.Connected connected
                            && connected.choice().equals(question.from())) {
                        open(question.to(), null);
                    }
                },
                failure -> {});
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
        keepWork();
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
        console.watchLocks(database.engine());
        console.transactionStateProperty().addListener((obs, old, now) -> status.showTransaction(describe(now)));
        status.showTransaction(describe(console.transactionStateProperty().get()));
        var builder = new QueryBuilderModel(activity, () -> database.connection(BUILDER_ORIGIN));
        var work = kept.get(choice);
        if (work != null) {
            console.restore(work.console());
            builder.open(work.query(), work.layout());
            builder.parameterValues().putAll(work.parameters());
        }
        var session = new SessionModel(activity, database.engine());
        tree.snapshotProperty().addListener((obs, old, snapshot) -> {
            if (snapshot instanceof CatalogSnapshot loaded) session.useCatalog(loaded.catalog());
        });
        session.snapshotProperty().addListener((obs, old, now) -> showSession(session));
        beforeLeaving.clear();
        beforeLeaving.add(console.pendingWork());
        beforeLeaving.add(session.pendingWork());
        state.set(new WindowState.Connected(choice, database, tree, details, console, builder, session));
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
            showSession(connected.session());
        } else {
            status.hidePool();
        }
    }

    private void showSession(SessionModel session) {
        status.showSession(session.statusText(java.time.Instant.now()));
    }

    /** Remembers what the user wrote on the connected database, for when the window comes back to it. */
    private void keepWork() {
        if (state.get() instanceof WindowState.Connected connected) {
            var builder = connected.builder();
            kept.put(
                    connected.choice(),
                    new KeptWork(
                            connected.console().draft(),
                            builder.statement(),
                            builder.layout(),
                            Map.copyOf(builder.parameterValues())));
        }
    }

    /** Closes the current connection off the UI thread; the window shows nothing connected afterwards. */
    private void disconnect() {
        beforeLeaving.clear();
        var subscription = echoSubscription;
        echoSubscription = null;
        if (state.get() instanceof WindowState.Connected connected) {
            // The panes close their cursors and the console rolls back what it left open; the pool closes once
            // their connections are back, so that none is aborted under a cursor still closing. The echo log
            // listens until then: what the old connection sends last is shown too.
            connected.builder().close();
            connected.console().close();
            connected.session().close();
            activity.submit(
                    "Closing " + connected.choice().label(),
                    () -> {
                        connected.database().closeWhenReturned(RETURN_WAIT);
                        return null;
                    },
                    done -> closeQuietly(subscription),
                    failure -> closeQuietly(subscription));
        } else if (subscription != null) {
            closeQuietly(subscription);
        }
        status.hidePool();
        status.showTransaction("");
        status.showSession("");
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
            closeQuietly(connected.builder());
            closeQuietly(connected.console());
            closeQuietly(connected.session());
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

    /** The question asked before leaving a database with pending work; null when none is asked. */
    public ReadOnlyObjectProperty<LeaveQuestion> leaveQuestionProperty() {
        return leaveQuestion.getReadOnlyProperty();
    }

    public StatusModel status() {
        return status;
    }

    public Activity activity() {
        return activity;
    }
}
