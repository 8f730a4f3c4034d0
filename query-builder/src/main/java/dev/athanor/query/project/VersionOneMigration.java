package dev.athanor.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athanor.query.model.Query;
import dev.athanor.query.parse.ImportResult;
import dev.athanor.query.project.ProjectFileException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts a version 1 project into the current layout (version 1 held no relationships, so what version 3
 * changed does not concern it).
 *
 * <p>Version 1 held each query as SQL text only, named the connection by a top-level {@code "profile"}, and
 * declared parameters as an object from name to type, without defaults:
 *
 * <pre>{@code
 * {"format": "athanor-project", "version": 1, "profile": "local sample",
 *  "queries": [{"name": "q", "sql": "SELECT ... WHERE compensation > :min", "parameters": {"min": "integer"}}]}
 * }</pre>
 *
 * Since version 2 a project holds the query model, so the SQL is imported; what the importer cannot model stays as raw SQL and
 * still runs.
 */
final class VersionOneMigration {
    private final Function<String, ImportResult> importer;
    private final List<String> notices = new ArrayList<>();

    VersionOneMigration(Function<String, ImportResult> importer) {
        this.importer = importer;
    }

    /** What the migration had to tell the user beyond the version change. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    ObjectNode migrate(Path file, ObjectNode v1) {
        var mapper = ProjectJson.MAPPER;
        var v2 = mapper.createObjectNode();
        v2.put("format", ProjectFile.FORMAT);
        v2.put("version", ProjectFile.CURRENT_VERSION);
        var connection = v2.putObject("connection");
        var profile = v1.get("profile");
        if (profile != null && !profile.isNull()) {
            connection.put("profile", text(file, profile, "profile"));
        }
        var queries = v2.putArray("queries");
        var oldQueries = v1.get("queries");
        if (oldQueries != null && !oldQueries.isArray()) {
            throw invalid(file, "queries", "\"queries\" must be a list");
        }
        var index = 0;
        for (var old : oldQueries == null ? List.<JsonNode>of() : oldQueries) {
            var where = "queries[" + index++ + "]";
            if (!old.isObject()) {
                throw invalid(file, where, "each query must be an object with \"name\" and \"sql\"");
            }
            var query = queries.addObject();
            var name = text(file, old.get("name"), where + ".name");
            query.put("name", name);
            var parameters = query.putArray("parameters");
            var oldParameters = old.get("parameters");
            if (oldParameters != null && !oldParameters.isNull()) {
                if (!oldParameters.isObject()) {
                    throw invalid(file, where + ".parameters", "\"parameters\" must map each name to its type");
                }
                for (var entry : oldParameters.properties()) {
                    parameters
                            .addObject()
                            .put("name", entry.getKey())
                            .put("type", text(file, entry.getValue(), where + ".parameters." + entry.getKey()));
                }
            }
            var sql = text(file, old.get("sql"), where + ".sql");
            query.set("query", mapper.valueToTree(imported(name, sql)));
        }
        return v2;
    }

    private Query imported(String name, String sql) {
        try {
            var result = importer.apply(sql);
            if (result.query() instanceof Query.Raw) {
                notices.add("The SQL of query '" + name + "' was kept as raw SQL: the builder cannot show it as"
                        + " tables and columns, but it runs as before.");
            } else if (!result.complete()) {
                notices.add("The SQL of query '" + name + "' was imported with parts kept as raw SQL: "
                        + result.warnings().stream()
                                .map(ImportResult.Warning::message)
                                .collect(Collectors.joining("; ")));
            }
            return result.query();
        } catch (RuntimeException notImportable) {
            notices.add("The SQL of query '" + name + "' could not be imported (" + notImportable.getMessage()
                    + "); it was kept as raw SQL and runs as before.");
            return new Query.Raw(sql);
        }
    }

    private static String text(Path file, JsonNode node, String where) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw invalid(file, where, "\"" + where.replaceAll(".*[.\\]]", "") + "\" is missing or not a text");
        }
        return node.asText();
    }

    private static ProjectFileException invalid(Path file, String where, String reason) {
        return new ProjectFileException(file, Problem.INVALID, where, -1, -1, reason, null);
    }
}
