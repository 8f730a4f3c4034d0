package dev.athanor.app.cli;

import dev.athanor.query.project.SavedQuery;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.render.RenderedSql;
import java.util.Map;

/**
 * A saved query with its parameter values, rendered and ready to run or print.
 *
 * @param saved the query from the project
 * @param values the values bound to its parameters, by name
 * @param sql the statement with placeholders and its bind values
 */
record PreparedQuery(SavedQuery saved, Map<String, Object> values, RenderedSql sql) {
    private static final QueryRenderer RENDERER = new QueryRenderer();

    /** Renders {@code saved} with the parameter values of the command line. */
    static PreparedQuery of(SavedQuery saved, ParameterValues parameters) {
        var values = parameters.forQuery(saved);
        try {
            return new PreparedQuery(saved, values, RENDERER.render(saved.query(), values));
        } catch (QueryRenderer.MissingParameterException e) {
            throw new CommandFailure(
                    ExitStatus.QUERY,
                    "query '" + saved.name() + "' uses the parameter '" + e.parameter()
                            + "', which the project does not declare; declare it in the project file",
                    e);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(
                    ExitStatus.QUERY, "query '" + saved.name() + "' cannot be turned into SQL: " + e.getMessage(), e);
        }
    }

    /** The statement with every value written in as a literal, laid out over several lines. */
    String inlined() {
        return RENDERER.renderInlinedFormatted(saved.query(), values);
    }
}
