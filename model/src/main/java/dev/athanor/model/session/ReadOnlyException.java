package dev.athanor.model.session;

/** A change was asked of a relation or column that takes none; the message says why, in plain words. */
public final class ReadOnlyException extends IllegalStateException {
    ReadOnlyException(String reason) {
        super(reason);
    }
}
