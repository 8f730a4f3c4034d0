package dev.athanor.model.catalog;

/** The sort of data type a column has, from {@code pg_type.typtype} (arrays are told apart by category). */
public enum TypeKind {
    BASE,
    ARRAY,
    ENUM,
    DOMAIN,
    COMPOSITE,
    RANGE,
    MULTIRANGE,
    PSEUDO;

    static TypeKind of(String typtype, String typcategory) {
        return switch (typtype) {
            case "e" -> ENUM;
            case "d" -> DOMAIN;
            case "c" -> COMPOSITE;
            case "r" -> RANGE;
            case "m" -> MULTIRANGE;
            case "p" -> PSEUDO;
            default -> "A".equals(typcategory) ? ARRAY : BASE;
        };
    }
}
