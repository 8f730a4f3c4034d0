package dev.athanor.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code CHECK} constraint of a table or a domain.
 *
 * @param oid the constraint OID
 * @param name the constraint name
 * @param columns the columns the expression reads (empty for domain checks)
 * @param expression the checked expression as the server deparses it ({@code compensation > 0})
 * @param definition the whole constraint clause from {@code pg_get_constraintdef} ({@code CHECK (compensation > 0)})
 * @param validated false for a check added {@code NOT VALID} and not yet validated
 * @param comment the constraint comment
 */
public record CheckConstraint(
        long oid,
        String name,
        List<String> columns,
        String expression,
        String definition,
        boolean validated,
        Optional<String> comment)
        implements Constraint {

    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.CHECK_CONSTRAINT;
    }
}
