package dev.athanor.app.console;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.results.CellText;
import dev.athanor.app.results.ConnectionSource;
import dev.athanor.app.results.ResultsModel;
import dev.athanor.app.sqltext.SqlLexer;
import dev.athanor.app.sqltext.SqlToken;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.PendingWork;
import dev.athanor.app.task.Slot;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.LockWait;
import dev.athanor.model.engine.LockWaits;
import dev.athanor.query.project.ParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the SQL console: runs statements on the console's own connection (a session with auto-commit
 * off), binds {@code :name} parameters, gives every statement that returns rows its own streaming grid
 * ({@link #resultSets()}), lists what each statement of the run did ({@link #output()}), keeps a history and tells
 * the transaction state.
 *
 * <p>Results appear as their statements end. A run keeps at most {@value #MAX_RESULTS} results: the cursors of
 * further row-returning statements are closed at once and {@link #noteProperty()} says so. The next run closes
 * every cursor of the one before.
 *
 * <p>Commands are called on the UI thread; JDBC runs through the {@link Background}. Tests drive it with
 * {@link Background#synchronous()} and no Stage.
 *
 * <p>Wiring: {@code new SqlConsoleModel(background, () -> engine.connection("console"))}; the connection source is
 * called once, lazily, and again only after the connection was lost.
 */
public final class SqlConsoleModel implements AutoCloseable {
    /** Results (open cursors, each holding a window of rows) one run may keep. */
    public static final int MAX_RESULTS = 20;
    /** How long a statement runs before the console looks for a lock it waits on, and how often it looks again. */
    static final int LOCK_CHECK_SECONDS = 1;
    /** Characters of a statement shown in its result's title. */
    private static final int TITLE_LENGTH = 32;

    private final Background background;
    /** The run in progress: closing the console cancels it, and it then reports nothing. */
    private final Slot runs;

    private final ConsoleSession session;
    private final ConnectionSource connections;
    /** Stands for "no rows" while the last run returned none. */
    private final ResultsModel noResult;

    private final ObservableList<StatementResult> resultSets = FXCollections.observableArrayList();
    private final ObservableList<StatementResult> readOnlyResultSets =
            FXCollections.unmodifiableObservableList(resultSets);
    private final ObservableList<StatementOutcome> output = FXCollections.observableArrayList();
    private final ObservableList<StatementOutcome> readOnlyOutput = FXCollections.unmodifiableObservableList(output);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<TransactionState> transactionState =
            new ReadOnlyObjectWrapper<>(TransactionState.IDLE);
    /**
     * Whether the open transaction wrote something or failed, as the server said at the end of the last run; a
     * transaction that only read is rolled back without asking when the window leaves this database.
     */
    private boolean holdsChanges;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConsoleError> error = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final Map<String, ParameterValue> remembered = new HashMap<>();
    private ParameterPrompt prompt = (names, known) -> Optional.empty();
    private final StringProperty script = new SimpleStringProperty(this, "script", "");
    private final ReadOnlyObjectWrapper<LockWait> lockWait = new ReadOnlyObjectWrapper<>();
    /** Where lock waits are looked up; null: not watched. */
    private Engine lockChecks;
    /** Counted down when the current run has ended, so that its lock watch stops and reports nothing more. */
    private CountDownLatch runEnded = new CountDownLatch(0);

    /**
     * @param background runs every statement off the UI thread
     * @param connections gives the console its connection (e.g. {@code () -> engine.connection("console")})
     */
    public SqlConsoleModel(Background background, ConnectionSource connections) {
        this.background = background;
        this.runs = background.slot();
        this.session = new ConsoleSession(connections);
        this.connections = connections;
        this.noResult = new ResultsModel(background, connections);
    }

    /** A console on {@code engine}, whose statements the echo log shows under the origin "console". */
    public static SqlConsoleModel on(Background background, Engine engine) {
        var console = new SqlConsoleModel(background, () -> engine.connection("console"));
        console.watchLocks(engine);
        return console;
    }

    /**
     * Watches statements that run longer than {@value #LOCK_CHECK_SECONDS} s for a lock wait, looked up on a
     * connection of {@code engine} (the one the console's connections come from) under the origin "lock check".
     */
    public void watchLocks(Engine engine) {
        this.lockChecks = engine;
    }

    /** Who asks for {@code :name} values; the console view installs a dialog. Without one, nothing with parameters runs. */
    public void setParameterPrompt(ParameterPrompt prompt) {
        this.prompt = prompt;
    }

    /** Runs the statement the caret is in. */
    public void runStatementAt(String script, int caret) {
        run(script, SqlScript.statementAt(script, caret).map(List::of).orElse(List.of()));
    }

    /** Runs every statement inside {@code [start, end)} of {@code script} (a selection). */
    public void runSelection(String script, int start, int end) {
        var statements = new ArrayList<ScriptStatement>();
        for (var s : SqlScript.statements(script.substring(start, end))) {
            statements.add(new ScriptStatement(s.text(), s.start() + start, s.end() + start));
        }
        run(script, statements);
    }

    /** Runs every statement of the script in order, stopping at the first failure. */
    public void runScript(String script) {
        run(script, SqlScript.statements(script));
    }

    private record Planned(ScriptStatement statement, ParameterizedStatement parsed, List<ParameterValue> binds) {}

    private void run(String script, List<ScriptStatement> statements) {
        if (running.get()) return;
        if (statements.isEmpty()) {
            message.set("Nothing to run: the editor holds no statement there.");
            return;
        }
        var parsed = statements.stream()
                .map(s -> ParameterizedStatement.parse(s.text()))
                .toList();
        var names = new LinkedHashSet<String>();
        parsed.forEach(p -> names.addAll(p.parameterNames()));
        if (names.isEmpty()) {
            plan(script, statements, parsed, List.of(), Map.of());
            return;
        }
        // The server describes the statements (off the UI thread) so the prompt can preselect each type.
        running.set(true);
        message.set("Asking the server for the parameter types…");
        runs.submit(
                "Describing the console's parameters",
                () -> session.parameterTypes(parsed),
                types -> {
                    running.set(false);
                    message.set("");
                    plan(script, statements, parsed, List.copyOf(names), types);
                },
                failure -> {
                    running.set(false);
                    message.set("");
                    plan(script, statements, parsed, List.copyOf(names), Map.of());
                });
    }

    /**
     * Asks for the values of {@code names} (each preselected with the type given earlier, else the type the server
     * inferred, else text) and runs the statements with them.
     */
    private void plan(
            String script,
            List<ScriptStatement> statements,
            List<ParameterizedStatement> parsed,
            List<String> names,
            Map<String, ParameterType> inferred) {
        Map<String, ParameterValue> values = Map.of();
        if (!names.isEmpty()) {
            var defaults = new HashMap<String, ParameterValue>();
            inferred.forEach((name, type) -> defaults.put(name, new ParameterValue(type, "")));
            defaults.putAll(remembered);
            var given = prompt.ask(names, Map.copyOf(defaults));
            if (given.isEmpty()) {
                message.set("Not run: the statement needs values for " + String.join(", ", names) + ".");
                return;
            }
            values = given.get();
            for (String name : names) {
                var value = values.get(name);
                if (value == null) {
                    message.set("Not run: no value given for :" + name + ".");
                    return;
                }
                try {
                    value.value();
                } catch (IllegalArgumentException notValid) {
                    message.set("Not run: :" + name + " " + notValid.getMessage() + ".");
                    return;
                }
            }
            remembered.putAll(values);
        }
        var plan = new ArrayList<Planned>();
        for (int i = 0; i < statements.size(); i++) {
            var bound = new ArrayList<ParameterValue>();
            for (String name : parsed.get(i).bindOrder()) bound.add(values.get(name));
            plan.add(new Planned(statements.get(i), parsed.get(i), List.copyOf(bound)));
        }
        start(script, List.copyOf(plan));
    }

    /** @param holdsChanges whether the transaction left open wrote something or failed (see {@link #pendingWork}) */
    private record RunEnd(
            ConsoleSession.Outcome last,
            Planned lastStatement,
            int ran,
            TransactionState state,
            boolean holdsChanges) {}

    private void start(String script, List<Planned> plan) {
        running.set(true);
        error.set(null);
        message.set("Running…");
        closeResults();
        output.clear();
        note.set("");
        session.beginRun();
        var ended = new CountDownLatch(1);
        runEnded = ended;
        long started = System.nanoTime();
        runs.submit(
                "Running SQL in the console",
                () -> {
                    session.closeEarlierCursors();
                    ConsoleSession.Outcome last = null;
                    Planned lastPlanned = null;
                    int ran = 0;
                    int kept = 0;
                    int dropped = 0;
                    for (var step : plan) {
                        Instant at = Instant.now();
                        var outcome = session.execute(step.parsed(), step.binds());
                        ran++;
                        last = outcome;
                        lastPlanned = step;
                        var entry = historyEntry(at, step, outcome);
                        int number = ran;
                        String text = entry.outcome();
                        if (outcome instanceof ConsoleSession.Rows rows) {
                            if (kept < MAX_RESULTS) {
                                kept++;
                                background.onUiThread(() -> addResult(number, step, rows));
                            } else {
                                dropped++;
                                closeQuietly(rows);
                                text += " (not kept: a run shows at most " + MAX_RESULTS + " results)";
                                int notKept = dropped;
                                background.onUiThread(() -> note.set("Only the first " + MAX_RESULTS
                                        + " results are shown; the rows of " + notKept + " more "
                                        + (notKept == 1 ? "statement were" : "statements were")
                                        + " not kept."));
                            }
                        }
                        var listed = new StatementOutcome(
                                number, step.statement().text(), kindOf(outcome), text, entry.duration());
                        background.onUiThread(() -> {
                            history.addFirst(entry);
                            output.add(listed);
                        });
                        if (outcome instanceof ConsoleSession.Failed) break;
                    }
                    var state = session.state();
                    // asked now, while this worker still holds the connection: the answer is a round trip
                    boolean holdsChanges = state != TransactionState.IDLE && session.holdsChanges();
                    return new RunEnd(last, lastPlanned, ran, state, holdsChanges);
                },
                end -> {
                    runOver(ended);
                    finish(script, plan.size(), end, System.nanoTime() - started);
                },
                failure -> {
                    runOver(ended);
                    running.set(false);
                    message.set(QueryFailure.of(failure).message());
                });
        watchLocks(ended);
    }

    private void runOver(CountDownLatch ended) {
        ended.countDown();
        lockWait.set(null);
    }

    /**
     * While the run goes on, looks every {@value #LOCK_CHECK_SECONDS} s for a lock its statement waits on and says
     * what holds it; stops, reporting nothing more, once the run has ended.
     */
    private void watchLocks(CountDownLatch ended) {
        var engine = lockChecks;
        if (engine == null || ended.getCount() == 0) return;
        background.submit(
                "Running SQL in the console",
                () -> {
                    while (!ended.await(LOCK_CHECK_SECONDS, TimeUnit.SECONDS)) {
                        int pid = session.backendPid();
                        if (pid == 0) continue;
                        LockWait seen;
                        try {
                            seen = LockWaits.of(engine, pid).orElse(null);
                        } catch (RuntimeException checkFailed) {
                            seen = null; // the check is a hint; the statement's own outcome is what counts
                        }
                        var now = seen;
                        background.onUiThread(() -> {
                            if (ended.getCount() > 0) showLockWait(now);
                        });
                    }
                    return null;
                },
                ignored -> {},
                failure -> {});
    }

    private void showLockWait(LockWait wait) {
        boolean wasWaiting = lockWait.get() != null;
        lockWait.set(wait);
        if (wait != null) message.set(LockWaitMessage.of(wait));
        else if (wasWaiting) message.set("Running…");
    }

    private void addResult(int number, Planned step, ConsoleSession.Rows rows) {
        var model = new ResultsModel(background, connections);
        model.show(rows.cursor(), rows.firstPage());
        String sql = step.statement().text();
        resultSets.add(new StatementResult(number, sql, title(number, sql), model));
    }

    private static void closeQuietly(ConsoleSession.Rows rows) {
        try {
            rows.cursor().close();
        } catch (RuntimeException ignored) {
            // the transaction's end closes it anyway
        }
    }

    private void closeResults() {
        resultSets.forEach(result -> result.rows().close());
        resultSets.clear();
    }

    private static StatementOutcome.Kind kindOf(ConsoleSession.Outcome outcome) {
        return switch (outcome) {
            case ConsoleSession.Rows rows -> StatementOutcome.Kind.ROWS;
            case ConsoleSession.Updated updated -> StatementOutcome.Kind.CHANGED;
            case ConsoleSession.Failed failed -> StatementOutcome.Kind.FAILED;
        };
    }

    /**
     * The title of a statement's result: its number in the run and, when the statement is short, the whole of it
     * (comments left out, white space squeezed); otherwise its first word and the table it reads, as in
     * "3: SELECT … FROM workers", so that tabs of similar statements can be told apart.
     */
    static String title(int number, String sql) {
        var words = new StringBuilder();
        var meaningful = new ArrayList<SqlToken>();
        for (var token : SqlLexer.tokens(sql)) {
            if (token.isTrivia()) {
                if (!words.isEmpty() && words.charAt(words.length() - 1) != ' ') words.append(' ');
            } else {
                words.append(sql, token.start(), token.end());
                meaningful.add(token);
            }
        }
        String flat = words.toString().strip();
        if (flat.length() <= TITLE_LENGTH) return number + ": " + flat;
        String first = text(sql, meaningful.getFirst());
        for (int i = 0; i < meaningful.size(); i++) {
            String word = text(sql, meaningful.get(i));
            if (meaningful.get(i).kind() != SqlToken.Kind.KEYWORD
                    || !TABLE_WORDS.contains(word.toUpperCase(Locale.ROOT))) {
                continue;
            }
            var name = new StringBuilder();
            // the name's parts touch each other ("public.resumes"); white space ends it, before an alias
            for (int j = i + 1;
                    j < meaningful.size()
                            && isNamePart(sql, meaningful.get(j))
                            && (j == i + 1
                                    || meaningful.get(j).start()
                                            == meaningful.get(j - 1).end());
                    j++) {
                name.append(text(sql, meaningful.get(j)));
            }
            if (name.isEmpty()) continue; // e.g. FROM (SELECT …): the table comes later
            String table = name.length() > TITLE_LENGTH ? name.substring(0, TITLE_LENGTH) + "…" : name.toString();
            return number + ": " + (i == 0 ? word + " " + table + " …" : first + " … " + word + " " + table);
        }
        int cut = flat.lastIndexOf(' ', TITLE_LENGTH);
        return number + ": "
                + flat.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH).strip() + " …";
    }

    /** Words after which a statement names the table it reads or changes. */
    private static final Set<String> TABLE_WORDS = Set.of("FROM", "INTO", "UPDATE");

    private static boolean isNamePart(String sql, SqlToken token) {
        return switch (token.kind()) {
            case IDENTIFIER, QUOTED_IDENTIFIER -> true;
            case OPERATOR -> ".".equals(text(sql, token));
            default -> false;
        };
    }

    private static String text(String sql, SqlToken token) {
        return sql.substring(token.start(), token.end());
    }

    /** Says how the run went; {@link #runningProperty()} turns false last, once everything else is told. */
    private void finish(String script, int planned, RunEnd end, long nanos) {
        transactionState.set(end.state());
        holdsChanges = end.holdsChanges();
        String took = " in " + CellText.duration(nanos);
        String prefix = planned > 1 ? end.ran() + " of " + planned + " statements ran; last: " : "";
        switch (end.last()) {
            case ConsoleSession.Rows rows -> message.set(prefix + rowsText(rows) + took);
            case ConsoleSession.Updated updated -> message.set(prefix + updatedText(updated) + took);
            case ConsoleSession.Failed failed -> {
                var failure = failed.failure();
                if (failure.kind() == QueryFailure.Kind.CANCELLED) {
                    message.set("Cancelled after " + CellText.duration(nanos) + ".");
                    error.set(new ConsoleError(
                            failure, end.lastStatement().statement().text(), -1, -1));
                } else {
                    var consoleError = locate(script, end.lastStatement(), failure);
                    error.set(consoleError);
                    message.set(prefix + withLocation(script, consoleError));
                }
            }
        }
        running.set(false);
    }

    private static String rowsText(ConsoleSession.Rows rows) {
        return CellText.rows(rows.firstPage().size(), rows.cursor().isExhausted());
    }

    private static String updatedText(ConsoleSession.Updated updated) {
        long n = updated.count();
        String text = n == 0 ? "Done" : "Done, " + CellText.count(n) + (n == 1 ? " row" : " rows") + " affected";
        return updated.notices().isEmpty()
                ? text
                : text + " (server said: " + String.join("; ", updated.notices()) + ")";
    }

    private HistoryEntry historyEntry(Instant at, Planned step, ConsoleSession.Outcome outcome) {
        String text =
                switch (outcome) {
                    case ConsoleSession.Rows rows -> rowsText(rows);
                    case ConsoleSession.Updated updated -> updatedText(updated);
                    case ConsoleSession.Failed failed -> failed.failure().message();
                };
        return new HistoryEntry(
                at,
                step.statement().text(),
                Duration.ofNanos(outcome.nanos()),
                text,
                outcome instanceof ConsoleSession.Failed);
    }

    /** Maps the server's position (in the text it received) to the token it points at in the script. */
    static ConsoleError locate(String script, Planned step, QueryFailure failure) {
        String sql = step.statement().text();
        if (failure.position() <= 0) return new ConsoleError(failure, sql, -1, -1);
        int offset = step.parsed().originalOffset(failure.position());
        int start = Math.min(offset, sql.length());
        int end = Math.min(start + 1, sql.length());
        for (var token : SqlLexer.tokens(sql)) {
            if (token.start() <= start && start < token.end() && token.kind() != SqlToken.Kind.WHITESPACE) {
                start = token.start();
                end = token.end();
                break;
            }
        }
        int base = step.statement().start();
        return new ConsoleError(failure, sql, base + start, base + end);
    }

    private static String withLocation(String script, ConsoleError error) {
        if (!error.hasPosition()) return error.failure().message();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < error.markStart() && i < script.length(); i++) {
            if (script.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String text = error.failure().message();
        String where = "(line " + line + ", column " + (error.markStart() - lineStart + 1) + ")";
        return text.endsWith(".") ? text.substring(0, text.length() - 1) + " " + where + "." : text + " " + where;
    }

    /** Asks the server to stop the running statement; the console reports "Cancelled" when it has. */
    public void cancel() {
        if (!running.get()) return;
        message.set("Cancelling…");
        background.submit(
                "Cancelling the console statement",
                () -> {
                    session.cancelRunning();
                    return null;
                },
                ignored -> {},
                failure -> message.set(
                        "Could not cancel: " + QueryFailure.of(failure).message()));
    }

    /** Commits the console's transaction. */
    public void commit() {
        if (!running.get()) endTransaction(true, () -> {}, failure -> {});
    }

    /** Rolls back the console's transaction (the way out of {@link TransactionState#FAILED}). */
    public void rollback() {
        if (!running.get()) endTransaction(false, () -> {}, failure -> {});
    }

    /**
     * Ends the transaction; a statement still running is cancelled first when rolling back, and waited for when
     * committing (the session serialises them).
     */
    private void endTransaction(boolean commit, Runnable done, Consumer<Throwable> failed) {
        boolean statementRunning = running.get();
        running.set(true);
        background.submit(
                commit ? "Committing" : "Rolling back",
                () -> {
                    if (statementRunning && !commit) session.cancelRunning();
                    if (commit) session.commit();
                    else session.rollback();
                    return session.state();
                },
                state -> {
                    running.set(false);
                    transactionState.set(state);
                    holdsChanges = state != TransactionState.IDLE;
                    error.set(null);
                    message.set(commit ? "Committed." : "Rolled back.");
                    done.run();
                },
                failure -> {
                    running.set(false);
                    transactionState.set(TransactionState.IDLE);
                    holdsChanges = false;
                    message.set((commit ? "Commit failed: " : "Rollback failed: ")
                            + QueryFailure.of(failure).message());
                    failed.accept(failure);
                });
    }

    /**
     * The console's uncommitted transaction as work to settle before the window leaves this database: pending
     * while a statement runs, or while the transaction failed or wrote something (changed rows, locked them, DDL).
     * An open transaction that only read is not pending: leaving rolls it back, and the echo log shows that.
     */
    public PendingWork pendingWork() {
        return new PendingWork() {
            @Override
            public Optional<String> pending() {
                if (running.get()) return Optional.of("The SQL console is still running a statement.");
                return switch (transactionState.get()) {
                    case IDLE -> Optional.empty();
                    case IN_TRANSACTION ->
                        holdsChanges
                                ? Optional.of("The SQL console has a transaction with uncommitted changes.")
                                : Optional.empty();
                    case FAILED -> Optional.of("The SQL console's transaction failed; committing it rolls it back.");
                };
            }

            @Override
            public void commit(Runnable done, Consumer<Throwable> failed) {
                endTransaction(true, done, failed);
            }

            @Override
            public void rollback(Runnable done, Consumer<Throwable> failed) {
                endTransaction(false, done, failed);
            }
        };
    }

    /** The editor's text and the history, to give a console for the same database later (see {@link #restore}). */
    public ConsoleDraft draft() {
        return new ConsoleDraft(script.get(), List.copyOf(history));
    }

    /** Takes up the text and history of an earlier console (of the same database). */
    public void restore(ConsoleDraft draft) {
        script.set(draft.script());
        history.setAll(draft.history());
    }

    /** Closes the grids' cursors, rolls back what is open and hands the connection back. */
    @Override
    public void close() {
        runEnded.countDown();
        runs.cancel();
        running.set(false);
        closeResults();
        noResult.close();
        background.submit(
                "Closing the console",
                () -> {
                    // a run still going reports nothing now; stop its statement so the rollback need not wait
                    session.cancelRunning();
                    session.close();
                    return null;
                },
                ignored -> {},
                failure -> {});
    }

    Background background() {
        return background;
    }

    /**
     * The rows of the last statement of the last run that returned rows (the last of {@link #resultSets()}), or an
     * empty grid model when it returned none.
     */
    public ResultsModel results() {
        return resultSets.isEmpty() ? noResult : resultSets.getLast().rows();
    }

    /** One entry per statement of the last run that returned rows, in statement order; replaced by the next run. */
    public ObservableList<StatementResult> resultSets() {
        return readOnlyResultSets;
    }

    /** What each statement of the last run did, in order, up to and including the one that failed. */
    public ObservableList<StatementOutcome> output() {
        return readOnlyOutput;
    }

    /** A remark about the last run's results, e.g. that some were not kept; empty when there is none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** IDLE / IN_TRANSACTION / FAILED, for the status bar. */
    public ReadOnlyObjectProperty<TransactionState> transactionStateProperty() {
        return transactionState.getReadOnlyProperty();
    }

    /** True while a statement (or a commit or rollback) runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line about the last run: "4 rows in 12 ms", "Cancelled after 0.41 s", or the error in plain words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last run's failure and where to mark it in the editor; null after a success. */
    public ReadOnlyObjectProperty<ConsoleError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The editor's text. The view keeps it in step with what the user types, so that the text outlives the view
     * (the window keeps it while the user works on another connection).
     */
    public StringProperty scriptProperty() {
        return script;
    }

    /** What the running statement waits for, while it waits on a lock held by another session; null otherwise. */
    public ReadOnlyObjectProperty<LockWait> lockWaitProperty() {
        return lockWait.getReadOnlyProperty();
    }

    /** Statements run in this session, newest first. */
    public ObservableList<HistoryEntry> history() {
        return readOnlyHistory;
    }

    /** Values given for {@code :name} parameters so far (the dialog offers them again). */
    public Map<String, ParameterValue> rememberedParameters() {
        return Map.copyOf(remembered);
    }
}
