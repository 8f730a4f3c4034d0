package dev.athanor.model.session;

/** What a flush statement does to one row. */
public enum Operation {
    INSERT,
    UPDATE,
    DELETE
}
