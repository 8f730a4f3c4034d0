package dev.athanor.query.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One query of a corpus file: a line {@code -- name: what it asks}, then the SQL up to a semicolon that ends a line.
 *
 * @param name the query's name, unique in its file
 * @param question what the query answers
 * @param sql the statement without its semicolon
 */
public record Exercise(String name, String question, String sql) {
    private static final Pattern HEADER = Pattern.compile("^-- ([a-z0-9_]+): (.*)$");

    /** The queries of a corpus file on the test class path, in file order. */
    public static List<Exercise> read(String resource) {
        String text;
        try (var in = Exercise.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus " + resource + " on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var exercises = new ArrayList<Exercise>();
        String name = null;
        String question = null;
        var sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            var header = HEADER.matcher(line);
            if (name == null) {
                if (header.matches()) {
                    name = header.group(1);
                    question = header.group(2);
                }
                continue;
            }
            String trimmed = line.stripTrailing();
            if (trimmed.endsWith(";")) {
                sql.append(trimmed, 0, trimmed.length() - 1);
                exercises.add(new Exercise(name, question, sql.toString().strip()));
                name = null;
                sql.setLength(0);
            } else {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            throw new IllegalArgumentException("Query " + name + " of " + resource + " has no closing semicolon");
        }
        return exercises;
    }
}
