package dev.athanor.model.catalog;

import java.util.Optional;

/** An object that lives directly in a schema: a relation, sequence, type or routine. */
public sealed interface SchemaObject extends CatalogObject permits Relation, Sequence, EnumType, DomainType, Routine {

    /** Returns the object's OID, unique among objects of its catalog table for the life of the object. */
    long oid();

    /** Returns the name of the schema holding the object. */
    String schema();

    /** Returns the role owning the object. */
    String owner();

    /** Returns the object's comment ({@code COMMENT ON ...}), if any. */
    Optional<String> comment();

    /** Returns schema and name together. */
    default QualifiedName qualifiedName() {
        return new QualifiedName(schema(), name());
    }
}
