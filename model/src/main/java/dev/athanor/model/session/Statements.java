package dev.athanor.model.session;

import dev.athanor.model.catalog.QualifiedName;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The session's SQL, rendered by jOOQ for PostgreSQL with positional binds, and the one way its bind values are
 * given to JDBC.
 */
final class Statements {
    /** The pseudo-column that changes whenever a row version is written. */
    static final String XMIN = "xmin";

    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderFormatted(false));

    private Statements() {}

    static Table<?> table(QualifiedName name) {
        return DSL.table(DSL.name(name.schema(), name.name()));
    }

    static Field<Object> column(String name) {
        return DSL.field(DSL.name(name));
    }

    static Field<String> xminText() {
        return DSL.field("xmin::text", String.class);
    }

    private static Param<Object> bind() {
        return DSL.param("v");
    }

    private static List<SelectFieldOrAsterisk> returning(TableMapping mapping, int[] positions, boolean xmin) {
        var fields = new ArrayList<SelectFieldOrAsterisk>();
        for (int i : positions) {
            fields.add(column(mapping.columns().get(i).name()));
        }
        if (xmin) {
            fields.add(xminText());
        }
        return fields;
    }

    static String insert(TableMapping mapping, int[] columns, int[] returning, boolean xmin) {
        var table = table(mapping.target());
        var returned = returning(mapping, returning, xmin);
        if (columns.length == 0) {
            var query = SQL.insertInto(table).defaultValues();
            return render(returned.isEmpty() ? query : query.returning(returned));
        }
        var fields = new ArrayList<Field<?>>();
        var values = new ArrayList<Param<Object>>();
        for (int i : columns) {
            fields.add(column(mapping.columns().get(i).name()));
            values.add(bind());
        }
        var query = SQL.insertInto(table).columns(fields).values(values);
        return render(returned.isEmpty() ? query : query.returning(returned));
    }

    static String update(
            TableMapping mapping, int[] columns, int versionColumn, boolean xmin, int[] returning, boolean returnXmin) {
        var set = new java.util.LinkedHashMap<Field<?>, Object>();
        for (int i : columns) {
            set.put(column(mapping.columns().get(i).name()), bind());
        }
        var query = SQL.update(table(mapping.target())).set(set).where(keyMatch(mapping, versionColumn, xmin));
        var returned = returning(mapping, returning, returnXmin);
        return render(returned.isEmpty() ? query : query.returning(returned));
    }

    static String delete(TableMapping mapping, int versionColumn, boolean xmin) {
        return render(SQL.deleteFrom(table(mapping.target())).where(keyMatch(mapping, versionColumn, xmin)));
    }

    /** {@code key = ? [AND version = ?]}: the WHERE of an UPDATE or DELETE of one row. */
    private static List<Condition> keyMatch(TableMapping mapping, int versionColumn, boolean xmin) {
        var conditions = new ArrayList<Condition>();
        for (String key : mapping.primaryKey()) {
            conditions.add(column(key).eq(bind()));
        }
        if (versionColumn >= 0) {
            conditions.add(column(mapping.columns().get(versionColumn).name()).eq(bind()));
        }
        if (xmin) {
            conditions.add(DSL.condition("{0} = cast({1} as xid)", DSL.field(DSL.name(XMIN)), bind()));
        }
        return conditions;
    }

    /** {@code SELECT columns [, xmin::text] FROM table WHERE condition}, with its bind values. */
    static Query select(TableMapping mapping, int[] columns, boolean xmin, Condition where) {
        var fields = returning(mapping, columns, xmin);
        return SQL.select(fields).from(table(mapping.name())).where(where);
    }

    /**
     * The first {@code limit} rows of a relation without a key, in an order that a longer page repeats: physical
     * ({@code tableoid, ctid}) for relations that store rows, else the text of the whole row.
     */
    static Query pageWithoutKey(TableMapping mapping, int[] columns, int limit) {
        var fields = returning(mapping, columns, false);
        var rows = table(mapping.name()).as("r");
        var order =
                switch (mapping.relation().kind()) {
                    case TABLE, PARTITIONED_TABLE, PARTITION, MATERIALIZED_VIEW ->
                        List.of(
                                DSL.field(DSL.name("tableoid")).sortDefault(),
                                DSL.field(DSL.name("ctid")).sortDefault());
                    default ->
                        List.of(DSL.field("{0}::text", Object.class, DSL.name("r"))
                                .sortDefault());
                };
        return SQL.select(fields).from(rows).orderBy(order).limit(limit);
    }

    /** The condition {@code key = values} on the row's primary key. */
    static Condition keyIs(TableMapping mapping, List<Object> key) {
        var conditions = new ArrayList<Condition>();
        for (int k = 0; k < key.size(); k++) {
            conditions.add(column(mapping.primaryKey().get(k)).eq(DSL.val(key.get(k))));
        }
        return DSL.and(conditions);
    }

    static String render(Query query) {
        return query.getSQL(ParamType.INDEXED);
    }

    /** The bind values of a rendered query, in order. */
    static List<Object> binds(Query query) {
        return new ArrayList<>(query.getBindValues());
    }

    /**
     * Binds {@code value} at {@code index}. Text goes untyped, so the server reads it as the column's type (enums,
     * dates typed as text); NULL goes untyped for the same reason.
     */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setObject(index, text, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }
}
