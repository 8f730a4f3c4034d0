package dev.athanor.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Query;
import dev.athanor.query.parse.ImportResult;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.testing.CanonicalRows;
import dev.athanor.query.testing.CompiledJava;
import dev.athanor.query.testing.ExportedPython;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.sample.testkit.NamedSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exercise corpus over the {@code cd} schema ({@code exercises/cd-queries.sql}): each query is imported through
 * the SQL importer, rendered and run; its SQLAlchemy export is run by Python and its jOOQ export is compiled and
 * run, and both must give the rendered SQL's rows (compared as a multiset: ties in an ORDER BY may come in either
 * order).
 *
 * <p>Dates and times ({@code extract}, {@code date_trunc}, typed literals, intervals, date arithmetic) are held
 * by the model; what it still keeps as raw SQL, both exporters carry, so no query is excluded.
 */
class ExerciseExportRunTest {
    private static final String CORPUS = "/dev/athanor/query/exercises/cd-queries.sql";

    /** Queries whose export is known not to run, with why; every other query of the corpus must run. */
    private static final Map<String, String> EXCLUDED = Map.of();

    private static SampleDatabase database;
    private static List<NamedSql> exercises;
    private static final Map<String, Query> models = new LinkedHashMap<>();
    private static final Map<String, List<List<String>>> expected = new LinkedHashMap<>();
    private static final Map<String, List<String>> kept = new TreeMap<>();

    @BeforeAll
    static void importAndRenderTheCorpus() {
        database = SampleDatabase.fromScript("exercises", "/dev/athanor/query/exercises/cd-schema.sql");
        exercises = NamedSql.read(ExerciseExportRunTest.class, CORPUS);
        var importer = new SqlImporter();
        var renderer = new QueryRenderer();
        var empty = new ArrayList<String>();
        for (var exercise : exercises) {
            ImportResult imported = importer.importSql(exercise.sql());
            models.put(exercise.name(), imported.query());
            if (!imported.complete()) {
                kept.put(
                        exercise.name(),
                        imported.warnings().stream().map(w -> w.sql()).toList());
            }
            var rows = CanonicalRows.of(database.rows(renderer.render(imported.query(), Map.of())));
            if (rows.isEmpty()) {
                empty.add(exercise.name());
            }
            expected.put(exercise.name(), rows);
        }
        assertThat(empty).as("queries whose rendered SQL returns no rows").isEmpty();
    }

    @Test
    void everyQueryOfTheCorpusImportsRendersAndReturnsRows() {
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(60);
        assertThat(expected.keySet()).hasSameSizeAs(exercises);
        assertThat(kept)
                .as("queries with parts kept as raw SQL, which the exports must carry too")
                .isNotEmpty();
    }

    @Test
    void noDateOrTimeExpressionOfTheCorpusIsKeptAsRawSql() {
        var dateParts = java.util.regex.Pattern.compile(
                "interval|date_trunc|extract\\(|(date|time|timestamp) '", java.util.regex.Pattern.CASE_INSENSITIVE);

        assertThat(kept.values().stream()
                        .flatMap(List::stream)
                        .filter(sql -> dateParts.matcher(sql).find()))
                .as("raw parts that are dates or times, of %s", kept)
                .isEmpty();
    }

    @Test
    void sqlAlchemyExportOfEveryQueryRunsAndReturnsTheRenderedRows() {
        var exporter = new SqlAlchemyExporter();
        var code = new LinkedHashMap<String, String>();
        models.forEach((name, query) -> code.put(name, exporter.export(query)));

        var outcomes = ExportedPython.run(database, code);

        var failures = new TreeMap<String, String>();
        for (var name : models.keySet()) {
            var outcome = outcomes.get(name);
            if (outcome.error() != null) {
                failures.put(name, outcome.error() + "\n" + code.get(name));
            } else if (!CanonicalRows.sorted(outcome.rows()).equals(CanonicalRows.sorted(expected.get(name)))) {
                failures.put(
                        name,
                        "rows differ: " + outcome.rows() + "\nexpected " + expected.get(name) + "\n" + code.get(name));
            }
        }
        assertOnlyExcludedFail(failures);
    }

    @Test
    void jooqExportOfEveryQueryCompilesRunsAndReturnsTheRenderedRows() throws Exception {
        var exporter = new JooqJavaExporter();
        var failures = new TreeMap<String, String>();
        var methods = new LinkedHashMap<String, String>();
        models.forEach((name, query) -> methods.put(
                name,
                "    public static org.jooq.Query " + name + "(DSLContext ctx) {\n        return "
                        + exporter.expression(query) + ";\n    }\n"));
        var compiled = exportedClass(String.join("", methods.values()));
        if (compiled.type() == null) {
            // Compile each query alone to tell which of them do not compile, and run the others.
            methods.forEach((name, method) -> {
                var alone = exportedClass(method);
                if (alone.type() == null) {
                    failures.put(name, "does not compile: " + alone.errors() + "\n" + method);
                }
            });
            var compiling = new StringBuilder();
            methods.forEach((name, method) -> compiling.append(failures.containsKey(name) ? "" : method));
            compiled = exportedClass(compiling.toString());
        }
        DSLContext ctx = DSL.using(SQLDialect.POSTGRES);
        for (var name : methods.keySet()) {
            if (failures.containsKey(name)) {
                continue;
            }
            String sql = null;
            try {
                var built = (org.jooq.Query)
                        compiled.type().getMethod(name, DSLContext.class).invoke(null, ctx);
                sql = ctx.renderInlined(built);
                var rows = CanonicalRows.of(database.rows(sql));
                if (!CanonicalRows.sorted(rows).equals(CanonicalRows.sorted(expected.get(name)))) {
                    failures.put(name, "rows differ: " + rows + "\nexpected " + expected.get(name) + "\n" + sql);
                }
            } catch (RuntimeException | ReflectiveOperationException e) {
                failures.put(name, e + "\n" + sql + "\n" + methods.get(name));
            }
        }
        assertOnlyExcludedFail(failures);
    }

    private static CompiledJava exportedClass(String methods) {
        return CompiledJava.jooq("ExportedExercises", methods);
    }

    private static void assertOnlyExcludedFail(Map<String, String> failures) {
        var unexpected = new TreeMap<>(failures);
        unexpected.keySet().removeAll(EXCLUDED.keySet());
        var nowPassing = new ArrayList<>(EXCLUDED.keySet());
        nowPassing.removeAll(failures.keySet());
        assertThat(unexpected)
                .as("exports that failed (%d of %d): %s", unexpected.size(), models.size(), unexpected.keySet())
                .isEmpty();
        assertThat(nowPassing)
                .as("excluded queries that now run: take them out of EXCLUDED")
                .isEmpty();
    }
}
