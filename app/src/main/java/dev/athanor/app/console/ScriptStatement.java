package dev.athanor.app.console;

/**
 * One statement of a script, without its terminating semicolon.
 *
 * @param text the statement as the server receives it (before parameters are bound)
 * @param start offset of the statement's first character in the script
 * @param end offset just past its last character in the script
 */
public record ScriptStatement(String text, int start, int end) {}
