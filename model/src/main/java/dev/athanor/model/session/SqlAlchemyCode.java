package dev.athanor.model.session;

import dev.athanor.model.catalog.ForeignKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a session's pending work as SQLAlchemy 2.0 ORM code, the way the study notes do: {@code WorkersOrm(...)}
 * and {@code session.add(...)} for new rows, {@code session.get(...)} and attribute assignments for changed ones,
 * {@code session.delete(...)}, and {@code session.flush()}. A pure function of the session's state.
 */
final class SqlAlchemyCode {
    private final Map<Row, String> names = new IdentityHashMap<>();
    private final List<String> lines = new ArrayList<>();

    private SqlAlchemyCode() {}

    static String of(Session session) {
        var code = new SqlAlchemyCode();
        code.write(session);
        return String.join("\n", code.lines) + (code.lines.isEmpty() ? "" : "\n");
    }

    private void write(Session session) {
        List<Row> dirty = session.dirtyRows();
        List<Row> added = session.newRows();
        List<Row> deleted = session.deletedRows();
        if (dirty.isEmpty() && added.isEmpty() && deleted.isEmpty()) {
            return;
        }
        for (Row row : dirty) {
            String name = fetched(row);
            for (Row.Change change : row.changes()) {
                lines.add(name + "." + change.column() + " = " + valueOf(row, change.column(), change.newValue()));
            }
        }
        int number = 0;
        for (Row row : added) {
            String name = "new_" + singular(row.mapping().name().name()) + "_" + ++number;
            var arguments = new ArrayList<String>();
            var linked = new java.util.HashMap<String, Boolean>();
            for (ForeignKey fk : row.parents().keySet()) {
                fk.columns().forEach(c -> linked.put(c, true));
            }
            for (int i = 0; i < row.mapping().columns().size(); i++) {
                String column = row.mapping().columns().get(i).name();
                if (row.assigned(i) || linked.containsKey(column)) {
                    arguments.add(column + "=" + valueOf(row, column, row.value(i)));
                }
            }
            if (needsFlushFirst(row)) {
                lines.add("session.flush()  # gives the new rows above their keys");
            }
            lines.add(name + " = " + className(row) + "(" + String.join(", ", arguments) + ")");
            lines.add("session.add(" + name + ")");
            names.put(row, name);
        }
        for (Row row : deleted) {
            lines.add("session.delete(" + fetched(row) + ")");
        }
        lines.add("session.flush()");
    }

    /** Whether the row references a new row not yet flushed in the code so far. */
    private boolean needsFlushFirst(Row row) {
        for (Row parent : row.parents().values()) {
            if (parent.state() == ObjectState.PENDING && names.containsKey(parent)) {
                return !flushedSince(parent);
            }
        }
        return false;
    }

    private boolean flushedSince(Row parent) {
        String name = names.get(parent);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(name + " = ")) {
                return false;
            }
            if (lines.get(i).startsWith("session.flush()")) {
                return true;
            }
        }
        return false;
    }

    /** The variable naming a persistent row, fetched with {@code session.get} on first use. */
    private String fetched(Row row) {
        String known = names.get(row);
        if (known != null) {
            return known;
        }
        List<Object> key = row.key().map(RowKey::values).orElse(row.committedKey());
        String name = singular(row.mapping().name().name()) + "_"
                + String.join(
                        "_",
                        key.stream()
                                .map(v -> String.valueOf(v).replaceAll("\\W", "_"))
                                .toList());
        String keyCode = key.size() == 1
                ? literal(key.getFirst())
                : "("
                        + String.join(
                                ", ", key.stream().map(SqlAlchemyCode::literal).toList()) + ")";
        lines.add(name + " = session.get(" + className(row) + ", " + keyCode + ")");
        names.put(row, name);
        return name;
    }

    private String valueOf(Row row, String column, Object value) {
        for (var link : row.parents().entrySet()) {
            int c = link.getKey().columns().indexOf(column);
            if (c >= 0) {
                Row parent = link.getValue();
                String parentName = names.containsKey(parent) ? names.get(parent) : fetched(parent);
                return parentName + "." + link.getKey().referencedColumns().get(c);
            }
        }
        return literal(value);
    }

    /** {@code vacancies_replies} becomes {@code VacanciesRepliesOrm}, as the notes name their classes. */
    static String className(Row row) {
        var name = new StringBuilder();
        for (String part : row.mapping().name().name().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.append("Orm").toString();
    }

    private static String singular(String table) {
        String lower = table.toLowerCase(Locale.ROOT).replaceAll("\\W", "_");
        if (lower.endsWith("ies")) {
            return lower.substring(0, lower.length() - 3) + "y";
        }
        if (lower.endsWith("s") && !lower.endsWith("ss")) {
            return lower.substring(0, lower.length() - 1);
        }
        return lower;
    }

    static String literal(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case BigDecimal d -> "Decimal(\"" + d.toPlainString() + "\")";
            case Double d -> d.toString();
            case Float f -> f.toString();
            default -> quote(String.valueOf(value));
        };
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
