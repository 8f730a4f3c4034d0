package dev.athanor.model.relationship;

/** How many rows on each side of a relationship belong together. */
public enum RelationshipKind {
    /** Many parent rows point at one target row ({@code resumes.worker}). */
    MANY_TO_ONE,
    /** One parent row owns many target rows ({@code workers.resumes}). */
    ONE_TO_MANY,
    /** At most one target row per parent row (a foreign key that is also unique). */
    ONE_TO_ONE,
    /** Rows meet through an association table ({@code resumes.vacancies_replied} via {@code vacancies_replies}). */
    MANY_TO_MANY;

    /** Tells whether the parent holds a list of target rows rather than at most one. */
    public boolean isCollection() {
        return this == ONE_TO_MANY || this == MANY_TO_MANY;
    }
}
