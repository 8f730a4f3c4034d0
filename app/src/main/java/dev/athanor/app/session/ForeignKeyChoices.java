package dev.athanor.app.session;

import dev.athanor.app.task.Background;
import dev.athanor.app.task.Slot;
import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.SqlIdentifiers;
import dev.athanor.model.catalog.TypeKind;
import dev.athanor.model.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rows a foreign-key column may point to, searched on the server as the user types: the referenced key and
 * one readable column (the first unique text column of the referenced table, else its first text column) are
 * matched with {@code ILIKE}, at most {@value #LIMIT} rows, read through the Engine off the UI thread. Only the
 * latest search reports: one superseded by more typing shows nothing.
 */
public final class ForeignKeyChoices {
    /** How many rows a search offers. */
    public static final int LIMIT = 50;

    /** The origin the searches are echoed under. */
    public static final String ORIGIN = "edit";

    private final Engine engine;
    private final Target target;
    private final Slot slot;

    /**
     * What a foreign key points to, as the editor offers it.
     *
     * @param foreignKey the constraint; its columns are set together when a row is chosen
     * @param referenced the referenced table, schema-qualified and quoted
     * @param keyColumns the referenced columns, in the foreign key's order
     * @param readable a column of the referenced table a person recognises a row by; empty when none
     */
    public record Target(ForeignKey foreignKey, String referenced, List<String> keyColumns, Optional<String> readable) {
        public Target {
            keyColumns = List.copyOf(keyColumns);
        }

        /** The foreign key through which {@code column} of {@code relation} points elsewhere; empty if none. */
        static Optional<Target> of(Catalog catalog, Relation relation, String column) {
            for (ForeignKey key : relation.foreignKeys()) {
                if (!key.columns().contains(column)) continue;
                var referenced = catalog.relation(key.referencedTable());
                if (referenced.isEmpty()) continue;
                return Optional.of(new Target(
                        key,
                        SqlIdentifiers.qualified(
                                key.referencedTable().schema(),
                                key.referencedTable().name()),
                        key.referencedColumns(),
                        readableColumn(referenced.get(), key.referencedColumns())));
            }
            return Optional.empty();
        }

        /** The first text column under a unique constraint, else the first text column, outside the key. */
        private static Optional<String> readableColumn(Relation relation, List<String> key) {
            var texts = relation.columns().stream()
                    .filter(column -> !key.contains(column.name()) && isText(column))
                    .map(Column::name)
                    .toList();
            for (String name : texts) {
                boolean unique = relation.uniqueConstraints().stream()
                        .anyMatch(constraint -> constraint.columns().equals(List.of(name)));
                if (unique) return Optional.of(name);
            }
            return texts.stream().findFirst();
        }

        private static boolean isText(Column column) {
            if (column.typeKind() != TypeKind.BASE) return false;
            String type = column.type();
            return type.equals("text")
                    || type.startsWith("character")
                    || type.startsWith("varchar")
                    || type.equals("citext")
                    || type.equals("name");
        }

        /** The search: key or readable column containing the typed text, in key order, at most {@value #LIMIT}. */
        String sql() {
            var select = new ArrayList<String>();
            var match = new ArrayList<String>();
            for (String column : keyColumns) {
                select.add(SqlIdentifiers.quote(column) + "::text");
                match.add(SqlIdentifiers.quote(column) + "::text ILIKE ?");
            }
            readable.ifPresent(column -> {
                select.add(SqlIdentifiers.quote(column) + "::text");
                match.add(SqlIdentifiers.quote(column) + "::text ILIKE ?");
            });
            // Qualified: the selected texts carry the key columns' names, and ORDER BY would sort those texts.
            var order = keyColumns.stream()
                    .map(column -> "r." + SqlIdentifiers.quote(column))
                    .toList();
            return "SELECT " + String.join(", ", select) + " FROM " + referenced + " AS r WHERE "
                    + String.join(" OR ", match) + " ORDER BY " + String.join(", ", order) + " LIMIT " + LIMIT;
        }

        /** One bind per matched column: the typed text inside {@code %...%}, its wildcards taken literally. */
        List<Object> binds(String typed) {
            String pattern =
                    "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            var binds = new ArrayList<Object>();
            for (int i = 0; i < keyColumns.size() + (readable.isPresent() ? 1 : 0); i++) binds.add(pattern);
            return binds;
        }
    }

    /**
     * A referenced row offered by the editor.
     *
     * @param key the referenced key as the server prints it, in the foreign key's column order
     * @param label the key and the readable column, e.g. {@code 3 · alice}
     */
    public record Choice(List<String> key, String label) {
        public Choice {
            key = List.copyOf(key);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ForeignKeyChoices(Background background, Engine engine, Target target) {
        this.engine = engine;
        this.target = target;
        this.slot = new Slot(background);
    }

    public Target target() {
        return target;
    }

    /**
     * Searches the referenced rows for {@code typed} and gives them to {@code shown} on the UI thread, unless a
     * later search came first; a failure gives {@code failed} its message.
     */
    public void search(String typed, Consumer<List<Choice>> shown, Consumer<Throwable> failed) {
        String sql = target.sql();
        List<Object> binds = target.binds(typed == null ? "" : typed.strip());
        slot.submit("Searching " + target.referenced(), () -> read(sql, binds), shown, failed);
    }

    private List<Choice> read(String sql, List<Object> binds) {
        var choices = new ArrayList<Choice>();
        try (var cursor = engine.cursor(ORIGIN, sql, binds, LIMIT)) {
            for (String[] values : cursor.fetchText(LIMIT)) {
                var key = java.util.Arrays.asList(values)
                        .subList(0, target.keyColumns().size());
                if (key.contains(null)) continue; // a unique key may hold NULLs; no foreign key points at them
                String label = String.join(", ", key)
                        + (target.readable().isPresent() ? " · " + CellText.of(values[key.size()]) : "");
                choices.add(new Choice(key, label));
            }
        }
        return choices;
    }

    /** Stops the search under way; it reports nothing. */
    public void cancel() {
        slot.cancel();
    }
}
