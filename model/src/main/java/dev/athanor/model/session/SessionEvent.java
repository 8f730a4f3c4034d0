package dev.athanor.model.session;

import java.util.Objects;

/**
 * Something that changed in a session, for a UI that shows it.
 *
 * @param kind what happened
 * @param row the row concerned; null for events of the whole session
 * @param detail the column changed, the old and new state ({@code pending -> persistent}), the new transaction
 *     state, or the number of statements flushed
 */
public record SessionEvent(Kind kind, Row row, String detail) {

    public SessionEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** What happened. */
    public enum Kind {
        /** A row moved from one object state to another (detail: {@code from -> to}). */
        STATE_CHANGED,
        /** An attribute got a new, un-flushed value (detail: the column). */
        ATTRIBUTE_CHANGED,
        /** Attributes were expired (detail: the columns, or {@code *}). */
        EXPIRED,
        /** Attributes were read from the database (detail: how many). */
        LOADED,
        /** A flush sent its statements (detail: how many). */
        FLUSHED,
        /** The transaction began, committed, rolled back or failed (detail: the new {@link TransactionState}). */
        TRANSACTION,
        /** A relationship of the row was loaded (detail: the relationship's qualified name); null row for many. */
        RELATIONSHIP_LOADED,
        /** Repeated lazy loads of one relationship (detail: the {@link NPlusOneWarning#message()}). */
        N_PLUS_ONE
    }
}
