package dev.athanor.app.builder;

import dev.athanor.query.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
            "IN",
            "NOT IN",
            "BETWEEN",
            "NOT BETWEEN",
            "IS NULL",
            "IS NOT NULL",
            "SQL");

    private final String idPrefix;
    private final Runnable changed;
    private final ComboBox<String> combinator = new ComboBox<>();
    private final CheckBox not = new CheckBox("NOT");
    private final VBox rows = new VBox(4);

    /** A top-level group showing {@code initial} (may be {@code null}). */
    static ConditionGroupView root(String idPrefix, Predicate initial, Consumer<Predicate> onChange) {
        var holder = new ConditionGroupView[1];
        holder[0] = new ConditionGroupView(idPrefix, () -> onChange.accept(holder[0].predicate()));
        holder[0].show(initial);
        return holder[0];
    }

    private ConditionGroupView(String idPrefix, Runnable changed) {
        super(4);
        this.idPrefix = idPrefix;
        this.changed = changed;
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
                    new ConditionGroupView(idPrefix + "-g" + rows.getChildren().size(), changed);
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
                        idPrefix + "-g" + rows.getChildren().size(), changed);
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

    /** One {@code left operator right} condition. */
    final class Row extends HBox {
        private final TextField left = new TextField();
        private final ComboBox<String> operator = new ComboBox<>();
        private final TextField right = new TextField();
        private Predicate shown;
        private String shownText = "";

        Row(int index) {
            super(4);
            String id = idPrefix + "-" + index;
            setId(id);
            setAlignment(Pos.CENTER_LEFT);
            left.setId(id + "-left");
            left.setPromptText("column or expression");
            operator.setId(id + "-operator");
            operator.getItems().setAll(OPERATORS);
            operator.getSelectionModel().selectFirst();
            right.setId(id + "-right");
            right.setPromptText("value, 'text', :parameter");
            right.setTooltip(new Tooltip("IN: a, b, c   BETWEEN: low AND high   a parameter: :name"));
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
            operator.setOnAction(e -> {
                boolean unary = operator.getValue().startsWith("IS ")
                        || operator.getValue().equals("SQL");
                right.setDisable(unary);
                changed.run();
            });
            getChildren()
                    .addAll(
                            left,
                            operator,
                            right,
                            DateTimeEditor.button(id + "-datetime", right, left, changed),
                            remove);
        }

        void show(Predicate predicate) {
            String op;
            String l;
            String r = "";
            switch (predicate) {
                case Predicate.Comparison c -> {
                    l = ExpressionText.format(c.left());
                    op = c.operator().sql();
                    r = ExpressionText.format(c.right());
                }
                case Predicate.Like like -> {
                    l = ExpressionText.format(like.value());
                    op = (like.negated() ? "NOT " : "") + (like.ignoreCase() ? "ILIKE" : "LIKE");
                    r = ExpressionText.format(like.pattern());
                }
                case Predicate.InList in -> {
                    l = ExpressionText.format(in.value());
                    op = in.negated() ? "NOT IN" : "IN";
                    r = ExpressionText.formatList(in.values());
                }
                case Predicate.Between between -> {
                    l = ExpressionText.format(between.value());
                    op = between.negated() ? "NOT BETWEEN" : "BETWEEN";
                    r = ExpressionText.format(between.low()) + " AND " + ExpressionText.format(between.high());
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
            left.setText(l);
            operator.getSelectionModel().select(op);
            right.setText(r);
            right.setDisable(op.startsWith("IS ") || op.equals("SQL"));
            shown = predicate;
            shownText = fieldsText();
        }

        private String fieldsText() {
            return left.getText() + "\u0000" + operator.getValue() + "\u0000" + right.getText();
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
            if (op.startsWith("IS ")) {
                return ExpressionText.parsePredicate(l + " " + op);
            }
            if (r.isEmpty()) {
                return null;
            }
            if (op.endsWith("IN")) {
                return ExpressionText.parsePredicate(l + " " + op + " (" + r + ")");
            }
            return ExpressionText.parsePredicate(l + " " + op + " " + r);
        }
    }

    static Label caption(String text) {
        var label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }
}
