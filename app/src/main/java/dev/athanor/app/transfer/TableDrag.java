package dev.athanor.app.transfer;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/**
 * How a table travels by drag and drop from the schema tree to the query builder's canvas: as its {@code
 * schema.table} name, in a format of its own and as plain text (so other applications see the name too). Kept
 * below both features so neither depends on the other.
 */
public final class TableDrag {
    /** The drag-and-drop format of a table: its {@code schema.table} name. */
    public static final DataFormat FORMAT = format();

    private TableDrag() {}

    /** What a drag of table {@code schema.name} carries. */
    public static ClipboardContent content(String schema, String name) {
        var content = new ClipboardContent();
        content.put(FORMAT, schema + "." + name);
        content.putString(schema + "." + name);
        return content;
    }

    /** Whether a drop of {@code board} may be a table. */
    public static boolean mayHoldTable(Dragboard board) {
        return board.hasContent(FORMAT) || board.hasString();
    }

    /** The {@code schema.table} name {@code board} carries, or {@code null} when it carries no qualified name. */
    public static String qualifiedName(Dragboard board) {
        Object content = board.hasContent(FORMAT) ? board.getContent(FORMAT) : board.getString();
        return content instanceof String qualified && qualified.contains(".") ? qualified : null;
    }

    private static DataFormat format() {
        // A DataFormat's MIME type may be registered only once per JVM (tests build several canvases).
        var existing = DataFormat.lookupMimeType("application/x-athanor-table");
        return existing != null ? existing : new DataFormat("application/x-athanor-table");
    }
}
