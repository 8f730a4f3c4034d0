package dev.athanor.sample.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One statement of a SQL file that names its statements, as {@code docs/examples/showcase.sql} and the test corpora
 * do: a line {@code -- name: what it does}, then the SQL up to a semicolon that ends a line.
 *
 * @param name the statement's name, unique in its file
 * @param description what the statement does
 * @param sql the statement without its semicolon
 */
public record NamedSql(String name, String description, String sql) {
    private static final Pattern HEADER = Pattern.compile("^-- ([a-z0-9_]+): (.*)$");

    /** The documented showcase queries, {@code docs/examples/showcase.sql}, which tests read rather than copy. */
    public static List<NamedSql> showcase() {
        return read(showcaseFile());
    }

    /** The SQL of the showcase query {@code name}. */
    public static String showcase(String name) {
        return showcase().stream()
                .filter(statement -> statement.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("docs/examples/showcase.sql has no query " + name))
                .sql();
    }

    /** {@code docs/examples/showcase.sql}, found from the working directory (the project's or a module's). */
    public static Path showcaseFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve("examples").resolve("showcase.sql");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException(
                "No docs/examples/showcase.sql above " + Path.of("").toAbsolutePath());
    }

    /** The named statements of a file, in file order. */
    public static List<NamedSql> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named statements of a file on the class path of {@code anchor}, in file order. */
    public static List<NamedSql> read(Class<?> anchor, String resource) {
        try (var in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + resource + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<NamedSql> parse(String text, String source) {
        var statements = new ArrayList<NamedSql>();
        String name = null;
        String description = null;
        var sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (name == null) {
                var header = HEADER.matcher(line);
                if (header.matches()) {
                    name = header.group(1);
                    description = header.group(2);
                }
                continue;
            }
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith(";")) {
                sql.append(trimmed, 0, trimmed.length() - 1);
                statements.add(new NamedSql(name, description, sql.toString().strip()));
                name = null;
                sql.setLength(0);
            } else {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            throw new IllegalArgumentException("Statement " + name + " of " + source + " has no closing semicolon");
        }
        return statements;
    }
}
