package dev.athanor.model.engine;

import java.io.Serial;
import java.util.Optional;

/**
 * A change broke an integrity rule (SQLSTATE class 23): unique (23505), foreign key (23503), not null (23502),
 * check (23514) or exclusion (23P01). Names the constraint, table and column when the server reports them.
 */
public final class ConstraintViolation extends DatabaseException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String constraint;
    private final String schema;
    private final String table;
    private final String column;
    private final String detail;

    ConstraintViolation(
            String userMessage,
            String sqlState,
            String details,
            Throwable cause,
            String constraint,
            String schema,
            String table,
            String column,
            String detail) {
        super(userMessage, sqlState, details, cause);
        this.constraint = constraint;
        this.schema = schema;
        this.table = table;
        this.column = column;
        this.detail = detail;
    }

    /** The constraint's name, e.g. {@code users_username_key}. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    /** The schema of the table. */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** The table whose row broke the rule. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The column, for not-null violations. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The server's DETAIL line, e.g. {@code Key (username)=(bob) already exists.} */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
