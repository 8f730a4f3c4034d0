package dev.athanor.app.builder;

import java.util.List;

/**
 * A box on the canvas: a table, a CTE reference or a subquery of the FROM clause, with its columns.
 *
 * @param alias the name the query refers to the box by (unique within the query)
 * @param source what the box reads, e.g. {@code public.resumes}, {@code CTE helper2} or {@code subquery}
 * @param kind what sort of box it is
 * @param columns its columns, each marked when it is in the select list
 */
public record CanvasTable(String alias, String source, Kind kind, List<CanvasColumn> columns) {
    /** What a box reads. */
    public enum Kind {
        TABLE,
        CTE,
        SUBQUERY,
        RAW
    }

    public CanvasTable {
        columns = List.copyOf(columns);
    }

    /**
     * A column of a box.
     *
     * @param name the column name
     * @param type its type as PostgreSQL shows it, or empty when unknown
     * @param selected whether the select list shows it as a plain column
     * @param key whether it is part of the primary key
     * @param foreignKey whether it is part of a foreign key
     */
    public record CanvasColumn(String name, String type, boolean selected, boolean key, boolean foreignKey) {}
}
