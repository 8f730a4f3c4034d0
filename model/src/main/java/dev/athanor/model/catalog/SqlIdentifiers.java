package dev.athanor.model.catalog;

import java.util.Objects;
import java.util.Set;

/**
 * PostgreSQL identifier quoting with the server's own rules, so that names read from the catalog can be
 * written back into SQL and reach the same object. It is the one quoting rule of the product: the catalog's DDL,
 * the query builder's rendering (through jOOQ names) and the builder's expression text all ask it.
 *
 * <p>{@link #quote(String)} behaves like the server function {@code quote_ident}: a name stays bare only when
 * it is a lower-case plain identifier ({@code [a-z_][a-z0-9_]*}) and not a keyword that PostgreSQL reserves in
 * some position; everything else is wrapped in double quotes with embedded double quotes doubled.
 */
public final class SqlIdentifiers {

    /**
     * Keywords that cannot be used bare as a column or table name in every position (categories reserved,
     * type/function name and column name of {@code pg_get_keywords()}, PostgreSQL 17). Unreserved keywords are
     * left out on purpose: {@code quote_ident} leaves them bare too.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "authorization",
            "between",
            "bigint",
            "binary",
            "bit",
            "boolean",
            "both",
            "case",
            "cast",
            "char",
            "character",
            "check",
            "coalesce",
            "collate",
            "collation",
            "column",
            "concurrently",
            "constraint",
            "create",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "dec",
            "decimal",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "exists",
            "extract",
            "false",
            "fetch",
            "float",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "greatest",
            "group",
            "grouping",
            "having",
            "ilike",
            "in",
            "initially",
            "inner",
            "inout",
            "int",
            "integer",
            "intersect",
            "interval",
            "into",
            "is",
            "isnull",
            "join",
            "json",
            "json_array",
            "json_arrayagg",
            "json_exists",
            "json_object",
            "json_objectagg",
            "json_query",
            "json_scalar",
            "json_serialize",
            "json_table",
            "json_value",
            "lateral",
            "leading",
            "least",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "merge_action",
            "national",
            "natural",
            "nchar",
            "none",
            "normalize",
            "not",
            "notnull",
            "null",
            "nullif",
            "numeric",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "out",
            "outer",
            "overlaps",
            "overlay",
            "placing",
            "position",
            "precision",
            "primary",
            "real",
            "references",
            "returning",
            "right",
            "row",
            "select",
            "session_user",
            "setof",
            "similar",
            "smallint",
            "some",
            "substring",
            "symmetric",
            "system_user",
            "table",
            "tablesample",
            "then",
            "time",
            "timestamp",
            "to",
            "trailing",
            "treat",
            "trim",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "values",
            "varchar",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with",
            "xmlattributes",
            "xmlconcat",
            "xmlelement",
            "xmlexists",
            "xmlforest",
            "xmlnamespaces",
            "xmlparse",
            "xmlpi",
            "xmlroot",
            "xmlserialize",
            "xmltable");

    private SqlIdentifiers() {}

    /**
     * Returns {@code name} as PostgreSQL needs it written in SQL: bare when that reads back as the same name,
     * otherwise double-quoted with embedded double quotes doubled.
     *
     * @param name an identifier exactly as stored in the catalog (case and spaces preserved)
     * @return the identifier ready to be placed in SQL text
     */
    public static String quote(String name) {
        Objects.requireNonNull(name, "name");
        if (!needsQuotes(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Returns {@code schema.name} with each part quoted by {@link #quote(String)}.
     *
     * @param schema the schema name as stored in the catalog
     * @param name the object name as stored in the catalog
     * @return the qualified name ready to be placed in SQL text
     */
    public static String qualified(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }

    /**
     * Tells whether {@code name} must be double-quoted to read back as itself: exactly when the server's
     * {@code quote_ident} quotes it.
     *
     * @param name an identifier exactly as stored in the catalog
     * @return false when the name can be written bare
     */
    public static boolean needsQuotes(String name) {
        Objects.requireNonNull(name, "name");
        return !isPlain(name) || KEYWORDS.contains(name);
    }

    /**
     * Tells whether {@code name} is a plain lower-case identifier, keyword or not. Such a name can be written bare
     * where the grammar expects a function name ({@code coalesce}, {@code left} are valid, and only valid,
     * unquoted there). Only ASCII lower-case letters, digits and underscores qualify, as in the server's
     * {@code quote_ident}: letters outside ASCII would survive the lexer, but the server quotes them and so do we,
     * which keeps the output identical to the server's.
     *
     * @param name an identifier exactly as stored in the catalog
     * @return true when only its being a keyword could require quotes
     */
    public static boolean isPlain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
                return false;
            }
        }
        return true;
    }
}
