package dev.athanor.app.results;

import java.text.NumberFormat;
import java.util.HexFormat;
import java.util.Locale;

/** How values look in the grid, in the full-value viewer and on the clipboard. */
public final class CellText {
    /** Cells show at most this many characters of a text value. */
    public static final int MAX_CELL_CHARS = 200;
    /** Cells show at most this many bytes of a bytea value. */
    public static final int MAX_CELL_BYTES = 16;

    /** The text a NULL cell shows (styled apart, so that it never reads as the string "NULL"). */
    public static final String NULL_TEXT = "NULL";

    private static final HexFormat HEX = HexFormat.of();

    private CellText() {}

    /** What a cell shows: truncated text, {@code \x…} hex with the size for bytes; {@link #NULL_TEXT} for null. */
    public static String cell(Object value) {
        if (value == null) return NULL_TEXT;
        if (value instanceof byte[] bytes) {
            String hex = HEX.formatHex(bytes, 0, Math.min(bytes.length, MAX_CELL_BYTES));
            return "\\x" + hex + (bytes.length > MAX_CELL_BYTES ? "…" : "") + " (" + size(bytes.length) + ")";
        }
        String text = value.toString();
        int newline = text.indexOf('\n');
        boolean cut = text.length() > MAX_CELL_CHARS || newline >= 0;
        if (!cut) return text;
        int end = Math.min(text.length(), MAX_CELL_CHARS);
        if (newline >= 0) end = Math.min(end, newline);
        return text.substring(0, end) + "…";
    }

    /** The whole value, for the viewer and for copying: bytes as {@code \x} hex, null as an empty string. */
    public static String full(Object value) {
        if (value == null) return "";
        if (value instanceof byte[] bytes) return "\\x" + HEX.formatHex(bytes);
        return value.toString();
    }

    /** A row count the way people read it: {@code 1,234,567}. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** The rows read so far: "1 row", "12 rows", or "500+ rows" while the cursor has more. */
    public static String rows(long n, boolean complete) {
        return complete ? count(n) + (n == 1 ? " row" : " rows") : count(n) + "+ rows";
    }

    /** An elapsed time the way people read it: {@code 12 ms}, {@code 1.25 s}, {@code 2 min 05 s}. */
    public static String duration(long nanos) {
        double millis = nanos / 1_000_000.0;
        if (millis < 1000) return String.format(Locale.US, "%.0f ms", millis);
        if (millis < 60_000) return String.format(Locale.US, "%.2f s", millis / 1000);
        long seconds = Math.round(millis / 1000);
        return String.format(Locale.US, "%d min %02d s", seconds / 60, seconds % 60);
    }

    private static String size(int bytes) {
        if (bytes < 1024) return bytes + (bytes == 1 ? " byte" : " bytes");
        if (bytes < 1024 * 1024) return String.format(Locale.US, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
