package dev.athanor.app.builder;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Undo and redo over immutable values: each edit pushes the whole previous value, which is cheap because the
 * values share their unchanged parts.
 *
 * @param <T> the immutable value edited
 */
final class EditHistory<T> {
    private static final int LIMIT = 500;

    private final ReadOnlyObjectWrapper<T> current;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    EditHistory(T initial) {
        current = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initial));
    }

    ReadOnlyObjectProperty<T> currentProperty() {
        return current.getReadOnlyProperty();
    }

    T current() {
        return current.get();
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Makes {@code next} current; an edit that changes nothing is not recorded. */
    void push(T next) {
        Objects.requireNonNull(next);
        if (next.equals(current.get())) {
            return;
        }
        undo.push(current.get());
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current.set(next);
        update();
    }

    /** Starts over from {@code value}, forgetting every earlier version (a newly opened query). */
    void reset(T value) {
        undo.clear();
        redo.clear();
        current.set(Objects.requireNonNull(value));
        update();
    }

    boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(current.get());
        current.set(undo.pop());
        update();
        return true;
    }

    boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(current.get());
        current.set(redo.pop());
        update();
        return true;
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
