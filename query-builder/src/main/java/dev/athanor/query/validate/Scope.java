package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.validate.SchemaLookup.ColumnInfo;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The FROM items one SELECT can refer to, inside the scopes of the queries around it. */
final class Scope {
    /** A FROM item as the query sees it: its columns, or {@code null} when they cannot be known. */
    record Source(String name, Map<String, ColumnInfo> columns, List<String> primaryKey) {}

    final Scope outer;
    final Map<String, Source> sources = new LinkedHashMap<>();
    /** A raw FROM item may name anything: unqualified and unknown-alias checks are off. */
    boolean opaque;

    Scope(Scope outer) {
        this.outer = outer;
    }

    Source find(String alias) {
        for (var scope = this; scope != null; scope = scope.outer) {
            var source = scope.sources.get(alias);
            if (source != null) {
                return source;
            }
        }
        return null;
    }

    boolean anyOpaque() {
        for (var scope = this; scope != null; scope = scope.outer) {
            if (scope.opaque) {
                return true;
            }
        }
        return false;
    }

    /** The column a reference means, without reporting anything; {@code null} when unknown or ambiguous. */
    ColumnInfo resolve(Expression.Column column) {
        return resolve(column, "", Set.of(), null);
    }

    /**
     * The column a reference means; {@code null} when unknown. A reference that names nothing is reported to
     * {@code findings} (when not {@code null}) at {@code path}.
     *
     * @param labels output labels the reference may name instead (ORDER BY, GROUP BY)
     */
    ColumnInfo resolve(Expression.Column column, String path, Set<String> labels, Findings findings) {
        if (column.table() != null) {
            var source = find(column.table());
            if (source == null) {
                if (findings != null && !anyOpaque()) {
                    findings.add(Kind.UNKNOWN_TABLE, path, "No table in FROM is called " + column.table() + ".");
                }
                return null;
            }
            if (source.columns() == null) {
                return null;
            }
            var found = source.columns().get(column.column());
            if (found == null && findings != null) {
                findings.add(Kind.UNKNOWN_COLUMN, path, source.name() + " has no column " + column.column() + ".");
            }
            return found;
        }
        if (labels.contains(column.column())) {
            return null;
        }
        boolean unknownSources = false;
        for (var current = this; current != null; current = current.outer) {
            ColumnInfo found = null;
            int matches = 0;
            for (var source : current.sources.values()) {
                if (source.columns() == null) {
                    unknownSources = true;
                } else if (source.columns().containsKey(column.column())) {
                    found = source.columns().get(column.column());
                    matches++;
                }
            }
            if (matches > 0) {
                return matches == 1 ? found : null;
            }
        }
        if (findings != null && !unknownSources && !anyOpaque()) {
            findings.add(Kind.UNKNOWN_COLUMN, path, "No table in FROM has a column called " + column.column() + ".");
        }
        return null;
    }

    /** The name of the FROM item of this scope a column belongs to, or {@code null} if not known. */
    String owner(Expression.Column column) {
        if (column.table() != null) {
            return sources.containsKey(column.table()) ? column.table() : null;
        }
        String owner = null;
        for (var source : sources.values()) {
            if (source.columns() != null && source.columns().containsKey(column.column())) {
                if (owner != null) {
                    return null;
                }
                owner = source.name();
            }
        }
        return owner;
    }
}
