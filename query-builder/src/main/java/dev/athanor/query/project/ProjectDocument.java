package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The top level of a current-version project file: the format marker and version around the project. */
@JsonPropertyOrder({"format", "version", "connection", "queries", "relationships"})
record ProjectDocument(
        String format,
        int version,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoConnection.class)
        ConnectionReference connection,

        List<StoredQuery> queries,
        List<StoredRelationship> relationships) {

    ProjectDocument {
        // Checks across queries and relationships (unique names) happen here, while the file is being read, so
        // the failure carries the file position like any other.
        project(connection, queries, relationships);
    }

    static ProjectDocument of(QueryProject project) {
        return new ProjectDocument(
                ProjectFile.FORMAT,
                ProjectFile.CURRENT_VERSION,
                project.connection(),
                project.queries().stream().map(StoredQuery::of).toList(),
                project.relationships().stream().map(StoredRelationship::of).toList());
    }

    /** Leaves out a connection that names nothing: such a project runs on the built-in sample database. */
    static final class NoConnection {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof ConnectionReference reference && reference.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    QueryProject project() {
        return project(connection, queries, relationships);
    }

    private static QueryProject project(
            ConnectionReference connection, List<StoredQuery> queries, List<StoredRelationship> relationships) {
        return new QueryProject(
                connection,
                queries == null
                        ? List.of()
                        : queries.stream().map(StoredQuery::saved).toList(),
                relationships == null
                        ? List.of()
                        : relationships.stream()
                                .map(StoredRelationship::relationship)
                                .toList());
    }
}
