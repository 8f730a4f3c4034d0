package dev.athanor.app.builder;

import dev.athanor.query.model.Predicate;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.layout.VBox;

/** WHERE (or HAVING) as an editable group of conditions, kept in step with the model through undo and scope. */
final class FiltersPanel extends VBox {
    private final Supplier<Predicate> current;
    private final String idPrefix;
    private final Consumer<Predicate> apply;
    private Predicate shown;
    private ConditionGroupView group;
    private final QueryBuilderModel model;

    FiltersPanel(
            QueryBuilderModel model,
            String idPrefix,
            String caption,
            Supplier<Predicate> current,
            Consumer<Predicate> apply) {
        super(6);
        this.current = current;
        this.idPrefix = idPrefix;
        this.apply = apply;
        this.model = model;
        setPadding(new Insets(8));
        getChildren().add(ConditionGroupView.caption(caption));
        model.scopeQueryProperty().addListener((obs, old, now) -> sync());
        model.problems().addListener((javafx.collections.ListChangeListener<Object>) change -> mark());
        rebuild();
    }

    private void sync() {
        if (!Objects.equals(shown, current.get())) {
            rebuild();
        }
    }

    private void rebuild() {
        shown = current.get();
        group = ConditionGroupView.root(idPrefix, shown, model::expressionChoices, predicate -> {
            if (!Objects.equals(predicate, current.get())) {
                shown = predicate;
                apply.accept(predicate);
            }
        });
        if (getChildren().size() > 1) {
            getChildren().set(1, group);
        } else {
            getChildren().add(group);
        }
        mark();
    }

    private void mark() {
        if (group != null) {
            group.markProblems(idPrefix, model::problemsAt);
        }
    }
}
