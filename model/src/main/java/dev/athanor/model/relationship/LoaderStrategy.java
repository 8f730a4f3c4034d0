package dev.athanor.model.relationship;

import java.util.Arrays;
import java.util.Optional;

/** How the rows of a relationship are loaded, named as SQLAlchemy's {@code lazy=} names them. */
public enum LoaderStrategy {
    /** One SELECT per parent on first access (the N+1 pattern). */
    LAZY("select"),
    /** A LEFT OUTER JOIN in the parent query. */
    JOINED("joined"),
    /** A second SELECT with {@code WHERE key IN (...)}, at most 500 keys per statement. */
    SELECTIN("selectin"),
    /** The parent query repeated as a subquery and joined. */
    SUBQUERY("subquery"),
    /** Accessing the relationship is an error instead of a load. */
    RAISE("raise"),
    /** Filled from the user's own join in the parent query. */
    CONTAINS_EAGER("contains_eager");

    private final String sqlAlchemyName;

    LoaderStrategy(String sqlAlchemyName) {
        this.sqlAlchemyName = sqlAlchemyName;
    }

    /** The name SQLAlchemy gives the strategy ({@code relationship(lazy="selectin")}); {@code select} for lazy. */
    public String sqlAlchemyName() {
        return sqlAlchemyName;
    }

    /** The name people and the command line use: {@code lazy}, {@code joined}, {@code contains_eager}... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Finds a strategy by its label or SQLAlchemy name, ignoring case. */
    public static Optional<LoaderStrategy> byName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.label().equalsIgnoreCase(name) || s.sqlAlchemyName.equalsIgnoreCase(name))
                .findFirst();
    }
}
