package dev.athanor.query.export;

import dev.athanor.model.catalog.Catalog;
import dev.athanor.model.catalog.Column;
import dev.athanor.model.catalog.EnumType;
import dev.athanor.model.catalog.ForeignKey;
import dev.athanor.model.catalog.Identity;
import dev.athanor.model.catalog.QualifiedName;
import dev.athanor.model.catalog.ReferentialAction;
import dev.athanor.model.catalog.Relation;
import dev.athanor.model.catalog.TypeKind;
import dev.athanor.model.relationship.LoaderStrategy;
import dev.athanor.model.relationship.Relationship;
import dev.athanor.model.relationship.Relationships;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.parse.SqlImporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mapping of chosen tables as a Python module in SQLAlchemy 2.0's declarative style, as seed 003 writes it:
 * {@code class Base(DeclarativeBase)}, one {@code <Table>Orm} class per table with {@code Mapped[...]} attributes
 * and {@code mapped_column(...)} (type, primary key, {@code ForeignKey(..., ondelete=...)}, server default),
 * {@code enum.Enum} classes for enum types, {@code relationship(...)} for each relationship between the chosen
 * tables (with {@code back_populates}, {@code secondary}, {@code primaryjoin} and {@code order_by} for the user's
 * own, and the relationship's strategy as {@code lazy=}), then Pydantic DTOs: {@code <Table>AddDTO} (columns
 * without the primary key), {@code <Table>DTO} (with it) and {@code <Table>RelDTO} (with the relationships).
 *
 * <p>The association table of a many-to-many between chosen tables is mapped too. A user's condition becomes a
 * Python expression when it is made of comparisons, {@code IN}, {@code IS NULL}, {@code AND}, {@code OR} and
 * {@code NOT} over the target's columns; otherwise it is kept as {@code text(...)}.
 */
public final class SqlAlchemyMappingExporter {
    private final Catalog catalog;
    private final Relationships relationships;
    private final SqlImporter importer = new SqlImporter();

    private final Set<String> sqlalchemyImports = new TreeSet<>();
    private final Set<String> moduleImports = new TreeSet<>();
    private final Map<Long, String> enumClasses = new LinkedHashMap<>();
    private boolean optionalUsed;

    private SqlAlchemyMappingExporter(Catalog catalog, Relationships relationships) {
        this.catalog = catalog;
        this.relationships = relationships;
    }

    /**
     * The module mapping {@code tables} (and the association tables of the many-to-many relationships between
     * them).
     *
     * @throws IllegalArgumentException when a table is not in the catalog
     */
    public static String export(Catalog catalog, Relationships relationships, List<QualifiedName> tables) {
        return new SqlAlchemyMappingExporter(catalog, relationships).module(tables);
    }

    /** {@code workers} gives {@code WorkersOrm}; {@code vacancies_replies} gives {@code VacanciesRepliesOrm}. */
    public static String className(QualifiedName table) {
        return camel(table.name()) + "Orm";
    }

    private String module(List<QualifiedName> chosen) {
        var tables = new LinkedHashSet<QualifiedName>(chosen);
        for (QualifiedName table : chosen) {
            for (Relationship r : relationships.of(table)) {
                if (tables.contains(r.target())) {
                    r.association().ifPresent(a -> tables.add(a.table()));
                }
            }
        }
        var relations = new ArrayList<Relation>();
        for (QualifiedName table : tables) {
            relations.add(catalog.relation(table)
                    .orElseThrow(() -> new IllegalArgumentException("No table " + table.toSql())));
        }
        var classes = new StringBuilder();
        for (Relation relation : relations) {
            classes.append("\n\n").append(ormClass(relation, tables));
        }
        var dtos = new StringBuilder();
        for (Relation relation : relations) {
            dtos.append("\n\n").append(dtoClasses(relation, tables));
        }
        var enums = new StringBuilder();
        for (var entry : enumClasses.entrySet()) {
            EnumType type = catalog.enumType(entry.getKey()).orElseThrow();
            enums.append("\n\nclass ").append(entry.getValue()).append("(enum.Enum):\n");
            var members = new LinkedHashSet<String>();
            for (String label : type.labels()) {
                String member = pythonName(label);
                for (int n = 2; !members.add(member); n++) {
                    member = pythonName(label) + "_" + n;
                }
                enums.append("    ")
                        .append(member)
                        .append(" = ")
                        .append(SqlAlchemyExporter.python(label))
                        .append('\n');
            }
        }
        var head = new StringBuilder();
        head.append("\"\"\"SQLAlchemy 2.0 declarative mapping and Pydantic DTOs of ")
                .append(String.join(
                        ", ", tables.stream().map(QualifiedName::toSql).toList()))
                .append(".\"\"\"\n\n");
        if (!enumClasses.isEmpty()) {
            moduleImports.add("enum");
        }
        moduleImports.forEach(m -> head.append("import ").append(m).append('\n'));
        if (optionalUsed) {
            head.append("from typing import Optional\n");
        }
        head.append('\n');
        head.append("from pydantic import BaseModel, ConfigDict\n");
        if (!sqlalchemyImports.isEmpty()) {
            head.append("from sqlalchemy import ")
                    .append(String.join(", ", sqlalchemyImports))
                    .append('\n');
        }
        head.append("from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n");
        head.append("\n\nclass Base(DeclarativeBase):\n    pass\n");
        return head + enums.toString() + classes + dtos;
    }

    private String ormClass(Relation relation, Set<QualifiedName> tables) {
        var out = new StringBuilder();
        out.append("class ").append(className(relation.qualifiedName())).append("(Base):\n");
        out.append("    __tablename__ = ")
                .append(SqlAlchemyExporter.python(relation.name()))
                .append('\n');
        List<String> key = relation.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        var singleForeignKeys = new LinkedHashMap<String, ForeignKey>();
        var tableArgs = new ArrayList<String>();
        for (ForeignKey fk : relation.foreignKeys()) {
            if (fk.columns().size() == 1) {
                singleForeignKeys.putIfAbsent(fk.columns().getFirst(), fk);
            } else {
                sqlalchemyImports.add("ForeignKeyConstraint");
                tableArgs.add("ForeignKeyConstraint(["
                        + String.join(
                                ", ",
                                fk.columns().stream()
                                        .map(SqlAlchemyExporter::python)
                                        .toList())
                        + "], ["
                        + String.join(
                                ", ",
                                fk.referencedColumns().stream()
                                        .map(c -> SqlAlchemyExporter.python(target(fk.referencedTable(), c)))
                                        .toList())
                        + "]" + actions(fk) + ")");
            }
        }
        if (key.isEmpty()) {
            out.append("    # The table has no primary key; SQLAlchemy maps it by all of its columns.\n");
            out.append("    __mapper_args__ = {\"primary_key\": [")
                    .append(String.join(
                            ", ",
                            relation.columns().stream()
                                    .map(c -> "\"" + c.name() + "\"")
                                    .toList()))
                    .append("]}\n");
        }
        out.append('\n');
        for (Column column : relation.columns()) {
            out.append("    ")
                    .append(column(column, key, singleForeignKeys.get(column.name())))
                    .append('\n');
        }
        var ownRelationships = relationships.of(relation.qualifiedName()).stream()
                .filter(r -> tables.contains(r.target()))
                .filter(r ->
                        r.association().map(a -> tables.contains(a.table())).orElse(true))
                .toList();
        if (!ownRelationships.isEmpty()) {
            out.append('\n');
        }
        for (Relationship r : ownRelationships) {
            out.append(relationship(relation, r, tables));
        }
        if (!relation.schema().equals("public")) {
            tableArgs.add("{\"schema\": " + SqlAlchemyExporter.python(relation.schema()) + "}");
        }
        if (!tableArgs.isEmpty()) {
            out.append("\n    __table_args__ = (\n");
            tableArgs.forEach(a -> out.append("        ").append(a).append(",\n"));
            out.append("    )\n");
        }
        return out.toString();
    }

    private String column(Column column, List<String> key, ForeignKey foreignKey) {
        var type = PythonType.of(column, this);
        boolean primary = key.contains(column.name());
        boolean optional = column.nullable() && !primary;
        optionalUsed |= optional;
        String attribute = attributeName(column.name());
        var arguments = new ArrayList<String>();
        if (!attribute.equals(column.name())) {
            arguments.add(SqlAlchemyExporter.python(column.name()));
        }
        arguments.add(type.sqlType());
        if (foreignKey != null) {
            sqlalchemyImports.add("ForeignKey");
            arguments.add("ForeignKey("
                    + SqlAlchemyExporter.python(target(
                            foreignKey.referencedTable(),
                            foreignKey.referencedColumns().getFirst()))
                    + actions(foreignKey) + ")");
        }
        if (primary) {
            arguments.add("primary_key=True");
        }
        boolean generatedKey = column.identity().isPresent()
                || column.defaultExpression().map(d -> d.startsWith("nextval(")).orElse(false);
        if (column.identity().isPresent() && column.identity().get() == Identity.ALWAYS) {
            sqlalchemyImports.add("Identity");
            arguments.add("Identity(always=True)");
        }
        if (!generatedKey && column.defaultExpression().isPresent()) {
            sqlalchemyImports.add("text");
            arguments.add("server_default=text("
                    + SqlAlchemyExporter.python(column.defaultExpression().get()) + ")");
        }
        if (column.generatedExpression().isPresent()) {
            sqlalchemyImports.add("Computed");
            arguments.add("Computed("
                    + SqlAlchemyExporter.python(column.generatedExpression().get()) + ")");
        }
        String pythonType = optional ? "Optional[" + type.python() + "]" : type.python();
        return attribute + ": Mapped[" + pythonType + "] = mapped_column(" + String.join(", ", arguments) + ")";
    }

    private String relationship(Relation relation, Relationship r, Set<QualifiedName> tables) {
        String targetClass = className(r.target());
        String annotation;
        if (r.isCollection()) {
            annotation = "list[\"" + targetClass + "\"]";
        } else {
            boolean nullable = r.parentColumns().stream()
                    .anyMatch(c -> relation.column(c).map(Column::nullable).orElse(true));
            boolean parentHoldsKey = r.kind() == dev.athanor.model.relationship.RelationshipKind.MANY_TO_ONE;
            optionalUsed |= nullable || !parentHoldsKey;
            annotation = nullable || !parentHoldsKey ? "Optional[\"" + targetClass + "\"]" : "\"" + targetClass + "\"";
        }
        var arguments = new ArrayList<String>();
        boolean filtered = r.condition().isPresent();
        if (filtered || r.userDefined()) {
            String join = join(relation, r);
            arguments.add("primaryjoin=" + SqlAlchemyExporter.python(join));
            if (r.association().isPresent()) {
                arguments.add("secondaryjoin=" + SqlAlchemyExporter.python(secondaryJoin(r)));
            }
            // A filtered or hand-made relationship reads rows another relationship writes.
            arguments.add("viewonly=True");
        } else {
            relationships
                    .reverse(r)
                    .filter(back -> tables.contains(back.target()))
                    .ifPresent(back -> arguments.add("back_populates=" + SqlAlchemyExporter.python(back.name())));
        }
        r.association().ifPresent(a -> {
            arguments.add("secondary=" + SqlAlchemyExporter.python(associationName(a.table())));
            overlaps(r, a.table(), tables)
                    .ifPresent(names -> arguments.add("overlaps=" + SqlAlchemyExporter.python(names)));
        });
        if (!r.orderBy().isEmpty()) {
            arguments.add("order_by=" + SqlAlchemyExporter.python(orderBy(r)));
        }
        if (r.loading() == LoaderStrategy.CONTAINS_EAGER) {
            // contains_eager is a query option: the relationship itself stays lazy.
        } else if (r.loading() != LoaderStrategy.LAZY) {
            arguments.add("lazy=" + SqlAlchemyExporter.python(r.loading().sqlAlchemyName()));
        }
        var out = new StringBuilder();
        if (r.loading() == LoaderStrategy.CONTAINS_EAGER) {
            out.append("    # Loaded with contains_eager(")
                    .append(className(r.parent()))
                    .append('.')
                    .append(attributeName(r.name()))
                    .append(") from the query's own join.\n");
        }
        out.append("    ")
                .append(attributeName(r.name()))
                .append(": Mapped[")
                .append(annotation)
                .append("] = relationship(");
        if (arguments.isEmpty()) {
            out.append(")\n");
        } else {
            out.append('\n');
            arguments.forEach(a -> out.append("        ").append(a).append(",\n"));
            out.append("    )\n");
        }
        return out.toString();
    }

    /**
     * The relationships that write the same association rows as the many-to-many {@code r} (the association
     * table's own many-to-one and one-to-many, mapped too): SQLAlchemy warns unless {@code overlaps} names them.
     */
    private Optional<String> overlaps(Relationship r, QualifiedName association, Set<QualifiedName> tables) {
        var names = new TreeSet<String>();
        for (QualifiedName side : List.of(r.parent(), r.target(), association)) {
            for (Relationship other : relationships.of(side)) {
                boolean throughAssociation = other.association().isEmpty()
                        && (other.target().equals(association) || other.parent().equals(association));
                if (throughAssociation && tables.contains(other.parent()) && tables.contains(other.target())) {
                    names.add(attributeName(other.name()));
                }
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(",", names));
    }

    private String join(Relation relation, Relationship r) {
        String parent = className(r.parent());
        var terms = new ArrayList<String>();
        if (r.association().isPresent()) {
            var a = r.association().get();
            String through = associationName(a.table());
            for (int i = 0; i < r.parentColumns().size(); i++) {
                terms.add(parent + "." + attributeName(r.parentColumns().get(i)) + " == " + through + ".c."
                        + attributeName(a.parentColumns().get(i)));
            }
        } else {
            String target = className(r.target());
            for (int i = 0; i < r.parentColumns().size(); i++) {
                terms.add(parent + "." + attributeName(r.parentColumns().get(i)) + " == " + target + "."
                        + attributeName(r.targetColumns().get(i)));
            }
        }
        r.condition().ifPresent(c -> terms.add(condition(className(r.target()), c)));
        return terms.size() == 1 ? terms.getFirst() : "and_(" + String.join(", ", terms) + ")";
    }

    private String secondaryJoin(Relationship r) {
        var a = r.association().orElseThrow();
        String through = associationName(a.table());
        String target = className(r.target());
        var terms = new ArrayList<String>();
        for (int i = 0; i < r.targetColumns().size(); i++) {
            terms.add(target + "." + attributeName(r.targetColumns().get(i)) + " == " + through + ".c."
                    + attributeName(a.targetColumns().get(i)));
        }
        return terms.size() == 1 ? terms.getFirst() : "and_(" + String.join(", ", terms) + ")";
    }

    private String orderBy(Relationship r) {
        String target = className(r.target());
        var keys = r.orderBy().stream()
                .map(k -> target + "." + attributeName(k.column()) + (k.descending() ? ".desc()" : ""))
                .toList();
        return keys.size() == 1 ? keys.getFirst() : "[" + String.join(", ", keys) + "]";
    }

    /** The condition as a Python expression over {@code target}'s attributes, or {@code text(...)}. */
    String condition(String target, String sql) {
        try {
            var imported = importer.importSql("SELECT 1 FROM relationship_target WHERE " + sql);
            if (imported.complete() && imported.query() instanceof Query.Select select && select.where() != null) {
                var python = predicate(target, select.where());
                if (python.isPresent()) {
                    return python.get();
                }
            }
        } catch (RuntimeException unreadable) {
            // Kept as SQL text below.
        }
        return "text(" + SqlAlchemyExporter.python(sql) + ")";
    }

    private Optional<String> predicate(String target, Predicate predicate) {
        return switch (predicate) {
            case Predicate.And and -> all(target, and.operands()).map(p -> "and_(" + String.join(", ", p) + ")");
            case Predicate.Or or -> all(target, or.operands()).map(p -> "or_(" + String.join(", ", p) + ")");
            case Predicate.Not not -> predicate(target, not.operand()).map(p -> "not_(" + p + ")");
            case Predicate.Comparison c -> {
                var left = expression(target, c.left());
                var right = expression(target, c.right());
                String op =
                        switch (c.operator()) {
                            case EQ -> "==";
                            case NE -> "!=";
                            case LT -> "<";
                            case LE -> "<=";
                            case GT -> ">";
                            case GE -> ">=";
                        };
                yield left.isPresent() && right.isPresent()
                        ? Optional.of(left.get() + " " + op + " " + right.get())
                        : Optional.empty();
            }
            case Predicate.IsNull isNull ->
                expression(target, isNull.value()).map(v -> v + (isNull.negated() ? ".is_not(None)" : ".is_(None)"));
            case Predicate.InList in -> {
                var value = expression(target, in.value());
                var values = new ArrayList<String>();
                for (Expression e : in.values()) {
                    var v = expression(target, e);
                    if (v.isEmpty()) {
                        yield Optional.empty();
                    }
                    values.add(v.get());
                }
                yield value.map(v -> v + (in.negated() ? ".not_in([" : ".in_([") + String.join(", ", values) + "])");
            }
            default -> Optional.empty();
        };
    }

    private Optional<List<String>> all(String target, List<Predicate> operands) {
        var parts = new ArrayList<String>();
        for (Predicate operand : operands) {
            var part = predicate(target, operand);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        return Optional.of(parts);
    }

    private static Optional<String> expression(String target, Expression expression) {
        return switch (expression) {
            case Expression.Column column -> Optional.of(target + "." + attributeName(column.column()));
            case Expression.Literal literal ->
                switch (literal.type()) {
                    case STRING ->
                        Optional.of(
                                literal.text().matches("[^'\\\\\\n\\r]*")
                                        ? "'" + literal.text() + "'"
                                        : SqlAlchemyExporter.python(literal.text()));
                    case NUMBER -> Optional.of(literal.text());
                    case BOOLEAN -> Optional.of(Boolean.parseBoolean(literal.text()) ? "True" : "False");
                    case NULL -> Optional.of("None");
                    // a date or interval in a join condition stays SQL: the whole condition goes into text(...)
                    case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> Optional.empty();
                };
            default -> Optional.empty();
        };
    }

    /** The association table as the name {@code secondary=} and join strings find it in the metadata. */
    private static String associationName(QualifiedName table) {
        return table.schema().equals("public") ? table.name() : table.schema() + "." + table.name();
    }

    private String dtoClasses(Relation relation, Set<QualifiedName> tables) {
        String base = camel(relation.name());
        List<String> key = relation.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        var out = new StringBuilder();
        out.append("class ").append(base).append("AddDTO(BaseModel):\n");
        out.append("    model_config = ConfigDict(from_attributes=True)\n\n");
        int fields = 0;
        for (Column column : relation.columns()) {
            if (!key.contains(column.name()) || key.size() > 1) {
                out.append("    ").append(dtoField(column, key)).append('\n');
                fields++;
            }
        }
        if (fields == 0) {
            out.append("    pass\n");
        }
        out.append("\n\nclass ").append(base).append("DTO(").append(base).append("AddDTO):\n");
        int keys = 0;
        for (Column column : relation.columns()) {
            if (key.contains(column.name()) && key.size() == 1) {
                out.append("    ").append(dtoField(column, key)).append('\n');
                keys++;
            }
        }
        if (keys == 0) {
            out.append("    pass\n");
        }
        out.append("\n\nclass ").append(base).append("RelDTO(").append(base).append("DTO):\n");
        int related = 0;
        for (Relationship r : relationships.of(relation.qualifiedName())) {
            if (!tables.contains(r.target())) {
                continue;
            }
            String dto = "\"" + camel(r.target().name()) + "DTO\"";
            String type = r.isCollection() ? "list[" + dto + "]" : "Optional[" + dto + "]";
            optionalUsed |= !r.isCollection();
            out.append("    ")
                    .append(attributeName(r.name()))
                    .append(": ")
                    .append(type)
                    .append('\n');
            related++;
        }
        if (related == 0) {
            out.append("    pass\n");
        }
        return out.toString();
    }

    private String dtoField(Column column, List<String> key) {
        var type = PythonType.of(column, this);
        boolean optional = column.nullable() && !key.contains(column.name());
        optionalUsed |= optional;
        return attributeName(column.name()) + ": "
                + (optional ? "Optional[" + type.python() + "] = None" : type.python());
    }

    private static String actions(ForeignKey fk) {
        var out = new StringBuilder();
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            out.append(", ondelete=")
                    .append(SqlAlchemyExporter.python(fk.onDelete().sql()));
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            out.append(", onupdate=")
                    .append(SqlAlchemyExporter.python(fk.onUpdate().sql()));
        }
        return out.toString();
    }

    private static String target(QualifiedName table, String column) {
        return (table.schema().equals("public") ? "" : table.schema() + ".") + table.name() + "." + column;
    }

    /** The Python attribute of a column or relationship: its name, or a cleaned one with {@code _} added. */
    static String attributeName(String name) {
        return SqlAlchemyExporter.isPythonName(name) ? name : pythonName(name) + "_";
    }

    private static String pythonName(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "_" + cleaned;
        }
        return SqlAlchemyExporter.isPythonName(cleaned) ? cleaned : cleaned + "_";
    }

    static String camel(String name) {
        var out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, "T");
        }
        return out.toString();
    }

    /** The Python annotation and SQLAlchemy type of a column. */
    private record PythonType(String python, String sqlType) {
        private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)");

        static PythonType of(Column column, SqlAlchemyMappingExporter exporter) {
            if (column.typeKind() == TypeKind.ENUM) {
                var type = exporter.catalog.enumType(column.typeOid());
                if (type.isPresent()) {
                    String name = exporter.enumClasses.computeIfAbsent(
                            column.typeOid(), oid -> camel(type.get().name().replaceFirst("_enum$", "")));
                    exporter.sqlalchemyImports.add("Enum");
                    return new PythonType(
                            name,
                            "Enum(" + name + ", name="
                                    + SqlAlchemyExporter.python(type.get().name())
                                    + ", values_callable=lambda members: [m.value for m in members])");
                }
            }
            String sql = column.type().toLowerCase(Locale.ROOT);
            if (sql.endsWith("[]")) {
                exporter.sqlalchemyImports.add("ARRAY");
                var element = of(withType(column, sql.substring(0, sql.length() - 2)), exporter);
                return new PythonType("list[" + element.python() + "]", "ARRAY(" + element.sqlType() + ")");
            }
            Matcher sized = SIZED.matcher(sql);
            String base = sized.matches() ? sized.group(1).strip() : sql;
            String size = sized.matches() ? sized.group(2) : null;
            String scale = sized.matches() ? sized.group(3) : null;
            return switch (base) {
                case "smallint" -> exporter.simple("int", "SmallInteger");
                case "integer" -> exporter.simple("int", "Integer");
                case "bigint" -> exporter.simple("int", "BigInteger");
                case "numeric" -> {
                    exporter.moduleImports.add("decimal");
                    exporter.sqlalchemyImports.add("Numeric");
                    yield new PythonType(
                            "decimal.Decimal",
                            size == null ? "Numeric" : "Numeric(" + size + (scale == null ? "" : ", " + scale) + ")");
                }
                case "real" -> exporter.simple("float", "Float");
                case "double precision" -> exporter.simple("float", "Double");
                case "boolean" -> exporter.simple("bool", "Boolean");
                case "text" -> exporter.simple("str", "Text");
                case "character varying" -> {
                    exporter.sqlalchemyImports.add("String");
                    yield new PythonType("str", size == null ? "String" : "String(" + size + ")");
                }
                case "character" -> {
                    exporter.sqlalchemyImports.add("CHAR");
                    yield new PythonType("str", size == null ? "CHAR" : "CHAR(" + size + ")");
                }
                case "date" -> exporter.dated("datetime.date", "Date");
                case "timestamp without time zone" -> exporter.dated("datetime.datetime", "DateTime");
                case "timestamp with time zone" -> {
                    exporter.moduleImports.add("datetime");
                    exporter.sqlalchemyImports.add("DateTime");
                    yield new PythonType("datetime.datetime", "DateTime(timezone=True)");
                }
                case "time without time zone" -> exporter.dated("datetime.time", "Time");
                case "interval" -> exporter.dated("datetime.timedelta", "Interval");
                case "uuid" -> {
                    exporter.moduleImports.add("uuid");
                    exporter.sqlalchemyImports.add("Uuid");
                    yield new PythonType("uuid.UUID", "Uuid");
                }
                case "json", "jsonb" -> exporter.simple("dict", "JSON");
                case "bytea" -> exporter.simple("bytes", "LargeBinary");
                default -> {
                    // A type SQLAlchemy has no generic name for: read and written as its text form.
                    exporter.sqlalchemyImports.add("Text");
                    yield new PythonType("str", "Text");
                }
            };
        }

        private static Column withType(Column column, String type) {
            return new Column(
                    column.name(),
                    column.ordinal(),
                    type,
                    column.typeOid(),
                    TypeKind.BASE,
                    column.nullable(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    private PythonType simple(String python, String sqlType) {
        sqlalchemyImports.add(sqlType);
        return new PythonType(python, sqlType);
    }

    private PythonType dated(String python, String sqlType) {
        moduleImports.add("datetime");
        return simple(python, sqlType);
    }
}
