package dev.athanor.model.session;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements the next flush will send, in order, with their bind values: what the session would do, before
 * it does it. A snapshot: later changes to the session are not reflected.
 *
 * @param statements the statements in sending order
 */
public record FlushPlan(List<PlannedStatement> statements) {

    public FlushPlan {
        statements = List.copyOf(statements);
    }

    /** Whether a flush would send nothing. */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** How many round trips the flush takes (batches count once). */
    public int batchCount() {
        return statements.isEmpty() ? 0 : statements.getLast().batch();
    }

    /** One statement per line. */
    @Override
    public String toString() {
        return statements.stream().map(PlannedStatement::toString).collect(Collectors.joining("\n"));
    }
}
