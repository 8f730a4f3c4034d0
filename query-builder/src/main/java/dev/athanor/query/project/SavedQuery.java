package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athanor.query.model.Query;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named query of a project: the query model, its parameters and the canvas it was built on.
 *
 * @param name the name the user and the command line ({@code --query}) refer to it by; unique in a project
 * @param description free text, or {@code null}
 * @param query the query as a model (not SQL text), so the builder can show it again
 * @param parameters the {@code :name} parameters the query uses, in the order they are asked for
 * @param layout the builder canvas
 */
@JsonPropertyOrder({"name", "description", "parameters", "query", "layout"})
public record SavedQuery(
        String name, String description, Query query, List<QueryParameter> parameters, CanvasLayout layout) {
    public SavedQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A query needs a name");
        }
        Objects.requireNonNull(query, "query");
        parameters = List.copyOf(parameters);
        var seen = new HashSet<String>();
        for (var parameter : parameters) {
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException("The parameter '" + parameter.name() + "' is declared twice");
            }
        }
        layout = layout == null ? CanvasLayout.empty() : layout;
    }

    /** A query without description, parameters or layout. */
    public static SavedQuery of(String name, Query query) {
        return new SavedQuery(name, null, query, List.of(), CanvasLayout.empty());
    }

    /** The declared parameter called {@code name}. */
    public Optional<QueryParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public SavedQuery withName(String newName) {
        return new SavedQuery(newName, description, query, parameters, layout);
    }

    public SavedQuery withDescription(String newDescription) {
        return new SavedQuery(name, newDescription, query, parameters, layout);
    }

    public SavedQuery withQuery(Query newQuery) {
        return new SavedQuery(name, description, newQuery, parameters, layout);
    }

    public SavedQuery withParameters(List<QueryParameter> newParameters) {
        return new SavedQuery(name, description, query, newParameters, layout);
    }

    public SavedQuery withLayout(CanvasLayout newLayout) {
        return new SavedQuery(name, description, query, parameters, newLayout);
    }
}
