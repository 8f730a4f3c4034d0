package dev.athanor.app.builder;

import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * An editable AND / OR group of conditions (WHERE, HAVING): rows of {@code left operator right}, nested groups,
 * and NOT on a group. Every completed change hands the whole condition to {@code onChange}.
 */
final class ConditionGroupView extends VBox {
    static final List<String> OPERATORS = List.of(
            "=",
            "<>",
            "<",
            "<=",
            ">",
            ">=",
            "LIKE",
            "NOT LIKE",
            "ILIKE",
            "NOT ILIKE",
            "contains",
            "starts with",
            "ends with",
            "IN",
            "NOT IN",
            "BETWEEN",
            "NOT BETWEEN",
            "IS NULL",
            "IS NOT NULL",
            "SQL");

    private final String idPrefix;
    private final Runnable changed;
    private final Supplier<List<String>> choices;
    private final ComboBox<String> combinator = new ComboBox<>();
    private final CheckBox not = new CheckBox("NOT");
    private final VBox rows = new VBox(4);

    /**
     * A top-level group showing {@code initial} (may be {@code null}).
     *
     * @param choices the expressions to offer as the user types one (the columns in scope and their aggregates)
     */
    static ConditionGroupView root(
            String idPrefix, Predicate initial, Supplier<List<String>> choices, Consumer<Predicate> onChange) {
        var holder = new ConditionGroupView[1];
        holder[0] = new ConditionGroupView(idPrefix, () -> onChange.accept(holder[0].predicate()), choices);
        holder[0].show(initial);
        return holder[0];
    }

    private ConditionGroupView(String idPrefix, Runnable changed, Supplier<List<String>> choices) {
        super(4);
        this.idPrefix = idPrefix;
        this.changed = changed;
        this.choices = choices;
        combinator.getItems().setAll("ALL of (AND)", "ANY of (OR)");
        combinator.getSelectionModel().selectFirst();
        combinator.setId(idPrefix + "-combinator");
        combinator.setOnAction(e -> changed.run());
        not.setId(idPrefix + "-not");
        not.setOnAction(e -> changed.run());
        var addCondition = new Button("+ Condition");
        addCondition.setId(idPrefix + "-add");
        addCondition.setOnAction(
                e -> rows.getChildren().add(new Row(rows.getChildren().size())));
        var addGroup = new Button("+ Group");
        addGroup.setId(idPrefix + "-add-group");
        addGroup.setOnAction(e -> {
            var group =
                    new ConditionGroupView(idPrefix + "-g" + rows.getChildren().size(), changed, choices);
            group.rows.getChildren().add(group.new Row(0));
            rows.getChildren().add(group);
        });
        var header = new HBox(6, combinator, not, addCondition, addGroup);
        header.setAlignment(Pos.CENTER_LEFT);
        rows.setPadding(new Insets(0, 0, 0, 14));
        setPadding(new Insets(4));
        setStyle("-fx-border-color: #c9d3df; -fx-border-radius: 3;");
        getChildren().addAll(header, rows);
    }

    /** Shows {@code predicate}, replacing what the group showed. */
    void show(Predicate predicate) {
        rows.getChildren().clear();
        not.setSelected(false);
        combinator.getSelectionModel().selectFirst();
        if (predicate == null) {
            return;
        }
        Predicate body = predicate;
        if (body instanceof Predicate.Not negated
                && (negated.operand() instanceof Predicate.And || negated.operand() instanceof Predicate.Or)) {
            not.setSelected(true);
            body = negated.operand();
        }
        List<Predicate> operands =
                switch (body) {
                    case Predicate.And and -> and.operands();
                    case Predicate.Or or -> {
                        combinator.getSelectionModel().select(1);
                        yield or.operands();
                    }
                    default -> List.of(body);
                };
        for (var operand : operands) {
            if (operand instanceof Predicate.And
                    || operand instanceof Predicate.Or
                    || operand instanceof Predicate.Not n && !(n.operand() instanceof Predicate.Not)) {
                var group = new ConditionGroupView(
                        idPrefix + "-g" + rows.getChildren().size(), changed, choices);
                if (operand instanceof Predicate.Not n
                        && !(n.operand() instanceof Predicate.And || n.operand() instanceof Predicate.Or)) {
                    group.not.setSelected(true);
                    group.show(n.operand());
                    group.not.setSelected(true);
                } else {
                    group.show(operand);
                }
                rows.getChildren().add(group);
            } else {
                var row = new Row(rows.getChildren().size());
                row.show(operand);
                rows.getChildren().add(row);
            }
        }
    }

    /**
     * Marks the rows that validation problems concern. {@code path} is where this group's condition sits in the
     * model ({@code where}, {@code having.operands[1]}); the paths follow the condition {@link #predicate()} builds.
     */
    void markProblems(
            String path,
            java.util.function.Function<String, List<dev.athanor.query.validate.ValidationProblem>> problemsAt) {
        var complete = new ArrayList<Node>();
        for (Node child : rows.getChildren()) {
            Predicate operand = child instanceof Row row ? row.predicate() : ((ConditionGroupView) child).predicate();
            if (operand != null) {
                complete.add(child);
            }
            if (child instanceof Row row) {
                ProblemMarks.mark(row, List.of());
                row.setStyle("");
            }
        }
        String body = not.isSelected() ? path + ".operand" : path;
        for (int i = 0; i < complete.size(); i++) {
            String childPath = complete.size() == 1 ? body : body + ".operands[" + i + "]";
            if (complete.get(i) instanceof Row row) {
                ProblemMarks.mark(row, problemsAt.apply(childPath));
            } else {
                ((ConditionGroupView) complete.get(i)).markProblems(childPath, problemsAt);
            }
        }
    }

    /** The group's condition, or {@code null} when it has no complete row. */
    Predicate predicate() {
        var operands = new ArrayList<Predicate>();
        for (Node child : rows.getChildren()) {
            Predicate operand = child instanceof Row row ? row.predicate() : ((ConditionGroupView) child).predicate();
            if (operand != null) {
                operands.add(operand);
            }
        }
        if (operands.isEmpty()) {
            return null;
        }
        Predicate body = operands.size() == 1
                ? operands.getFirst()
                : combinator.getSelectionModel().getSelectedIndex() == 1
                        ? new Predicate.Or(operands)
                        : new Predicate.And(operands);
        return not.isSelected() ? new Predicate.Not(body) : body;
    }

    /**
     * One {@code left operator right} condition. The right field holds a value (text, a number, a
     * {@code :parameter}) unless its expression switch is on.
     */
    final class Row extends HBox {
        private final TextField left = new TextField();
        private final ComboBox<String> operator = new ComboBox<>();
        private final TextField right = new TextField();
        private final ToggleButton expression = new ToggleButton("ƒx");
        private Predicate shown;
        private String shownText = "";
        private boolean showing;

        Row(int index) {
            super(4);
            String id = idPrefix + "-" + index;
            setId(id);
            setAlignment(Pos.CENTER_LEFT);
            left.setId(id + "-left");
            left.setPromptText("column or expression");
            Completion.attach(left, choices);
            operator.setId(id + "-operator");
            operator.getItems().setAll(OPERATORS);
            operator.getSelectionModel().selectFirst();
            right.setId(id + "-right");
            expression.setId(id + "-right-expression");
            expression.setTooltip(
                    new Tooltip("Read the right side as an expression (a column, a function)" + " instead of a value"));
            Completion.attach(right, () -> expression.isSelected() ? choices.get() : List.of());
            HBox.setHgrow(left, Priority.ALWAYS);
            HBox.setHgrow(right, Priority.ALWAYS);
            var remove = new Button("−");
            remove.setId(id + "-remove");
            remove.setOnAction(e -> {
                rows.getChildren().remove(this);
                changed.run();
            });
            left.setOnAction(e -> changed.run());
            right.setOnAction(e -> changed.run());
            left.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) changed.run();
            });
            right.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) changed.run();
            });
            expression.selectedProperty().addListener((obs, was, now) -> {
                describeRight();
                if (!showing) {
                    changed.run();
                }
            });
            operator.setOnAction(e -> {
                boolean unary = operator.getValue().startsWith("IS ")
                        || operator.getValue().equals("SQL");
                right.setDisable(unary);
                expression.setDisable(unary);
                changed.run();
            });
            describeRight();
            getChildren()
                    .addAll(
                            left,
                            operator,
                            right,
                            expression,
                            DateTimeEditor.button(id + "-datetime", right, left, changed),
                            remove);
        }

        private void describeRight() {
            right.setPromptText(expression.isSelected() ? "expression: a column, a function" : "value or :parameter");
            right.setTooltip(new Tooltip(
                    expression.isSelected()
                            ? "SQL: r.title, lower(w.username), 'quoted text'"
                            : "Typed text is a value: %Python%, 40000, :name   IN: a, b, c   BETWEEN: low AND high"));
        }

        void show(Predicate predicate) {
            String op;
            String l;
            List<Expression> values = List.of();
            switch (predicate) {
                case Predicate.Comparison c -> {
                    l = ExpressionText.format(c.left());
                    op = c.operator().sql();
                    values = List.of(c.right());
                }
                case Predicate.Like like -> {
                    l = ExpressionText.format(like.value());
                    op = (like.negated() ? "NOT " : "") + (like.ignoreCase() ? "ILIKE" : "LIKE");
                    values = List.of(like.pattern());
                }
                case Predicate.TextMatch match -> {
                    l = ExpressionText.format(match.value());
                    op = match.position().words();
                    values = List.of(match.part());
                }
                case Predicate.InList in -> {
                    l = ExpressionText.format(in.value());
                    op = in.negated() ? "NOT IN" : "IN";
                    values = in.values();
                }
                case Predicate.Between between -> {
                    l = ExpressionText.format(between.value());
                    op = between.negated() ? "NOT BETWEEN" : "BETWEEN";
                    values = List.of(between.low(), between.high());
                }
                case Predicate.IsNull isNull -> {
                    l = ExpressionText.format(isNull.value());
                    op = isNull.negated() ? "IS NOT NULL" : "IS NULL";
                }
                default -> {
                    l = ExpressionText.formatPredicate(predicate);
                    op = "SQL";
                }
            }
            boolean asValues = values.stream().allMatch(ValueText::holdsValue);
            var format = asValues
                    ? (java.util.function.Function<Expression, String>) ValueText::format
                    : (java.util.function.Function<Expression, String>) ExpressionText::format;
            String r = op.endsWith("BETWEEN") && values.size() == 2
                    ? format.apply(values.get(0)) + " AND " + format.apply(values.get(1))
                    : String.join(", ", values.stream().map(format).toList());
            left.setText(l);
            operator.getSelectionModel().select(op);
            right.setText(r);
            showing = true;
            expression.setSelected(!asValues);
            showing = false;
            boolean unary = op.startsWith("IS ") || op.equals("SQL");
            right.setDisable(unary);
            expression.setDisable(unary);
            shown = predicate;
            shownText = fieldsText();
        }

        private String fieldsText() {
            return left.getText() + "\u0000" + operator.getValue() + "\u0000" + right.getText() + "\u0000"
                    + expression.isSelected();
        }

        Predicate predicate() {
            if (shown != null && fieldsText().equals(shownText)) {
                return shown; // untouched: keep the node as it was, even one the fields cannot spell
            }
            String l = left.getText().strip();
            String op = operator.getValue();
            String r = right.getText().strip();
            if (l.isEmpty()) {
                return null;
            }
            if (op.equals("SQL")) {
                return ExpressionText.parsePredicate(l);
            }
            Expression value = ExpressionText.parse(l);
            if (op.startsWith("IS ")) {
                return new Predicate.IsNull(value, op.equals("IS NOT NULL"));
            }
            if (r.isEmpty()) {
                return null;
            }
            boolean negated = op.startsWith("NOT ");
            String bare = negated ? op.substring(4) : op;
            return switch (bare) {
                case "IN" -> new Predicate.InList(value, list(r), negated);
                case "BETWEEN" -> {
                    var range = range(r);
                    yield range.size() == 2 ? new Predicate.Between(value, range.get(0), range.get(1), negated) : null;
                }
                case "LIKE", "ILIKE" -> new Predicate.Like(value, one(r, true), bare.equals("ILIKE"), negated);
                case "contains" -> new Predicate.TextMatch(value, one(r, true), Predicate.TextMatch.Position.CONTAINS);
                case "starts with" ->
                    new Predicate.TextMatch(value, one(r, true), Predicate.TextMatch.Position.STARTS_WITH);
                case "ends with" ->
                    new Predicate.TextMatch(value, one(r, true), Predicate.TextMatch.Position.ENDS_WITH);
                default ->
                    new Predicate.Comparison(
                            value,
                            java.util.Arrays.stream(Predicate.Comparison.Operator.values())
                                    .filter(o -> o.sql().equals(op))
                                    .findFirst()
                                    .orElseThrow(),
                            one(r, false));
            };
        }

        private Expression one(String text, boolean asText) {
            return expression.isSelected() ? ExpressionText.parse(text) : ValueText.parse(text, asText);
        }

        private List<Expression> list(String text) {
            return expression.isSelected() ? ExpressionText.parseList(text) : ValueText.parseList(text);
        }

        private List<Expression> range(String text) {
            if (!expression.isSelected()) {
                return ValueText.parseRange(text);
            }
            var parsed = ExpressionText.parsePredicate("x BETWEEN " + text);
            return parsed instanceof Predicate.Between between ? List.of(between.low(), between.high()) : List.of();
        }
    }

    static Label caption(String text) {
        var label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }
}
