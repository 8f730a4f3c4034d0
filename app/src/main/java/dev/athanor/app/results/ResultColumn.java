package dev.athanor.app.results;

/**
 * A column of a result.
 *
 * @param name the label the query gave it
 * @param typeName the PostgreSQL type name ({@code int4}, {@code text}, {@code bytea}...)
 * @param kind how its values are fetched and shown
 */
public record ResultColumn(String name, String typeName, ValueKind kind) {

    /** How values of a column are held and shown. */
    public enum ValueKind {
        /** Fetched as {@link Number}, shown right-aligned. */
        NUMBER,
        BOOLEAN,
        /** Fetched as {@code byte[]}, shown as hex. */
        BYTES,
        /** Everything else, fetched as the server's text form (dates, json, arrays, enums...). */
        TEXT
    }
}
