package dev.athanor.query.render;

import dev.athanor.query.model.Expression;
import org.jooq.Context;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A date, time or interval constant. Read by people (inlined SQL) it is PostgreSQL's typed literal,
 * {@code date '2012-09-01'} or {@code interval '1 day'}; sent to the server it is a bind value cast to its type,
 * {@code cast(? as date)}, since a typed literal cannot take a placeholder. Inside a grouped expression, which
 * must read the same wherever it occurs, it is always the literal.
 */
final class TemporalLiteral extends CustomField<Object> {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String text;
    private final boolean alwaysInline;

    TemporalLiteral(Expression.Literal literal, boolean alwaysInline) {
        super(DSL.name(literal.type().sqlType()), SQLDataType.OTHER);
        this.type = literal.type().sqlType();
        this.text = literal.text();
        this.alwaysInline = alwaysInline;
    }

    @Override
    public void accept(Context<?> ctx) {
        if (alwaysInline || ctx.paramType() == ParamType.INLINED || ctx.paramType() == ParamType.NAMED_OR_INLINED) {
            ctx.visit(DSL.keyword(type)).sql(' ').visit(DSL.inline(text));
        } else {
            ctx.visit(DSL.cast(DSL.val(text, UntypedText.TYPE), QueryRenderer.dataType(type)));
        }
    }
}
