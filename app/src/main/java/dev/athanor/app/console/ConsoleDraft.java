package dev.athanor.app.console;

import java.util.List;

/**
 * What the user wrote and ran in a console, kept while the window works on another connection.
 *
 * @param script the editor's text
 * @param history the statements run, newest first
 */
public record ConsoleDraft(String script, List<HistoryEntry> history) {

    public ConsoleDraft {
        history = List.copyOf(history);
    }
}
