package dev.athanor.app.task;

/** A result that nobody will receive: a superseded or cancelled job's, closed so that it does not leak. */
final class Unclaimed {
    private Unclaimed() {}

    /** Closes {@code result} when it is {@link AutoCloseable}; a failure to close is nobody's to report either. */
    static void close(Object result) {
        if (result instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the job was cancelled: its outcome, closing included, is no longer anyone's concern
            }
        }
    }
}
