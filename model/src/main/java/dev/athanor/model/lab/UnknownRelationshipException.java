package dev.athanor.model.lab;

import dev.athanor.model.catalog.QualifiedName;
import java.util.List;

/** A relationship path names a relationship its table does not have; the message lists those it has. */
public final class UnknownRelationshipException extends IllegalArgumentException {
    private final transient QualifiedName table;
    private final List<String> available;

    UnknownRelationshipException(QualifiedName table, String name, List<String> available) {
        super(table.toSql() + " has no relationship called '" + name + "'; "
                + (available.isEmpty() ? "it has none" : "it has: " + String.join(", ", available)));
        this.table = table;
        this.available = List.copyOf(available);
    }

    /** The table that lacks the relationship. */
    public QualifiedName table() {
        return table;
    }

    /** The names of the relationships the table has. */
    public List<String> available() {
        return available;
    }
}
