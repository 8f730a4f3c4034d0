package dev.athanor.app.schema;

import java.util.List;

/**
 * What the details tabs show for one object, as plain rows of text.
 *
 * @param object the object described
 * @param comment the object's comment, or empty
 * @param columns the Columns tab (empty for objects without columns)
 * @param constraints the Keys &amp; constraints tab
 * @param indexes the Indexes tab
 * @param facts other facts about objects without columns (enum labels, sequence settings, function
 *     signature), as label/value pairs
 */
public record ObjectDetails(
        SchemaNode.DbObject object,
        String comment,
        List<ColumnRow> columns,
        List<ConstraintRow> constraints,
        List<IndexRow> indexes,
        List<Fact> facts) {

    public ObjectDetails {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        facts = List.copyOf(facts);
    }

    /** A row of the Columns tab. */
    public record ColumnRow(
            String name, String type, boolean nullable, String defaultValue, String generated, String comment) {}

    /**
     * A row of the Keys &amp; constraints tab.
     *
     * @param kind "Primary key", "Unique", "Foreign key" or "Check"
     * @param name constraint name
     * @param definition columns, referenced table and actions, or the check expression
     */
    public record ConstraintRow(String kind, String name, String definition) {}

    /** A row of the Indexes tab. */
    public record IndexRow(String name, String columns, boolean unique, boolean primary, String definition) {}

    /** A label and a value, e.g. "Values" / "parttime, fulltime". */
    public record Fact(String label, String value) {}
}
