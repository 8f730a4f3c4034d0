package dev.athanor.query.parse;

import dev.athanor.query.model.Query;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SortField;

/**
 * The UNION / INTERSECT / EXCEPT structure of a parsed SELECT.
 *
 * <p>jOOQ's query object model does not expose set operations yet: its SELECT keeps them in private fields
 * ({@code union}, {@code unionOp}, {@code unionOrderBy}, {@code unionLimit}), and its {@code $orderBy()} returns the
 * first operand's ordering while {@code $limit()} returns the combined one. This class reads those fields; if a
 * jOOQ version changes them, {@link #of} fails loudly and the importer keeps the statement as raw SQL.
 *
 * @param operands the operands after the first SELECT, each with the operator joining it on
 * @param orderBy ORDER BY of the combined result
 * @param limit LIMIT of the combined result, or {@code null}
 * @param offset OFFSET of the combined result, or {@code null}
 * @param ownOrderBy ORDER BY of the first SELECT alone (written in parentheses)
 * @param ownLimit LIMIT of the first SELECT alone, or {@code null}
 * @param ownOffset OFFSET of the first SELECT alone, or {@code null}
 */
record SetOperationParts(
        List<Operand> operands,
        List<? extends SortField<?>> orderBy,
        Field<? extends Number> limit,
        Field<? extends Number> offset,
        List<? extends SortField<?>> ownOrderBy,
        Field<? extends Number> ownLimit,
        Field<? extends Number> ownOffset) {

    /** One operand with the operator before it. */
    record Operand(Query.SetOperation.Operator operator, boolean all, Select<?> select) {}

    /** The set-operation parts of {@code select}, or {@code null} when it is a plain SELECT. */
    static SetOperationParts of(Select<?> select) {
        try {
            List<?> union = (List<?>) field(select, "union");
            if (union == null || union.isEmpty()) {
                return null;
            }
            List<?> operators = (List<?>) field(select, "unionOp");
            var operands = new ArrayList<Operand>();
            for (int i = 0; i < union.size(); i++) {
                String operator = String.valueOf(operators.get(i)); // UNION, UNION_ALL, EXCEPT, INTERSECT_ALL...
                boolean all = operator.endsWith("_ALL");
                var kind = Query.SetOperation.Operator.valueOf(
                        all ? operator.substring(0, operator.length() - 4) : operator);
                for (Object operand : (Iterable<?>) union.get(i)) {
                    operands.add(new Operand(kind, all, (Select<?>) operand));
                }
            }
            Object unionLimit = field(select, "unionLimit");
            Object ownLimit = field(select, "limit");
            return new SetOperationParts(
                    sortFields(field(select, "unionOrderBy")),
                    limitField(unionLimit, "limit"),
                    limitField(unionLimit, "offset"),
                    sortFields(field(select, "orderBy")),
                    limitField(ownLimit, "limit"),
                    limitField(ownLimit, "offset"),
                    operands);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("set operations of this jOOQ version cannot be read", e);
        }
    }

    private SetOperationParts(
            List<? extends SortField<?>> orderBy,
            Field<? extends Number> limit,
            Field<? extends Number> offset,
            List<? extends SortField<?>> ownOrderBy,
            Field<? extends Number> ownLimit,
            Field<? extends Number> ownOffset,
            List<Operand> operands) {
        this(List.copyOf(operands), orderBy, limit, offset, ownOrderBy, ownLimit, ownOffset);
    }

    @SuppressWarnings("unchecked")
    private static List<? extends SortField<?>> sortFields(Object list) {
        return list == null ? List.of() : List.copyOf((List<? extends SortField<?>>) list);
    }

    @SuppressWarnings("unchecked")
    private static Field<? extends Number> limitField(Object limit, String name) throws ReflectiveOperationException {
        return limit == null ? null : (Field<? extends Number>) field(limit, name);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                var field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
