package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the rows of a relationship are loaded when the parent rows are. */
public enum LoaderStrategy {
    /** One SELECT per parent on first access (the N+1 pattern). */
    @JsonProperty("lazy")
    LAZY,
    /** A LEFT OUTER JOIN in the parent query. */
    @JsonProperty("joined")
    JOINED,
    /** A second SELECT with {@code WHERE key IN (...)}. */
    @JsonProperty("selectin")
    SELECTIN,
    /** The parent query repeated as a subquery and joined. */
    @JsonProperty("subquery")
    SUBQUERY,
    /** Accessing the relationship is an error instead of a load. */
    @JsonProperty("raise")
    RAISE,
    /** Filled from the user's own join in the parent query. */
    @JsonProperty("contains_eager")
    CONTAINS_EAGER
}
