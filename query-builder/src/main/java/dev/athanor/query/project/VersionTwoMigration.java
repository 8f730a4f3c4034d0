package dev.athanor.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athanor.query.edit.ColumnRewrite;
import dev.athanor.query.model.Expression;
import dev.athanor.query.model.Predicate;
import dev.athanor.query.model.Query;
import dev.athanor.query.model.SortItem;
import dev.athanor.query.parse.ImportResult;
import dev.athanor.query.project.ProjectFileException.Problem;
import dev.athanor.query.render.QueryRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts a version 2 project into the version 3 layout.
 *
 * <p>Version 2 held a relationship's condition as a condition node of the query model and its order as sort
 * items; version 3 holds the relationship as the model's {@code dev.athanor.model.relationship.Relationship}
 * (which the Session loads through without knowing the builder): the condition as SQL text over the target's
 * columns unqualified, the order as columns with a direction. Everything else keeps its shape:
 *
 * <pre>{@code
 * v2: "condition": {"kind": "comparison", "left": {"kind": "column", "table": "resumes", "column": "workload"},
 *                   "operator": "EQ", "right": {"kind": "string", "value": "parttime"}},
 *     "orderBy": [{"expression": {"kind": "column", "column": "id"}, "direction": "DESC", "nulls": "DEFAULT"}]
 * v3: "condition": "workload = 'parttime'",
 *     "orderBy": [{"column": "id", "descending": true}]
 * }</pre>
 */
final class VersionTwoMigration {
    private final QueryRenderer renderer = new QueryRenderer();
    private final Function<String, ImportResult> importer;
    private final List<String> notices = new ArrayList<>();

    /** @param importer reads the SQL of a raw condition, so its columns can be unqualified too */
    VersionTwoMigration(Function<String, ImportResult> importer) {
        this.importer = importer;
    }

    /** What the migration had to tell the user beyond the version change. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    ObjectNode migrate(Path file, ObjectNode v2) {
        var v3 = v2.deepCopy();
        v3.put("version", 3);
        var relationships = v3.get("relationships");
        if (relationships == null || relationships.isNull()) {
            return v3;
        }
        if (!relationships.isArray()) {
            throw invalid(file, "relationships", "\"relationships\" must be a list");
        }
        var index = 0;
        for (var node : (ArrayNode) relationships) {
            var where = "relationships[" + index++ + "]";
            if (node instanceof ObjectNode relationship) {
                migrate(file, where, relationship);
            }
        }
        return v3;
    }

    private void migrate(Path file, String where, ObjectNode relationship) {
        var name = relationship.path("name").asText("?");
        var condition = relationship.get("condition");
        if (condition != null && !condition.isNull() && !condition.isTextual()) {
            var predicate = read(file, where + ".condition", condition, Predicate.class);
            if (predicate instanceof Predicate.Raw raw) {
                predicate = imported(raw.sql()).orElse(predicate);
            }
            relationship.put(
                    "condition",
                    predicate instanceof Predicate.Raw raw
                            ? raw.sql()
                            : renderer.renderCondition(ColumnRewrite.unqualified(predicate)));
        }
        var orderBy = relationship.get("orderBy");
        if (orderBy != null && orderBy.isArray()) {
            var keys = ProjectJson.MAPPER.createArrayNode();
            var position = 0;
            for (var item : orderBy) {
                var at = where + ".orderBy[" + position++ + "]";
                var sort = read(file, at, item, SortItem.class);
                if (!(sort.expression() instanceof Expression.Column column)) {
                    throw invalid(
                            file,
                            at,
                            "the relationship '" + name + "' is ordered by an expression; version "
                                    + ProjectFile.CURRENT_VERSION + " orders a relationship by columns only");
                }
                var key = keys.addObject().put("column", column.column());
                if (sort.direction() == SortItem.Direction.DESC) {
                    key.put("descending", true);
                }
                if (sort.nulls() != SortItem.Nulls.DEFAULT) {
                    notices.add("The order of relationship '" + name + "' put NULLs "
                            + sort.nulls().name().toLowerCase(java.util.Locale.ROOT)
                            + "; relationships now keep PostgreSQL's default"
                            + " place for NULLs.");
                }
            }
            relationship.set("orderBy", keys);
        }
    }

    /** The raw condition as the model's condition, when the importer can read all of it. */
    private Optional<Predicate> imported(String sql) {
        try {
            var result = importer.apply("SELECT 1 FROM relationship_target WHERE " + sql);
            if (result.complete()
                    && result.query() instanceof Query.Select select
                    && select.where() != null
                    && !(select.where() instanceof Predicate.Raw)) {
                return Optional.of(select.where());
            }
        } catch (RuntimeException notReadable) {
            // Kept as the raw text it was.
        }
        return Optional.empty();
    }

    private static <T> T read(Path file, String where, JsonNode node, Class<T> type) {
        try {
            return ProjectJson.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(file, where, "cannot be read: " + e.getMessage());
        }
    }

    private static ProjectFileException invalid(Path file, String where, String reason) {
        return new ProjectFileException(file, Problem.INVALID, where, -1, -1, reason, null);
    }
}
