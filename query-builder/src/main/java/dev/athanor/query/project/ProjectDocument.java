package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The top level of a current-version project file: the format marker and version around the project. */
@JsonPropertyOrder({"format", "version", "connection", "queries", "relationships"})
record ProjectDocument(
        String format,
        int version,
        ConnectionReference connection,
        List<SavedQuery> queries,
        List<Relationship> relationships) {

    static ProjectDocument of(QueryProject project) {
        return new ProjectDocument(
                ProjectFile.FORMAT,
                ProjectFile.CURRENT_VERSION,
                project.connection(),
                project.queries(),
                project.relationships());
    }

    QueryProject project() {
        return new QueryProject(connection, queries, relationships);
    }
}
