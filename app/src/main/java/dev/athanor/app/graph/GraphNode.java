package dev.athanor.app.graph;

import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.session.Row;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One line of the object graph: an object (a row of the session's identity map) or one of its relationships.
 * Objects hold their relationships; a relationship holds the objects it led to once expanded.
 */
public sealed interface GraphNode permits GraphNode.ObjectNode, GraphNode.RelationshipNode {

    /** The text of the line. */
    String label();

    /** The line above this one, or null for a root object. */
    GraphNode parent();

    /** The lines below this one. */
    ObservableList<? extends GraphNode> children();

    /** The path from the root to this line, as people read it: {@code workers #1 › resumes › resumes #3}. */
    default String breadcrumb() {
        return parent() == null ? label() : parent().breadcrumb() + " › " + label();
    }

    /**
     * The relationships followed from the root to this line, {@code resumes › worker}; {@code root} for a root
     * object. Short enough to name another path to the same object on its line.
     */
    default String relationshipPath() {
        var names = new java.util.ArrayList<String>();
        for (GraphNode node = this; node != null; node = node.parent()) {
            if (node instanceof RelationshipNode line) names.addFirst(line.label());
        }
        return names.isEmpty() ? "root" : String.join(" › ", names);
    }

    /**
     * An object: one row of the identity map. Reached by two paths it is the same {@link Row} (identity), and
     * {@link #alsoAt()} names the other path.
     */
    final class ObjectNode implements GraphNode {
        private final Row row;
        private final String label;
        private final RelationshipNode parent;
        private final ObservableList<RelationshipNode> relationships = FXCollections.observableArrayList();
        private final StringProperty alsoAt = new SimpleStringProperty(this, "alsoAt", "");

        ObjectNode(Row row, String label, RelationshipNode parent) {
            this.row = row;
            this.label = label;
            this.parent = parent;
        }

        public Row row() {
            return row;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public RelationshipNode parent() {
            return parent;
        }

        @Override
        public ObservableList<RelationshipNode> children() {
            return relationships;
        }

        /** The relationship paths of the other lines showing the same object; empty when it shows once. */
        public StringProperty alsoAt() {
            return alsoAt;
        }

        @Override
        public String toString() {
            return alsoAt.get().isEmpty() ? label : label + "  (also at " + alsoAt.get() + ")";
        }
    }

    /** A relationship of an object, expanded (its objects below it) or not yet. */
    final class RelationshipNode implements GraphNode {
        private final ObjectNode owner;
        private final Relationship relationship;
        private final ObservableList<ObjectNode> objects = FXCollections.observableArrayList();
        private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
        private final StringProperty note = new SimpleStringProperty(this, "note", "");

        RelationshipNode(ObjectNode owner, Relationship relationship) {
            this.owner = owner;
            this.relationship = relationship;
        }

        public Relationship relationship() {
            return relationship;
        }

        @Override
        public String label() {
            return relationship.name();
        }

        @Override
        public ObjectNode parent() {
            return owner;
        }

        @Override
        public ObservableList<ObjectNode> children() {
            return objects;
        }

        /** Whether its objects were loaded and show below it. */
        public BooleanProperty loaded() {
            return loaded;
        }

        /** What the line says besides the name: the kind and target before loading, the count after. */
        public StringProperty note() {
            return note;
        }

        @Override
        public String toString() {
            return label() + "  " + note.get();
        }
    }
}
