package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athanor.query.model.Query;
import dev.athanor.query.render.QueryRenderer;
import java.util.List;

/**
 * A saved query as the file holds it: the {@link SavedQuery} plus {@code sql}, the query rendered with
 * {@code :name} parameters. The SQL is there for people reading the file or a diff; it is rewritten on every save
 * and ignored on reading (the model is what counts), so a hand-written file may leave it out.
 */
@JsonPropertyOrder({"name", "description", "parameters", "sql", "query", "layout"})
record StoredQuery(
        String name,
        String description,
        List<QueryParameter> parameters,
        String sql,
        Query query,
        CanvasLayout layout) {
    private static final QueryRenderer RENDERER = new QueryRenderer();

    StoredQuery {
        // The saved query's own checks run while the file is read, so their failures carry the file position.
        saved(name, description, query, parameters, layout);
    }

    static StoredQuery of(SavedQuery query) {
        return new StoredQuery(
                query.name(),
                query.description(),
                query.parameters(),
                readableSql(query.query()),
                query.query(),
                query.layout());
    }

    SavedQuery saved() {
        return saved(name, description, query, parameters, layout);
    }

    private static SavedQuery saved(
            String name, String description, Query query, List<QueryParameter> parameters, CanvasLayout layout) {
        return new SavedQuery(name, description, query, parameters == null ? List.of() : parameters, layout);
    }

    /** The SQL for readers, or nothing when the model cannot be rendered yet (the builder saves work in progress). */
    private static String readableSql(Query query) {
        try {
            return RENDERER.renderNamed(query);
        } catch (RuntimeException incomplete) {
            return null;
        }
    }
}
