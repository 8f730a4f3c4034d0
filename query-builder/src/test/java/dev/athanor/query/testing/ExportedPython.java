package dev.athanor.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athanor.sample.testkit.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs exported SQLAlchemy code with the system's Python 3 against a test database, through
 * {@code run_exported.py}: each piece of code gets an {@code engine} and must leave its statement in {@code query}.
 * Needs Debian's {@code python3-sqlalchemy} and {@code python3-psycopg2} ({@code .ci/run} and
 * {@code ./athanor test} install them when run as root).
 */
public final class ExportedPython {
    /** Debian's interpreter, which is the one those packages install into (not a pyenv one on the PATH). */
    private static final String PYTHON = "/usr/bin/python3";

    private static final String PACKAGES = "python3-sqlalchemy python3-psycopg2";

    private ExportedPython() {}

    /**
     * What one piece of code gave: its rows as {@link CanonicalRows} text, or the Python error that stopped it.
     *
     * @param rows the rows, in the order the statement returned them; null when it failed
     * @param error the exception type and message; null when it ran
     */
    public record Outcome(List<List<String>> rows, String error) {}

    /** Runs each named piece of code in its own namespace, in one Python process. */
    public static Map<String, Outcome> run(SampleDatabase database, Map<String, String> codeByName) {
        return run(database, codeByName, Map.of());
    }

    /**
     * Runs each named piece of code in its own namespace, in one Python process, executing its statement with the
     * values of its {@code bindparam(...)}s given under its name in {@code parameters} (JSON-compatible values).
     */
    public static Map<String, Outcome> run(
            SampleDatabase database, Map<String, String> codeByName, Map<String, Map<String, Object>> parameters) {
        requirePackages();
        try {
            Path dir = Files.createTempDirectory("athanor-exported-python");
            Path script = dir.resolve("run_exported.py");
            try (InputStream in = ExportedPython.class.getResourceAsStream("run_exported.py")) {
                Files.copy(in, script);
            }
            Path input = dir.resolve("code.json");
            Path output = dir.resolve("rows.json");
            var json = new ObjectMapper();
            json.writeValue(input.toFile(), Map.of("code", codeByName, "parameters", parameters));
            var server = TestPostgres.shared();
            String url = "postgresql+psycopg2://" + server.superuser() + "@" + server.host() + ":" + server.port() + "/"
                    + database.name();
            var process = new ProcessBuilder(PYTHON, script.toString(), url, input.toString(), output.toString())
                    .redirectErrorStream(true)
                    .start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES))
                    .as("Python finished")
                    .isTrue();
            assertThat(process.exitValue())
                    .as("Python's exit code; it said:\n%s", log)
                    .isZero();
            return json.readValue(output.toFile(), new TypeReference<Map<String, Outcome>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Python ran", e);
        }
    }

    private static void requirePackages() {
        String problem;
        try {
            var check = new ProcessBuilder(PYTHON, "-c", "import sqlalchemy, psycopg2")
                    .redirectErrorStream(true)
                    .start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            problem = check.waitFor() == 0 ? null : said.strip();
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        assertThat(problem)
                .as(
                        "The SQLAlchemy export is run with %s, which needs the packages %s"
                                + " (apt-get install -y %s; .ci/run and ./athanor test install them as root): %s",
                        PYTHON, PACKAGES, PACKAGES, problem)
                .isNull();
    }
}
