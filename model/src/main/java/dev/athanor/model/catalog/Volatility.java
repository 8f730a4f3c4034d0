package dev.athanor.model.catalog;

/** What a function promises about its results ({@code pg_proc.provolatile}). */
public enum Volatility {
    IMMUTABLE,
    STABLE,
    VOLATILE;

    static Volatility of(String code) {
        return switch (code) {
            case "i" -> IMMUTABLE;
            case "s" -> STABLE;
            default -> VOLATILE;
        };
    }
}
