package dev.athanor.app.builder;

import dev.athanor.model.catalog.SqlIdentifiers;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.WindowSpec;
import dev.athanor.query.render.QueryRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text a person types into an expression cell of the builder, read into the query model and written back.
 *
 * <p>The grammar is the everyday part of PostgreSQL expressions: qualified columns, numbers, {@code 'strings'},
 * {@code :parameters}, arithmetic and {@code ||}, function calls, aggregates ({@code count(*)},
 * {@code avg(DISTINCT x)}), casts ({@code ::int} and {@code CAST(x AS int)}) and window calls
 * ({@code avg(x) OVER (PARTITION BY y ORDER BY z DESC)}), dates and times ({@code date '2012-09-01'},
 * {@code interval '1 day'}, {@code extract(month FROM x)}, {@code date_trunc('month', x)}, {@code current_date}).
 * Text beyond it is kept whole as a raw expression, so
 * nothing typed is lost and it still runs.
 */
final class ExpressionText {
    private static final Set<String> AGGREGATES = Set.of(
            "count",
            "sum",
            "avg",
            "min",
            "max",
            "string_agg",
            "array_agg",
            "bool_and",
            "bool_or",
            "every",
            "json_agg",
            "jsonb_agg",
            "stddev",
            "variance");

    private final String text;
    private int at;

    private ExpressionText(String text) {
        this.text = text;
    }

    /** Reads {@code text} as an expression; text the grammar does not cover becomes a raw expression. */
    static Expression parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("An expression cannot be empty");
        }
        var reader = new ExpressionText(trimmed);
        try {
            Expression result = reader.additive();
            reader.skipSpace();
            if (reader.at < trimmed.length()) {
                return new Expression.Raw(trimmed);
            }
            return result;
        } catch (IllegalArgumentException | IndexOutOfBoundsException notCovered) {
            return new Expression.Raw(trimmed);
        }
    }

    /** Reads a comma-separated list of expressions (the values of an IN list, a PARTITION BY...). */
    static List<Expression> parseList(String text) {
        var result = new ArrayList<Expression>();
        for (String part : splitTopLevel(text == null ? "" : text)) {
            if (!part.isBlank()) {
                result.add(parse(part));
            }
        }
        return List.copyOf(result);
    }

    /** Writes {@code expression} the way a person would type it. */
    static String format(Expression expression) {
        return switch (expression) {
            case Expression.Column c -> c.table() == null ? name(c.column()) : name(c.table()) + "." + name(c.column());
            case Expression.Literal l ->
                switch (l.type()) {
                    case NULL -> "NULL";
                    case STRING -> quote(l.text());
                    case NUMBER, BOOLEAN -> l.text();
                    case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL ->
                        l.type().sqlType() + " " + quote(l.text());
                };
            case Expression.Parameter p -> ":" + p.name();
            case Expression.Arithmetic a ->
                operand(a.left()) + " " + a.operator().sql() + " " + operand(a.right());
            case Expression.FunctionCall f when QueryRenderer.isKeywordFunction(f) -> f.name();
            case Expression.FunctionCall f -> f.name() + "(" + formatList(f.arguments()) + ")";
            case Expression.Extract e -> "extract(" + e.field().sql() + " FROM " + format(e.source()) + ")";
            case Expression.DateTrunc t -> "date_trunc('" + t.unit().sql() + "', " + format(t.source()) + ")";
            case Expression.Aggregate g ->
                g.function() + "(" + (g.distinct() ? "DISTINCT " : "")
                        + (g.arguments().isEmpty() ? "*" : formatList(g.arguments())) + ")";
            case Expression.WindowFunction w -> format(w.function()) + " OVER (" + formatWindow(w.window()) + ")";
            case Expression.Cast c -> operand(c.expression()) + "::" + c.type();
            case Expression.Case c -> "CASE … END";
            case Expression.ScalarSubquery s -> "(subquery)";
            case Expression.Raw r -> r.sql();
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String formatList(List<Expression> expressions) {
        return String.join(
                ", ", expressions.stream().map(ExpressionText::format).toList());
    }

    static String formatWindow(WindowSpec window) {
        if (window.name() != null) {
            return window.name();
        }
        var parts = new ArrayList<String>();
        if (!window.partitionBy().isEmpty()) {
            parts.add("PARTITION BY " + formatList(window.partitionBy()));
        }
        if (!window.orderBy().isEmpty()) {
            parts.add("ORDER BY "
                    + String.join(
                            ", ",
                            window.orderBy().stream()
                                    .map(ExpressionText::formatSort)
                                    .toList()));
        }
        return String.join(" ", parts);
    }

    static String formatSort(SortItem item) {
        return format(item.expression()) + (item.direction() == SortItem.Direction.DESC ? " DESC" : "");
    }

    private static String operand(Expression expression) {
        String formatted = format(expression);
        return expression instanceof Expression.Arithmetic ? "(" + formatted + ")" : formatted;
    }

    private static String name(String identifier) {
        return SqlIdentifiers.quote(identifier);
    }

    static List<String> splitTopLevel(String text) {
        var parts = new ArrayList<String>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * Reads a condition: comparisons, {@code [NOT] LIKE / ILIKE}, {@code [NOT] IN (...)}, {@code [NOT] BETWEEN},
     * {@code IS [NOT] NULL}, joined by AND / OR / NOT and parentheses. Text beyond it is kept as a raw condition.
     */
    static Predicate parsePredicate(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A condition cannot be empty");
        }
        var reader = new ExpressionText(trimmed);
        try {
            Predicate result = reader.disjunction();
            reader.skipSpace();
            return reader.at < trimmed.length() ? new Predicate.Raw(trimmed) : result;
        } catch (IllegalArgumentException | IndexOutOfBoundsException notCovered) {
            return new Predicate.Raw(trimmed);
        }
    }

    /** Writes {@code predicate} the way a person would type it. */
    static String formatPredicate(Predicate predicate) {
        return switch (predicate) {
            case Predicate.And and ->
                String.join(
                        " AND ",
                        and.operands().stream().map(ExpressionText::nested).toList());
            case Predicate.Or or ->
                String.join(
                        " OR ",
                        or.operands().stream().map(ExpressionText::nested).toList());
            case Predicate.Not not -> "NOT " + nested(not.operand());
            case Predicate.Comparison c -> format(c.left()) + " " + c.operator().sql() + " " + format(c.right());
            case Predicate.Like l ->
                format(l.value())
                        + (l.negated() ? " NOT" : "")
                        + (l.ignoreCase() ? " ILIKE " : " LIKE ")
                        + format(l.pattern());
            case Predicate.TextMatch m -> format(m.value()) + " " + m.position().words() + " " + format(m.part());
            case Predicate.InList in ->
                format(in.value()) + (in.negated() ? " NOT IN (" : " IN (") + formatList(in.values()) + ")";
            case Predicate.Between b ->
                format(b.value()) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + format(b.low()) + " AND "
                        + format(b.high());
            case Predicate.IsNull n -> format(n.value()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
            case Predicate.InSubquery in ->
                format(in.value()) + (in.negated() ? " NOT IN (subquery)" : " IN (subquery)");
            case Predicate.Exists e -> (e.negated() ? "NOT " : "") + "EXISTS (subquery)";
            case Predicate.Raw r -> r.sql();
        };
    }

    private static String nested(Predicate predicate) {
        String formatted = formatPredicate(predicate);
        return predicate instanceof Predicate.And || predicate instanceof Predicate.Or
                ? "(" + formatted + ")"
                : formatted;
    }

    private Predicate disjunction() {
        var operands = new ArrayList<Predicate>();
        operands.add(conjunction());
        skipSpace();
        while (peekKeyword("or")) {
            keyword("or");
            operands.add(conjunction());
            skipSpace();
        }
        return operands.size() == 1 ? operands.getFirst() : new Predicate.Or(operands);
    }

    private Predicate conjunction() {
        var operands = new ArrayList<Predicate>();
        operands.add(negation());
        skipSpace();
        while (peekKeyword("and")) {
            keyword("and");
            operands.add(negation());
            skipSpace();
        }
        return operands.size() == 1 ? operands.getFirst() : new Predicate.And(operands);
    }

    private Predicate negation() {
        skipSpace();
        if (peekKeyword("not")) {
            keyword("not");
            return new Predicate.Not(negation());
        }
        if (peek("(")) {
            int start = at;
            try {
                at++;
                Predicate inner = disjunction();
                expect(")");
                return inner;
            } catch (IllegalArgumentException | IndexOutOfBoundsException expression) {
                at = start; // a parenthesised expression, as in (a + b) > 3
            }
        }
        return test();
    }

    private Predicate test() {
        Expression left = additive();
        skipSpace();
        for (var operator : List.of(
                Predicate.Comparison.Operator.NE,
                Predicate.Comparison.Operator.LE,
                Predicate.Comparison.Operator.GE,
                Predicate.Comparison.Operator.EQ,
                Predicate.Comparison.Operator.LT,
                Predicate.Comparison.Operator.GT)) {
            if (peek(operator.sql())) {
                at += operator.sql().length();
                return new Predicate.Comparison(left, operator, additive());
            }
        }
        if (peek("!=")) {
            at += 2;
            return new Predicate.Comparison(left, Predicate.Comparison.Operator.NE, additive());
        }
        if (peekKeyword("is")) {
            keyword("is");
            skipSpace();
            boolean negated = false;
            if (peekKeyword("not")) {
                keyword("not");
                negated = true;
            }
            keyword("null");
            return new Predicate.IsNull(left, negated);
        }
        boolean negated = false;
        if (peekKeyword("not")) {
            keyword("not");
            skipSpace();
            negated = true;
        }
        if (peekKeyword("like") || peekKeyword("ilike")) {
            boolean ignoreCase = peekKeyword("ilike");
            keyword(ignoreCase ? "ilike" : "like");
            return new Predicate.Like(left, additive(), ignoreCase, negated);
        }
        if (peekKeyword("in")) {
            keyword("in");
            expect("(");
            var values = new ArrayList<Expression>();
            values.add(additive());
            skipSpace();
            while (peek(",")) {
                at++;
                values.add(additive());
                skipSpace();
            }
            expect(")");
            return new Predicate.InList(left, values, negated);
        }
        if (peekKeyword("between")) {
            keyword("between");
            Expression low = additive();
            keyword("and");
            return new Predicate.Between(left, low, additive(), negated);
        }
        throw new IllegalArgumentException("condition expected");
    }

    // additive := multiplicative (('+' | '-' | '||') multiplicative)*
    private Expression additive() {
        Expression left = multiplicative();
        while (true) {
            skipSpace();
            if (peek("||")) {
                at += 2;
                left = new Expression.Arithmetic(left, Expression.Arithmetic.Operator.CONCAT, multiplicative());
            } else if (peek("+")) {
                at++;
                left = new Expression.Arithmetic(left, Expression.Arithmetic.Operator.ADD, multiplicative());
            } else if (peek("-")) {
                at++;
                left = new Expression.Arithmetic(left, Expression.Arithmetic.Operator.SUBTRACT, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expression multiplicative() {
        Expression left = castable();
        while (true) {
            skipSpace();
            Expression.Arithmetic.Operator operator;
            if (peek("*")) {
                operator = Expression.Arithmetic.Operator.MULTIPLY;
            } else if (peek("/")) {
                operator = Expression.Arithmetic.Operator.DIVIDE;
            } else if (peek("%")) {
                operator = Expression.Arithmetic.Operator.MODULO;
            } else {
                return left;
            }
            at++;
            left = new Expression.Arithmetic(left, operator, castable());
        }
    }

    private Expression castable() {
        Expression value = primary();
        while (true) {
            skipSpace();
            if (peek("::")) {
                at += 2;
                value = new Expression.Cast(value, typeName());
            } else {
                return value;
            }
        }
    }

    private Expression primary() {
        skipSpace();
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            Expression inner = additive();
            expect(")");
            return inner;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = at;
            at++;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            return new Expression.Literal(Expression.Literal.Type.NUMBER, text.substring(start, at));
        }
        if (c == '\'') {
            return new Expression.Literal(Expression.Literal.Type.STRING, quoted());
        }
        if (c == ':') {
            at++;
            return new Expression.Parameter(identifier(), null);
        }
        String first = identifier();
        String lower = first.toLowerCase(Locale.ROOT);
        skipSpace();
        if (peek("(")) {
            at++;
            return call(first);
        }
        var temporal = temporalType(lower);
        if (temporal != null) {
            skipSpace();
            if (peek("'")) {
                return new Expression.Literal(temporal, quoted());
            }
        }
        if (QueryRenderer.isKeywordFunction(Expression.function(lower))) {
            return Expression.function(lower);
        }
        switch (lower) {
            case "null" -> {
                return Expression.Literal.nullValue();
            }
            case "true", "false" -> {
                return Expression.Literal.bool(lower.equals("true"));
            }
            default -> {}
        }
        if (peek(".")) {
            at++;
            return new Expression.Column(first, identifier());
        }
        return new Expression.Column(null, first);
    }

    /** The temporal literal type a keyword introduces ({@code date '...'}), reading {@code with time zone}. */
    private Expression.Literal.Type temporalType(String keyword) {
        return switch (keyword) {
            case "date" -> Expression.Literal.Type.DATE;
            case "time" -> Expression.Literal.Type.TIME;
            case "interval" -> Expression.Literal.Type.INTERVAL;
            case "timestamptz" -> Expression.Literal.Type.TIMESTAMPTZ;
            case "timestamp" -> {
                skipSpace();
                if (!peekKeyword("with")) {
                    yield Expression.Literal.Type.TIMESTAMP;
                }
                keyword("with");
                keyword("time");
                keyword("zone");
                yield Expression.Literal.Type.TIMESTAMPTZ;
            }
            default -> null;
        };
    }

    /** A quoted string at the cursor, with {@code ''} read as one quote. */
    private String quoted() {
        var value = new StringBuilder();
        at++;
        while (true) {
            char next = text.charAt(at++);
            if (next == '\'') {
                if (at < text.length() && text.charAt(at) == '\'') {
                    value.append('\'');
                    at++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(next);
            }
        }
    }

    private Expression call(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("extract")) {
            var field = Expression.Extract.Field.valueOf(identifier().toUpperCase(Locale.ROOT));
            keyword("from");
            Expression source = additive();
            expect(")");
            return new Expression.Extract(field, source);
        }
        if (lower.equals("date_trunc")) {
            skipSpace();
            var unit = Expression.DateTrunc.Unit.valueOf(quoted().strip().toUpperCase(Locale.ROOT));
            expect(",");
            Expression source = additive();
            expect(")");
            return new Expression.DateTrunc(unit, source);
        }
        if (lower.equals("cast")) {
            Expression value = additive();
            skipSpace();
            keyword("as");
            String type = typeName();
            expect(")");
            return new Expression.Cast(value, type);
        }
        boolean distinct = false;
        var arguments = new ArrayList<Expression>();
        skipSpace();
        if (AGGREGATES.contains(lower) && peekKeyword("distinct")) {
            keyword("distinct");
            distinct = true;
        }
        skipSpace();
        if (peek("*")) {
            at++;
            skipSpace();
        } else if (!peek(")")) {
            arguments.add(additive());
            skipSpace();
            while (peek(",")) {
                at++;
                arguments.add(additive());
                skipSpace();
            }
        }
        expect(")");
        Expression function = AGGREGATES.contains(lower)
                ? new Expression.Aggregate(lower, distinct, arguments, null)
                : new Expression.FunctionCall(lower, arguments);
        skipSpace();
        if (peekKeyword("over")) {
            keyword("over");
            expect("(");
            var partitionBy = new ArrayList<Expression>();
            var orderBy = new ArrayList<SortItem>();
            skipSpace();
            if (peekKeyword("partition")) {
                keyword("partition");
                keyword("by");
                do {
                    skipSpace();
                    if (peek(",")) {
                        at++;
                    }
                    partitionBy.add(additive());
                    skipSpace();
                } while (peek(","));
            }
            if (peekKeyword("order")) {
                keyword("order");
                keyword("by");
                do {
                    skipSpace();
                    if (peek(",")) {
                        at++;
                    }
                    Expression sortKey = additive();
                    skipSpace();
                    var direction = SortItem.Direction.ASC;
                    if (peekKeyword("desc")) {
                        keyword("desc");
                        direction = SortItem.Direction.DESC;
                    } else if (peekKeyword("asc")) {
                        keyword("asc");
                    }
                    orderBy.add(new SortItem(sortKey, direction, SortItem.Nulls.DEFAULT));
                    skipSpace();
                } while (peek(","));
            }
            expect(")");
            return new Expression.WindowFunction(function, new WindowSpec(null, partitionBy, orderBy, null));
        }
        return function;
    }

    private String typeName() {
        skipSpace();
        int start = at;
        while (at < text.length()
                && (Character.isLetterOrDigit(text.charAt(at)) || "_.[]".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("type expected");
        }
        return text.substring(start, at);
    }

    private String identifier() {
        skipSpace();
        if (peek("\"")) {
            int close = text.indexOf('"', at + 1);
            String name = text.substring(at + 1, close);
            at = close + 1;
            return name;
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("name expected");
        }
        return text.substring(start, at).toLowerCase(Locale.ROOT);
    }

    private void keyword(String word) {
        skipSpace();
        if (!peekKeyword(word)) {
            throw new IllegalArgumentException(word + " expected");
        }
        at += word.length();
    }

    private boolean peekKeyword(String word) {
        return text.regionMatches(true, at, word, 0, word.length())
                && (at + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(at + word.length())));
    }

    private void expect(String token) {
        skipSpace();
        if (!peek(token)) {
            throw new IllegalArgumentException(token + " expected");
        }
        at += token.length();
    }

    private boolean peek(String token) {
        return text.startsWith(token, at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
