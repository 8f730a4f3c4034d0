package dev.athanor.app.console;

import dev.athanor.app.problem.QueryFailure;

/**
 * A failed console statement and the stretch of the editor text to mark.
 *
 * @param failure what went wrong, in plain words, with details
 * @param sql the statement that failed
 * @param markStart offset in the script of the first character to mark, or -1 when the server named no position
 * @param markEnd offset just past the last character to mark, or -1
 */
public record ConsoleError(QueryFailure failure, String sql, int markStart, int markEnd) {
    public boolean hasPosition() {
        return markStart >= 0;
    }
}
