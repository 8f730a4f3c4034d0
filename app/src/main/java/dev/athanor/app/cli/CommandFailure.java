package dev.athanor.app.cli;

import java.io.Serial;

/** A command stops with {@link #status()} and prints {@link #getMessage()} (a sentence for people) on stderr. */
final class CommandFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    CommandFailure(ExitStatus status, String message) {
        this(status, message, null);
    }

    CommandFailure(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    ExitStatus status() {
        return status;
    }
}
