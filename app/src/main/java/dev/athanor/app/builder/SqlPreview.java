package dev.athanor.app.builder;

import dev.athanor.app.problem.Problem;
import dev.athanor.query.model.Query;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.render.RenderedSql;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The statement as SQL: the preview the builder shows (values inlined, or bind placeholders with the values
 * listed), the text the console receives and the bound statement a run executes, all from one renderer. When the
 * statement cannot be rendered yet, {@link #problemProperty()} says why.
 */
final class SqlPreview {
    private final QueryRenderer renderer = new QueryRenderer();
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** The preview text. */
    ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** Why the statement cannot be shown as SQL yet (or cannot run for want of a parameter value), or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Renders {@code statement} into the preview.
     *
     * @param literalValues values inlined (true) or as bind placeholders with the values listed after the SQL
     * @param parameters the values typed for its {@code :name} parameters
     */
    void show(Query statement, boolean literalValues, Map<String, Object> parameters) {
        try {
            if (literalValues) {
                sql.set(renderer.renderInlinedFormatted(statement, parameters));
            } else {
                var bound = renderer.render(statement, parameters);
                sql.set(bound.sql() + (bound.bindValues().isEmpty() ? "" : "\n-- binds: " + bound.bindValues()));
            }
            problem.set("");
        } catch (QueryRenderer.MissingParameterException missing) {
            sql.set(renderer.renderNamed(statement));
            problem.set("Give :" + missing.parameter() + " a value to run the query");
        } catch (RuntimeException e) {
            sql.set("");
            problem.set(Problem.describe("The SQL cannot be shown", e).message());
        }
    }

    /** The statement formatted for the console, parameters without a value left as {@code :name} to be asked. */
    String forConsole(Query statement, Map<String, Object> parameters) {
        try {
            return renderer.renderInlinedFormatted(statement, parameters);
        } catch (QueryRenderer.MissingParameterException missing) {
            return renderer.renderNamed(statement);
        }
    }

    /** The statement with values bound, as it runs; fails with a message when it cannot be rendered. */
    RenderedSql bound(Query statement, Map<String, Object> parameters) {
        return renderer.render(statement, parameters);
    }
}
