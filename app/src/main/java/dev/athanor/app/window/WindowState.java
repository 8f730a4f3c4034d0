package dev.athanor.app.window;

import dev.athanor.app.builder.QueryBuilderModel;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.OpenDatabase;
import dev.athanor.app.console.SqlConsoleModel;
import dev.athanor.app.problem.Problem;
import dev.athanor.app.schema.ObjectDetailsModel;
import dev.athanor.app.schema.SchemaTreeModel;
import dev.athanor.app.session.SessionModel;

/** What the work area shows: progress, a password prompt, a problem, or the connected panes. */
public sealed interface WindowState {

    /** Connecting to {@code choice}; {@code step} says what is happening in the user's words. */
    record Connecting(ConnectionChoice choice, String step) implements WindowState {}

    /** The server wants a password that no source has. */
    record AskingPassword(ConnectionChoice choice, String target) implements WindowState {}

    /** Connecting failed; Retry tries again. */
    record Failed(ConnectionChoice choice, Problem problem) implements WindowState {}

    /** Connected: the schema tree, details, SQL console, query builder and session work on {@code database}. */
    record Connected(
            ConnectionChoice choice,
            OpenDatabase database,
            SchemaTreeModel tree,
            ObjectDetailsModel details,
            SqlConsoleModel console,
            QueryBuilderModel builder,
            SessionModel session)
            implements WindowState {}
}
