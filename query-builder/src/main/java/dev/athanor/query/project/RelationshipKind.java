package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How many rows on each side of a relationship belong together. */
public enum RelationshipKind {
    /** Many source rows point at one target row ({@code resumes.worker}). */
    @JsonProperty("many-to-one")
    MANY_TO_ONE,
    /** One source row owns many target rows ({@code workers.resumes}). */
    @JsonProperty("one-to-many")
    ONE_TO_MANY,
    /** At most one target row per source row. */
    @JsonProperty("one-to-one")
    ONE_TO_ONE,
    /** Rows meet through an association table ({@code resumes.vacancies_replied} via {@code vacancies_replies}). */
    @JsonProperty("many-to-many")
    MANY_TO_MANY
}
