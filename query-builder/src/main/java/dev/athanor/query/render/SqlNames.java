package dev.athanor.query.render;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Identifiers as jOOQ names, quoted only when PostgreSQL needs it: {@code resumes} stays {@code resumes}, while
 * {@code Order Items}, {@code user} or {@code Workers} become {@code "Order Items"}, {@code "user"},
 * {@code "Workers"}. The model holds names exactly as they are in the catalog (case-sensitive), so a name that
 * would fold or clash with a keyword is always quoted and survives the round trip.
 */
public final class SqlNames {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * PostgreSQL's reserved keywords and those that cannot name a function or type (Appendix C of its manual);
     * a column, table or alias with one of these names must be quoted.
     */
    private static final Set<String> KEYWORDS = Set.copyOf(Arrays.asList(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "both",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "create",
            "current_catalog",
            "current_date",
            "current_role",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "grant",
            "group",
            "having",
            "in",
            "initially",
            "intersect",
            "into",
            "lateral",
            "leading",
            "limit",
            "localtime",
            "localtimestamp",
            "not",
            "null",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "placing",
            "primary",
            "references",
            "returning",
            "select",
            "session_user",
            "some",
            "symmetric",
            "system_user",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "variadic",
            "when",
            "where",
            "window",
            "with",
            "authorization",
            "binary",
            "collation",
            "concurrently",
            "cross",
            "current_schema",
            "freeze",
            "full",
            "ilike",
            "inner",
            "is",
            "isnull",
            "join",
            "left",
            "like",
            "natural",
            "notnull",
            "outer",
            "overlaps",
            "right",
            "similar",
            "tablesample",
            "verbose"));

    private SqlNames() {}

    /** One identifier, quoted when needed. */
    public static Name identifier(String name) {
        return needsQuotes(name) ? DSL.quotedName(name) : DSL.unquotedName(name);
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
                .map(part -> PLAIN.matcher(part).matches() ? DSL.unquotedName(part) : DSL.quotedName(part))
                .toArray(Name[]::new));
    }

    /** Whether {@code name} must be quoted to keep its exact spelling. */
    public static boolean needsQuotes(String name) {
        return !PLAIN.matcher(name).matches() || KEYWORDS.contains(name);
    }
}
