package dev.athanor.app.builder;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.model.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The fields of the Windows panel read into a window function of the query model. */
final class WindowText {
    private static final Set<String> AGGREGATES = Set.of("avg", "sum", "count", "min", "max");

    private WindowText() {}

    /** {@code function(argument)}: an aggregate (avg, sum...) or a window function (row_number, lag...). */
    static Expression call(String function, String argument) {
        String name = function.strip().toLowerCase(Locale.ROOT);
        List<Expression> arguments =
                argument == null || argument.isBlank() ? List.of() : ExpressionText.parseList(argument);
        return AGGREGATES.contains(name)
                ? new Expression.Aggregate(name, false, arguments, null)
                : new Expression.FunctionCall(name, arguments);
    }

    /** {@code PARTITION BY .. ORDER BY .. frame} from the typed parts; each may be blank. */
    static WindowSpec window(String partitionBy, String orderBy, String frame) {
        var partition = partitionBy == null ? List.<Expression>of() : ExpressionText.parseList(partitionBy);
        var order = new ArrayList<SortItem>();
        if (orderBy != null) {
            for (var key : orderBy.split(",")) {
                String text = key.strip();
                if (text.isEmpty()) {
                    continue;
                }
                var direction = SortItem.Direction.ASC;
                String upper = text.toUpperCase(Locale.ROOT);
                if (upper.endsWith(" DESC")) {
                    direction = SortItem.Direction.DESC;
                    text = text.substring(0, text.length() - 5);
                } else if (upper.endsWith(" ASC")) {
                    text = text.substring(0, text.length() - 4);
                }
                order.add(new SortItem(ExpressionText.parse(text), direction, SortItem.Nulls.DEFAULT));
            }
        }
        return new WindowSpec(null, partition, order, frame(frame));
    }

    /**
     * Reads {@code ROWS|RANGE|GROUPS [BETWEEN] bound [AND bound]} where a bound is {@code UNBOUNDED PRECEDING},
     * {@code n PRECEDING}, {@code CURRENT ROW}, {@code n FOLLOWING} or {@code UNBOUNDED FOLLOWING}; blank for the
     * default frame.
     */
    static WindowSpec.Frame frame(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var words = List.of(text.strip().toUpperCase(Locale.ROOT).split("\\s+"));
        var unit = WindowSpec.Frame.Unit.valueOf(words.getFirst());
        int at = 1;
        boolean between = at < words.size() && words.get(at).equals("BETWEEN");
        if (between) {
            at++;
        }
        int and = words.indexOf("AND");
        var start = bound(words.subList(at, between && and > 0 ? and : words.size()));
        var end = between && and > 0 ? bound(words.subList(and + 1, words.size())) : null;
        return new WindowSpec.Frame(unit, start, end);
    }

    private static WindowSpec.Bound bound(List<String> words) {
        String joined = String.join(" ", words);
        return switch (joined) {
            case "UNBOUNDED PRECEDING" -> WindowSpec.Bound.unboundedPreceding();
            case "UNBOUNDED FOLLOWING" -> WindowSpec.Bound.unboundedFollowing();
            case "CURRENT ROW" -> WindowSpec.Bound.currentRow();
            default -> {
                if (words.size() == 2 && words.get(1).equals("PRECEDING")) {
                    yield WindowSpec.Bound.preceding(Integer.parseInt(words.getFirst()));
                }
                if (words.size() == 2 && words.get(1).equals("FOLLOWING")) {
                    yield WindowSpec.Bound.following(Integer.parseInt(words.getFirst()));
                }
                throw new IllegalArgumentException("Not a frame bound: " + joined);
            }
        };
    }
}
