package dev.athanor.app.schema;

/** The kinds of schema objects the tree groups into folders, in the order the folders appear. */
public enum ObjectKind {
    TABLE("Tables", KindIcon.TABLE),
    VIEW("Views", KindIcon.VIEW),
    MATERIALIZED_VIEW("Materialized views", KindIcon.MATERIALIZED_VIEW),
    SEQUENCE("Sequences", KindIcon.SEQUENCE),
    ENUM("Enums", KindIcon.ENUM),
    DOMAIN("Domains", KindIcon.DOMAIN),
    FUNCTION("Functions", KindIcon.FUNCTION);

    private final String folderName;
    private final KindIcon icon;

    ObjectKind(String folderName, KindIcon icon) {
        this.folderName = folderName;
        this.icon = icon;
    }

    /** Name of the tree folder holding objects of this kind. */
    public String folderName() {
        return folderName;
    }

    public KindIcon icon() {
        return icon;
    }

    /** Whether objects of this kind have columns (and so a Columns tab and column children). */
    public boolean hasColumns() {
        return this == TABLE || this == VIEW || this == MATERIALIZED_VIEW;
    }
}
