package dev.athanor.model.catalog;

/** What a foreign key does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** Returns the action as written in DDL ({@code SET NULL}). */
    public String sql() {
        return sql;
    }

    static ReferentialAction of(String code) {
        return switch (code) {
            case "r" -> RESTRICT;
            case "c" -> CASCADE;
            case "n" -> SET_NULL;
            case "d" -> SET_DEFAULT;
            default -> NO_ACTION;
        };
    }
}
