package dev.athanor.query.export;

import static dev.athanor.query.testing.SampleDatabase.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.athanor.query.model.Query;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.render.QueryRenderer;
import dev.athanor.query.testing.SampleDatabase;
import dev.athanor.query.testing.Showcase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exported jOOQ code compiles, and the query it builds returns the same rows as the model's own rendering. */
class JooqJavaExportRunTest {
    private static SampleDatabase database;
    private final JooqJavaExporter exporter = new JooqJavaExporter();
    private final QueryRenderer renderer = new QueryRenderer();

    @BeforeAll
    static void createDatabase() {
        database = SampleDatabase.create("export");
    }

    @Test
    void exportedCodeOfShowcaseAndClauseQueriesCompilesAndReturnsTheSameRows() throws Exception {
        var importer = new SqlImporter();
        List<Query> queries = List.of(
                Showcase.averagePerWorkload().withHaving(null),
                Showcase.differenceToAverage(),
                importer.importSql(
                                "SELECT w.id, v.id FROM workers w CROSS JOIN vacancies v WHERE w.id < 4 AND v.id < 4")
                        .query(),
                importer.importSql("SELECT u.id, p.id FROM users u FULL JOIN projects p ON p.owner_id = u.id")
                        .query(),
                importer.importSql("SELECT id, sum(compensation) OVER (PARTITION BY worker_id ORDER BY id"
                                + " ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), row_number() OVER w"
                                + " FROM resumes WHERE worker_id < 100 AND title NOT ILIKE '%java%'"
                                + " WINDOW w AS (ORDER BY id)")
                        .query(),
                importer.importSql("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10)"
                                + " SELECT x FROM n")
                        .query(),
                importer.importSql("SELECT workload, worker_id % 3, count(*), count(DISTINCT worker_id)"
                                + " FROM resumes WHERE compensation BETWEEN 1 AND 100000 AND worker_id IN (1, 2, 3, 4)"
                                + " GROUP BY GROUPING SETS ((workload), (worker_id % 3), ())")
                        .query(),
                importer.importSql("SELECT w.id FROM workers w WHERE NOT EXISTS (SELECT 1 FROM resumes r"
                                + " WHERE r.worker_id = w.id) OR w.id IN (SELECT worker_id FROM resumes"
                                + " WHERE workload = 'parttime') ORDER BY 1 DESC LIMIT 20")
                        .query());

        var sources = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            sources.append("    public static org.jooq.Query query")
                    .append(i)
                    .append("(DSLContext ctx) {\n        return ")
                    .append(exporter.expression(queries.get(i)))
                    .append(";\n    }\n");
        }
        var exported = compile(
                "Exported",
                "import static org.jooq.impl.DSL.*;\nimport org.jooq.*;\nimport org.jooq.impl.SQLDataType;\n"
                        + "import java.util.List;\npublic class Exported {\n" + sources + "}\n");
        DSLContext ctx = DSL.using(SQLDialect.POSTGRES);

        for (int i = 0; i < queries.size(); i++) {
            var built = (org.jooq.Query)
                    exported.getMethod("query" + i, DSLContext.class).invoke(null, ctx);
            var expected = database.rows(renderer.render(queries.get(i), Map.of()));
            var actual = database.rows(ctx.renderInlined(built));
            assertThat(expected).as("rows of query %d", i).isNotEmpty();
            assertThat(sorted(actual)).as("rows of exported query %d", i).isEqualTo(sorted(expected));
        }
    }

    /** Compiles one class in memory against the test class path and loads it. */
    private static Class<?> compile(String className, String source) throws Exception {
        var compiler = ToolProvider.getSystemJavaCompiler();
        var classes = new HashMap<String, ByteArrayOutputStream>();
        var standard = compiler.getStandardFileManager(null, null, null);
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    JavaFileManager.Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        var file =
                new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        var errors = new java.io.StringWriter();
        boolean compiled = compiler.getTask(
                        errors,
                        manager,
                        null,
                        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"),
                        null,
                        List.of(file))
                .call();
        assertThat(compiled)
                .as("exported code compiles:\n%s\n%s", errors, source)
                .isTrue();
        var loader = new ClassLoader(JooqJavaExportRunTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                var bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            }
        };
        return loader.loadClass(className);
    }
}
