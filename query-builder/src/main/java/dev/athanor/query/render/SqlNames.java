package dev.athanor.query.render;

import dev.athanor.model.catalog.SqlIdentifiers;
import java.util.Arrays;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Identifiers as jOOQ names, quoted only when PostgreSQL needs it: {@code resumes} stays {@code resumes}, while
 * {@code Order Items}, {@code user} or {@code Workers} become {@code "Order Items"}, {@code "user"},
 * {@code "Workers"}. The model holds names exactly as they are in the catalog (case-sensitive), so a name that
 * would fold or clash with a keyword is always quoted and survives the round trip. Whether a name needs quotes is
 * {@link SqlIdentifiers}' rule, the server's {@code quote_ident}.
 */
public final class SqlNames {
    private SqlNames() {}

    /** One identifier, quoted when needed. */
    public static Name identifier(String name) {
        return SqlIdentifiers.needsQuotes(name) ? DSL.quotedName(name) : DSL.unquotedName(name);
    }

    /** A qualified name ({@code schema.table}, {@code alias.column}); {@code null} parts are left out. */
    public static Name qualified(String... parts) {
        return DSL.name(Arrays.stream(parts)
                .filter(part -> part != null)
                .map(SqlNames::identifier)
                .toArray(Name[]::new));
    }

    /**
     * A function name, possibly schema-qualified ({@code pg_catalog.lower}). Keywords are not quoted here, since
     * {@code coalesce}, {@code left} or {@code greatest} are valid (and only valid) unquoted as functions.
     */
    public static Name function(String name) {
        return DSL.name(Arrays.stream(name.split("\\."))
                .map(part -> SqlIdentifiers.isPlain(part) ? DSL.unquotedName(part) : DSL.quotedName(part))
                .toArray(Name[]::new));
    }
}
