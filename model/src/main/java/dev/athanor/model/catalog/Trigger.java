package dev.athanor.model.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A user-defined trigger of a table or view (internal triggers behind foreign keys are left out).
 *
 * @param oid the trigger OID
 * @param name the trigger name
 * @param functionOid the OID of the trigger function
 * @param function the trigger function
 * @param definition the {@code CREATE TRIGGER} statement from {@code pg_get_triggerdef}
 * @param enabled false when the trigger was disabled ({@code ALTER TABLE ... DISABLE TRIGGER})
 * @param comment the trigger comment
 */
public record Trigger(
        long oid,
        String name,
        long functionOid,
        QualifiedName function,
        String definition,
        boolean enabled,
        Optional<String> comment)
        implements CatalogObject {

    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }
}
