package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athanor.model.relationship.Relationship;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A saved query project: where to connect, the named queries in the order the user keeps them, and the
 * relationships the user defined. Read and written by {@link ProjectFile}.
 *
 * @param connection the connection reference (never a password)
 * @param queries the named queries, names unique
 * @param relationships the user's relationships (their own, or inferred ones with another strategy), names
 *     unique per parent table
 */
@JsonPropertyOrder({"connection", "queries", "relationships"})
public record QueryProject(ConnectionReference connection, List<SavedQuery> queries, List<Relationship> relationships) {
    public QueryProject {
        connection = connection == null ? ConnectionReference.none() : connection;
        queries = List.copyOf(queries);
        relationships = List.copyOf(relationships);
        var names = new HashSet<String>();
        for (var query : queries) {
            if (!names.add(query.name())) {
                throw new IllegalArgumentException("Two queries are called '" + query.name() + "'");
            }
        }
        var relationshipNames = new HashSet<String>();
        for (var relationship : relationships) {
            var parent = relationship.parent().toSql();
            if (!relationshipNames.add(parent + "\u0000" + relationship.name())) {
                throw new IllegalArgumentException(
                        "The table " + parent + " has two relationships called '" + relationship.name() + "'");
            }
        }
    }

    /** An empty project. */
    public static QueryProject empty() {
        return new QueryProject(ConnectionReference.none(), List.of(), List.of());
    }

    /** The query called {@code name}. */
    public Optional<SavedQuery> query(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public QueryProject withConnection(ConnectionReference newConnection) {
        return new QueryProject(newConnection, queries, relationships);
    }

    public QueryProject withQueries(List<SavedQuery> newQueries) {
        return new QueryProject(connection, newQueries, relationships);
    }

    /** A copy with {@code query} added at the end, or replacing the query of the same name in place. */
    public QueryProject withQuery(SavedQuery query) {
        var copy = new ArrayList<>(queries);
        var index = -1;
        for (var i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(query.name())) {
                index = i;
            }
        }
        if (index >= 0) {
            copy.set(index, query);
        } else {
            copy.add(query);
        }
        return withQueries(copy);
    }

    public QueryProject withRelationships(List<Relationship> newRelationships) {
        return new QueryProject(connection, queries, newRelationships);
    }
}
