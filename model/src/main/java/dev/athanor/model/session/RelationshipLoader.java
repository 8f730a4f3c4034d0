package dev.athanor.model.session;

import dev.athanor.model.relationship.Relationship;
import java.util.Collection;
import java.util.List;

/** Loads relationships into a session's identity map with the strategies SQLAlchemy 2.0 has. */
final class RelationshipLoader {
    private final Session session;

    RelationshipLoader(Session session) {
        this.session = session;
    }

    LoadResult load(LoadQuery query) {
        throw new UnsupportedOperationException("not yet");
    }

    LoadReport loadRelated(Collection<Row> parents, List<LoadOption> options) {
        throw new UnsupportedOperationException("not yet");
    }

    List<Row> related(Row row, Relationship relationship) {
        throw new UnsupportedOperationException("not yet");
    }

    void append(Row parent, Relationship relationship, Row child) {
        throw new UnsupportedOperationException("not yet");
    }

    void remove(Row parent, Relationship relationship, Row child) {
        throw new UnsupportedOperationException("not yet");
    }
}
