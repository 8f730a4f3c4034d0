package dev.athanor.model.catalog;

/** How an identity column takes its values ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}). */
public enum Identity {
    /** The server always generates the value; an explicit value needs {@code OVERRIDING SYSTEM VALUE}. */
    ALWAYS,
    /** The server generates a value only when none is given. */
    BY_DEFAULT;

    /** Returns the words that follow {@code GENERATED} in DDL. */
    public String sql() {
        return this == ALWAYS ? "ALWAYS" : "BY DEFAULT";
    }
}
