package dev.athanor.app.console;

import dev.athanor.app.results.ResultsModel;

/**
 * The rows one statement of a run returned, streaming from its own cursor.
 *
 * @param number the statement's place in the run, from 1
 * @param sql the statement as written (the tab's tooltip)
 * @param title the tab's title: the number and the statement's first words
 * @param rows the grid's model, which owns the statement's cursor until the next run closes it
 */
public record StatementResult(int number, String sql, String title, ResultsModel rows) {}
