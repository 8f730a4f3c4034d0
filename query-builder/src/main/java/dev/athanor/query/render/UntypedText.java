package dev.athanor.query.render;

import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Binds text as a value of unspecified type, so that PostgreSQL infers its type from where it is used, exactly
 * as it does for a quoted literal. Bound as {@code varchar}, {@code workload = ?} would fail with "operator does
 * not exist: workload_enum = character varying"; bound untyped it compares with the enum like
 * {@code workload = 'parttime'} does.
 */
final class UntypedText implements Binding<String, String> {
    /** The data type of text literals and text parameter values. */
    static final DataType<String> TYPE = SQLDataType.VARCHAR.asConvertedDataType(new UntypedText());

    @Override
    public Converter<String, String> converter() {
        return Converter.ofNullable(String.class, String.class, value -> value, value -> value);
    }

    @Override
    public void sql(BindingSQLContext<String> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.value()));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<String> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Text values are never OUT parameters");
    }

    @Override
    public void set(BindingSetStatementContext<String> ctx) throws java.sql.SQLException {
        // Types.OTHER makes pgjdbc send the value with an unspecified type, like an untyped literal.
        ctx.statement().setObject(ctx.index(), ctx.value(), Types.OTHER);
    }

    @Override
    public void set(BindingSetSQLOutputContext<String> ctx) throws java.sql.SQLException {
        ctx.output().writeString(ctx.value());
    }

    @Override
    public void get(BindingGetResultSetContext<String> ctx) throws java.sql.SQLException {
        ctx.value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<String> ctx) throws java.sql.SQLException {
        ctx.value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<String> ctx) throws java.sql.SQLException {
        ctx.value(ctx.input().readString());
    }
}
