package dev.athanor.model.session;

/** Work was asked of a session whose last flush failed: {@link Session#rollback()} must come first. */
public final class PendingRollbackException extends IllegalStateException {
    PendingRollbackException(Throwable cause) {
        super(
                "The last flush failed and its transaction was rolled back; roll back the session before more work"
                        + " (your changes stay as typed until then). Cause: "
                        + (cause == null ? "unknown" : cause.getMessage()),
                cause);
    }
}
