package dev.athanor.model.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A function, procedure, aggregate or window function. Overloads are separate routines with the same name
 * and different {@link #identityArguments()}.
 *
 * @param oid the routine OID
 * @param schema the schema name
 * @param name the routine name
 * @param kind {@link ObjectKind#FUNCTION}, {@link ObjectKind#PROCEDURE}, {@link ObjectKind#AGGREGATE} or
 *     {@link ObjectKind#WINDOW_FUNCTION}
 * @param owner the owning role
 * @param comment the routine comment
 * @param arguments the full argument list with modes, names and defaults ({@code pg_get_function_arguments})
 * @param identityArguments the arguments that identify the routine ({@code pg_get_function_identity_arguments})
 * @param returnType the result type ({@code pg_get_function_result}: {@code trigger}, {@code SETOF text},
 *     {@code TABLE(...)}); absent for procedures
 * @param language the implementation language ({@code sql}, {@code plpgsql}, {@code c}, ...)
 * @param volatility what the routine promises about its results
 * @param securityDefiner whether the routine runs with its owner's rights
 * @param extension the extension the routine belongs to ({@code CREATE EXTENSION} installed it), if any
 */
public record Routine(
        long oid,
        String schema,
        String name,
        ObjectKind kind,
        String owner,
        Optional<String> comment,
        String arguments,
        String identityArguments,
        Optional<String> returnType,
        String language,
        Volatility volatility,
        boolean securityDefiner,
        Optional<String> extension)
        implements SchemaObject {

    public Routine {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        if (!Objects.requireNonNull(kind, "kind").isRoutine()) {
            throw new IllegalArgumentException("not a routine kind: " + kind);
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(identityArguments, "identityArguments");
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(extension, "extension");
    }

    /** Returns the routine as SQL names it among its overloads: {@code schema.name(identity arguments)}. */
    public String signature() {
        return qualifiedName().toSql() + '(' + identityArguments + ')';
    }

    /** Tells whether the routine is a trigger function ({@code RETURNS trigger}). */
    public boolean triggerFunction() {
        return returnType
                .filter(t -> t.equals("trigger") || t.equals("event_trigger"))
                .isPresent();
    }
}
