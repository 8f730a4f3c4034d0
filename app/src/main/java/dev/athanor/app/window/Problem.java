package dev.athanor.app.window;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure as the user sees it: a title and a sentence in plain words, with the technical details (SQLSTATE,
 * server message, stack trace) kept one click away.
 *
 * @param title short headline, e.g. "Wrong password"
 * @param message what happened and what to do, in plain words
 * @param details the technical account, shown only on request
 */
public record Problem(String title, String message, String details) {

    /** Describes an unexpected failure that carries no user-facing message of its own. */
    public static Problem unexpected(String whatFailed, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new Problem(whatFailed, firstLine(reason), stackTrace(failure));
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    static String stackTrace(Throwable failure) {
        var out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
