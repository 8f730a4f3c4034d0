package dev.athanor.app.results;

import dev.athanor.app.problem.QueryFailure;
import dev.athanor.app.task.Background;
import dev.athanor.app.task.Slot;
import dev.athanor.model.engine.Cursor;
import dev.athanor.model.engine.Engine;
import dev.athanor.model.engine.Transaction;
import dev.athanor.model.engine.TransactionMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * View model of the results grid: rows streamed from a server-side cursor, page by page, as the user scrolls.
 *
 * <p>Nothing is counted or loaded up front: the first page ({@value #PAGE_SIZE} rows) shows as soon as the server
 * sends it; {@link #fetchMore()} reads the next page on a worker thread. Memory stays bounded: at most
 * {@link #windowSize()} rows are held, and when more arrive the oldest are let go ({@link #firstRowNumber()} says
 * which row the window starts at). The cursor is forward-only, so rows that left the window come back only by
 * running the query again. The total is known, and shown, once the cursor reaches the end.
 *
 * <p>All methods are called on the UI thread; JDBC runs through the {@link Background}.
 */
public final class ResultsModel implements AutoCloseable {
    /** Rows per round trip to the server, and per page added to the grid. */
    public static final int PAGE_SIZE = 500;
    /** Default limit of rows held in memory. */
    public static final int DEFAULT_WINDOW_SIZE = 10_000;

    private final Background background;
    private final ConnectionSource connections;
    private final int windowSize;

    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<List<ResultColumn>> columns = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyLongWrapper fetchedCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper firstRowNumber = new ReadOnlyLongWrapper(1);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<QueryFailure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper();

    private Cursor cursor;
    /** The query being opened: a newer one (or {@link #clear()}) supersedes it. */
    private final Slot opening;
    /** The page being read. */
    private final Slot paging;
    /** The transaction of the query being opened, so that {@link #cancel()} can stop it on the server. */
    private final AtomicReference<Transaction> openingTransaction = new AtomicReference<>();

    /**
     * @param background runs the JDBC work
     * @param connections where {@link #showQuery} gets its connection (the grid closes it when the rows end)
     */
    public ResultsModel(Background background, ConnectionSource connections) {
        this(background, connections, DEFAULT_WINDOW_SIZE);
    }

    /** As above, holding at most {@code windowSize} rows in memory (at least two pages). */
    public ResultsModel(Background background, ConnectionSource connections, int windowSize) {
        this.background = background;
        this.connections = connections;
        this.windowSize = Math.max(windowSize, 2 * PAGE_SIZE);
        this.opening = background.slot();
        this.paging = background.slot();
    }

    /** A grid for a table's data tab, whose statements the echo log shows under the origin "table data". */
    public static ResultsModel forTableData(Background background, Engine engine) {
        return new ResultsModel(background, () -> engine.connection("table data"));
    }

    /** Shows every row of a table or view: {@code SELECT * FROM "schema"."table"}, names quoted by jOOQ. */
    public void showTable(String schema, String table) {
        String sql = DSL.using(SQLDialect.POSTGRES).render(DSL.selectFrom(DSL.table(DSL.name(schema, table))));
        showQuery(sql, List.of());
    }

    /**
     * Runs {@code sql} in a read-only transaction of its own on a connection from the source, through a
     * forward-only cursor, and shows its rows as they come; the transaction ends, and the connection goes back,
     * when the rows end or the grid is given something else. Values are bound as by {@link Cursor}.
     */
    public void showQuery(String sql, List<?> binds) {
        showQuery(sql, binds, first -> {}, failure -> {});
    }

    /**
     * {@link #showQuery(String, List)}, telling the caller when the first page is shown or the query failed (on
     * the UI thread); a query superseded by another tells nothing.
     */
    public void showQuery(String sql, List<?> binds, Consumer<FirstPage> onShown, Consumer<Throwable> onFailure) {
        List<Object> values = new ArrayList<>(binds); // binds may hold nulls, so no List.copyOf
        reset();
        loading.set(true);
        summary.set("Running…");
        opening.submit(
                "Fetching rows",
                () -> open(sql, values),
                opened -> {
                    install(opened.cursor(), opened.firstPage());
                    onShown.accept(new FirstPage(
                            columns.get(), opened.firstPage(), opened.cursor().isExhausted()));
                },
                error -> {
                    fail(error);
                    onFailure.accept(error);
                });
    }

    /**
     * The first page of a query, as shown.
     *
     * @param complete whether these are all its rows
     */
    public record FirstPage(List<ResultColumn> columns, List<ResultRow> rows, boolean complete) {}

    /** A cursor and its first page; closing it closes the cursor (when nobody takes it, e.g. superseded). */
    private record Opened(Cursor cursor, List<ResultRow> firstPage) implements AutoCloseable {
        @Override
        public void close() {
            cursor.close();
        }
    }

    private Opened open(String sql, List<Object> binds) throws SQLException {
        var transaction = Transaction.begin(connections.open(), TransactionMode.READ_ONLY);
        openingTransaction.set(transaction);
        try {
            var cursor = transaction.cursorEndingTransaction(sql, binds, PAGE_SIZE);
            return new Opened(cursor, ResultRow.of(cursor.fetch(PAGE_SIZE)));
        } catch (RuntimeException e) {
            try {
                transaction.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        } finally {
            openingTransaction.compareAndSet(transaction, null);
        }
    }

    /**
     * Shows rows of a cursor someone else opened (the console does, on its own connection). The grid owns the
     * cursor from now on and closes it when the rows end or when it is given something else.
     *
     * @param firstPage rows already read from the cursor, on a worker thread
     */
    public void show(Cursor cursor, List<ResultRow> firstPage) {
        reset();
        install(cursor, firstPage);
    }

    /** Empties the grid and closes its cursor. */
    public void clear() {
        reset();
        summary.set("");
    }

    /** Asks the server to stop the query that is opening or feeding the grid. */
    public void cancel() {
        var transaction = openingTransaction.get();
        var current = cursor;
        if (transaction == null && current == null) return;
        background.submit(
                "Cancelling",
                () -> {
                    if (transaction != null) transaction.cancelRunning();
                    else current.cancel();
                    return null;
                },
                ignored -> {},
                error -> {});
    }

    /** Reads the next page, unless one is on its way or the rows have ended. Safe to call often. */
    public void fetchMore() {
        var current = cursor;
        if (current == null || loading.get() || complete.get()) return;
        if (current.isClosed()) {
            // a commit or rollback in the console closes its cursors; the rows held stay
            setCursor(null);
            summary.set(count(fetchedCount.get())
                    + "+ rows; the cursor was closed by the end of the transaction (run the query again for more)");
            return;
        }
        loading.set(true);
        paging.submit(
                "Fetching more rows",
                () -> ResultRow.of(current.fetch(PAGE_SIZE)),
                page -> {
                    loading.set(false);
                    append(page, current);
                },
                this::fail);
    }

    private void reset() {
        opening.cancel();
        paging.cancel();
        var slow = openingTransaction.getAndSet(null);
        if (slow != null) {
            // superseded while its query runs: stop it on the server, so its connection comes back at once
            background.submit(
                    "Cancelling",
                    () -> {
                        slow.cancelRunning();
                        return null;
                    },
                    ignored -> {},
                    error -> {});
        }
        closeQuietly(cursor);
        setCursor(null);
        rows.clear();
        columns.set(List.of());
        fetchedCount.set(0);
        firstRowNumber.set(1);
        complete.set(false);
        loading.set(false);
        failure.set(null);
    }

    private void install(Cursor newCursor, List<ResultRow> firstPage) {
        setCursor(newCursor);
        loading.set(false);
        // rows first, so that a grid can size its new columns to the first page
        append(firstPage, newCursor);
        columns.set(ResultColumn.of(newCursor));
    }

    private void append(List<ResultRow> page, Cursor from) {
        rows.addAll(page);
        fetchedCount.set(fetchedCount.get() + page.size());
        int excess = rows.size() - windowSize;
        if (excess > 0) {
            rows.remove(0, excess);
            firstRowNumber.set(firstRowNumber.get() + excess);
        }
        if (from.isExhausted()) {
            complete.set(true);
            setCursor(null);
        }
        updateSummary();
    }

    private void setCursor(Cursor newCursor) {
        cursor = newCursor;
        moreAvailable.set(newCursor != null);
    }

    private void fail(Throwable error) {
        loading.set(false);
        var described = QueryFailure.of(error);
        failure.set(described);
        summary.set(described.message());
    }

    private void updateSummary() {
        long total = fetchedCount.get();
        String text = CellText.rows(total, complete.get()) + (complete.get() ? "" : " so far");
        if (firstRowNumber.get() > 1) {
            text += " (holding rows " + count(firstRowNumber.get()) + "–"
                    + count(firstRowNumber.get() + rows.size() - 1) + ")";
        }
        summary.set(text);
    }

    private static String count(long n) {
        return CellText.count(n);
    }

    private void closeQuietly(Cursor toClose) {
        if (toClose == null || toClose.isClosed()) return;
        background.submit(
                "Closing cursor",
                () -> {
                    toClose.close();
                    return null;
                },
                ignored -> {},
                error -> {});
    }

    /**
     * Closes the cursor, ending its transaction (the connection {@link #showQuery} opened goes back), and stops a
     * query still opening. Showing a query again reopens it.
     */
    @Override
    public void close() {
        reset();
    }

    /** The rows held now: the window {@link #firstRowNumber()} .. + size - 1 of the result. */
    public ObservableList<ResultRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<List<ResultColumn>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** Rows read from the cursor so far, including those that already left the window. */
    public ReadOnlyLongProperty fetchedCountProperty() {
        return fetchedCount.getReadOnlyProperty();
    }

    /** The 1-based number, within the whole result, of {@code rows().get(0)}. */
    public ReadOnlyLongProperty firstRowNumberProperty() {
        return firstRowNumber.getReadOnlyProperty();
    }

    /** True once the cursor reached the end: {@link #fetchedCountProperty()} is then the total. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** True while a page is on its way. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last query or fetch failed; null when it did not. */
    public ReadOnlyObjectProperty<QueryFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** One line for the grid's footer: "1,000+ rows so far", "4 rows", or what went wrong. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public int windowSize() {
        return windowSize;
    }

    /** True while a cursor is open and more rows may come. */
    public boolean hasMore() {
        return moreAvailable.get();
    }

    /** {@link #hasMore()} as a property, e.g. for a "fetch more" button. */
    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }
}
