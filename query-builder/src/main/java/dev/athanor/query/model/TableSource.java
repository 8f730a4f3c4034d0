package dev.athanor.query.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * An item of the FROM clause: a table or view, a derived table (subquery), a CTE reference, a join of two
 * sources, or raw SQL. A chain {@code a JOIN b ON .. LEFT JOIN c ON ..} is the left-deep tree
 * {@code Join(Join(a, b), c)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableSource.Table.class, name = "table"),
    @JsonSubTypes.Type(value = TableSource.Derived.class, name = "derived"),
    @JsonSubTypes.Type(value = TableSource.CteReference.class, name = "cte"),
    @JsonSubTypes.Type(value = TableSource.Join.class, name = "join"),
    @JsonSubTypes.Type(value = TableSource.Raw.class, name = "raw")
})
public sealed interface TableSource
        permits TableSource.Table, TableSource.Derived, TableSource.CteReference, TableSource.Join, TableSource.Raw {

    /** A table or view {@code schema.name AS alias}; {@code schema} and {@code alias} may be {@code null}. */
    static Table table(String schema, String name, String alias) {
        return new Table(schema, name, alias);
    }

    /** {@code this JOIN right ON on} (or another join type). */
    default Join join(Join.Type type, TableSource right, Predicate on) {
        return new Join(this, type, right, on);
    }

    /**
     * A table or view. Tables and views read the same in a query, so the model does not tell them apart; the
     * catalog does.
     */
    record Table(String schema, String name, String alias) implements TableSource {
        public Table {
            Objects.requireNonNull(name, "name");
        }

        public Table withSchema(String newSchema) {
            return new Table(newSchema, name, alias);
        }

        public Table withName(String newName) {
            return new Table(schema, newName, alias);
        }

        public Table withAlias(String newAlias) {
            return new Table(schema, name, newAlias);
        }
    }

    /**
     * A subquery in FROM, {@code [LATERAL] (query) AS alias}. A LATERAL subquery may refer to the FROM items
     * before it.
     */
    record Derived(Query query, String alias, boolean lateral) implements TableSource {
        public Derived {
            Objects.requireNonNull(query, "query");
            Identifiers.requireName(alias, "alias of a subquery in FROM");
        }

        public Derived withQuery(Query newQuery) {
            return new Derived(newQuery, alias, lateral);
        }

        public Derived withAlias(String newAlias) {
            return new Derived(query, newAlias, lateral);
        }

        public Derived withLateral(boolean newLateral) {
            return new Derived(query, alias, newLateral);
        }
    }

    /** A reference to a common table expression of the enclosing WITH, {@code name AS alias}. */
    record CteReference(String name, String alias) implements TableSource {
        public CteReference {
            Objects.requireNonNull(name, "name");
        }

        public CteReference withName(String newName) {
            return new CteReference(newName, alias);
        }

        public CteReference withAlias(String newAlias) {
            return new CteReference(name, newAlias);
        }
    }

    /** {@code left type JOIN right ON on}; {@code on} is {@code null} for a CROSS join. */
    record Join(TableSource left, Type type, TableSource right, Predicate on) implements TableSource {
        /** Join types. */
        public enum Type {
            INNER,
            LEFT,
            RIGHT,
            FULL,
            CROSS
        }

        public Join {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(right, "right");
            if (type == Type.CROSS && on != null) {
                throw new IllegalArgumentException("A CROSS JOIN has no ON condition");
            }
            if (type != Type.CROSS && on == null) {
                throw new IllegalArgumentException("A " + type + " JOIN needs an ON condition");
            }
        }

        public Join withLeft(TableSource newLeft) {
            return new Join(newLeft, type, right, on);
        }

        public Join withType(Type newType) {
            return new Join(left, newType, right, newType == Type.CROSS ? null : on);
        }

        public Join withRight(TableSource newRight) {
            return new Join(left, type, newRight, on);
        }

        public Join withOn(Predicate newOn) {
            return new Join(left, type, right, newOn);
        }
    }

    /** FROM-item SQL the model cannot hold (alias included), passed through unchanged. */
    record Raw(String sql) implements TableSource {
        public Raw {
            Objects.requireNonNull(sql, "sql");
        }

        public Raw withSql(String newSql) {
            return new Raw(newSql);
        }
    }
}
