package dev.athanor.model.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one load cost: every statement it sent (with its SQL and binds), the rows the server sent back, how many of
 * them repeated a parent already received (the price of a JOIN), the time taken, and the N+1 warnings it raised.
 *
 * @param statements the statements in sending order
 * @param rowsReceived result rows received, over every statement
 * @param duplicateParentRows rows of the parent statement that repeated a parent already received
 * @param elapsed wall time of the whole load, statements and object building
 * @param warnings N+1 warnings raised during the load
 */
public record LoadReport(
        List<LoadStatement> statements,
        long rowsReceived,
        long duplicateParentRows,
        Duration elapsed,
        List<NPlusOneWarning> warnings) {

    public LoadReport {
        statements = List.copyOf(statements);
        Objects.requireNonNull(elapsed, "elapsed");
        warnings = List.copyOf(warnings);
    }

    /** A load that sent nothing. */
    public static LoadReport empty() {
        return new LoadReport(List.of(), 0, 0, Duration.ZERO, List.of());
    }

    /** How many statements were sent. */
    public int statementCount() {
        return statements.size();
    }

    /** Statements and rows one after the other: this report then {@code next}. */
    public LoadReport plus(LoadReport next) {
        var all = new java.util.ArrayList<>(statements);
        all.addAll(next.statements);
        var allWarnings = new java.util.ArrayList<>(warnings);
        allWarnings.addAll(next.warnings);
        return new LoadReport(
                all,
                rowsReceived + next.rowsReceived,
                duplicateParentRows + next.duplicateParentRows,
                elapsed.plus(next.elapsed),
                allWarnings);
    }

    /**
     * One statement a load sent.
     *
     * @param purpose what it loaded: {@code public.workers} for the parents, else the relationship's qualified
     *     name ({@code public.workers.resumes})
     * @param strategy the strategy that sent it ({@code parents} for the parent query)
     * @param sql the statement as sent, binds as {@code ?}
     * @param binds the bind values in order
     * @param rows result rows received
     */
    public record LoadStatement(String purpose, String strategy, String sql, List<Object> binds, long rows) {
        public LoadStatement {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(sql, "sql");
            binds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(binds));
        }
    }
}
