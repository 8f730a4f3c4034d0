package dev.athanor.app.window;

import dev.athanor.app.connect.ConnectionChoice;
import java.util.List;

/**
 * The window asks before it leaves a database with work that leaving would end: commit it, roll it back, or stay.
 *
 * @param from the database the window is connected to
 * @param to the one the user chose, or {@code null} when the user is closing the window
 * @param pending what would be lost, one sentence per pane
 */
public record LeaveQuestion(ConnectionChoice from, ConnectionChoice to, List<String> pending) {

    public LeaveQuestion {
        pending = List.copyOf(pending);
    }

    /** True when the window is closing rather than switching to another database. */
    public boolean closing() {
        return to == null;
    }
}
