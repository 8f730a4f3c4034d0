package dev.athanor.query.validate;

import dev.athanor.query.model.Expression;
import dev.athanor.query.validate.ValidationProblem.Kind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** A column compared with a constant it can never equal: PostgreSQL rejects the query or the value. */
final class TypeCheck {
    private static final Pattern NUMERIC_TYPE =
            Pattern.compile("(smallint|integer|bigint|numeric|decimal|real|double precision)(\\(.*\\))?");
    private static final Pattern TEXT_TYPE =
            Pattern.compile("(text|character varying|varchar|character|char|name|citext)(\\(.*\\))?");

    private TypeCheck() {}

    /** Reports at {@code path} when {@code columnSide} is a column whose type {@code valueSide}, a constant, misses. */
    static void compare(Expression columnSide, Expression valueSide, String path, Scope scope, Findings findings) {
        if (!(columnSide instanceof Expression.Column column) || !(valueSide instanceof Expression.Literal literal)) {
            return;
        }
        var info = scope.resolve(column);
        if (info == null || info.type().isEmpty()) {
            return;
        }
        String type = info.type().toLowerCase(Locale.ROOT);
        String name = column.column();
        if (!info.enumLabels().isEmpty()
                && literal.type() == Expression.Literal.Type.STRING
                && !info.enumLabels().contains(literal.text())) {
            findings.add(
                    Kind.TYPE_MISMATCH,
                    path,
                    name + " is a " + info.type() + "; '" + literal.text() + "' is not one of its values ("
                            + String.join(", ", info.enumLabels()) + ").");
        } else if (!info.enumLabels().isEmpty() && literal.type() == Expression.Literal.Type.NUMBER) {
            findings.add(
                    Kind.TYPE_MISMATCH,
                    path,
                    name + " is a " + info.type() + "; compare it with one of its values ("
                            + String.join(", ", info.enumLabels()) + "), not a number.");
        } else if (NUMERIC_TYPE.matcher(type).matches()
                && literal.type() == Expression.Literal.Type.STRING
                && !isNumber(literal.text())) {
            findings.add(
                    Kind.TYPE_MISMATCH,
                    path,
                    name + " holds numbers (" + info.type() + "); '" + literal.text() + "' is not a number.");
        } else if (TEXT_TYPE.matcher(type).matches() && literal.type() == Expression.Literal.Type.NUMBER) {
            findings.add(
                    Kind.TYPE_MISMATCH,
                    path,
                    name + " holds text (" + info.type() + "); write the number as text in quotes: '" + literal.text()
                            + "'.");
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
