package dev.athanor.query.project;

import java.io.Serial;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A project file could not be read or written. {@link #getMessage()} is a sentence for people that names the
 * file, the place in it (line and column, and the JSON path such as {@code queries[1].query.items[0]}) and the
 * problem; the parts are also available one by one.
 */
public final class ProjectFileException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        /** The file does not exist or cannot be read. */
        UNREADABLE,
        /** The file is empty. */
        EMPTY,
        /** The JSON stops in the middle (the file was cut short). */
        TRUNCATED,
        /** The text is not valid JSON. */
        MALFORMED,
        /** Valid JSON, but not an Athanor project (no {@code "format": "athanor-project"}). */
        NOT_A_PROJECT,
        /** Written by a newer Athanor in a format version this one does not know. */
        NEWER_VERSION,
        /** A project in a known version, but a part of it is missing or wrong. */
        INVALID,
        /** Saving would replace a file that is not a readable project; only "save as" may do that. */
        OVERWRITE_REFUSED,
        /** Writing the file failed; the previous content is unchanged. */
        WRITE_FAILED
    }

    private final transient Path file;
    private final Problem problem;
    private final String jsonPath;
    private final int line;
    private final int column;
    private final String reason;

    ProjectFileException(
            Path file, Problem problem, String jsonPath, int line, int column, String reason, Throwable cause) {
        super(compose(file, jsonPath, line, column, reason), cause);
        this.file = file;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.jsonPath = jsonPath;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    static ProjectFileException of(Path file, Problem problem, String reason, Throwable cause) {
        return new ProjectFileException(file, problem, null, -1, -1, reason, cause);
    }

    private static String compose(Path file, String jsonPath, int line, int column, String reason) {
        var where = new StringBuilder(file == null ? "project" : file.toString());
        if (line > 0) {
            where.append(", line ").append(line);
            if (column > 0) {
                where.append(", column ").append(column);
            }
        }
        if (jsonPath != null && !jsonPath.isEmpty()) {
            where.append(" (at ").append(jsonPath).append(')');
        }
        return where + ": " + reason;
    }

    /** The file concerned, or {@code null} for text not read from a file. */
    public Path file() {
        return file;
    }

    /** The kind of problem. */
    public Problem problem() {
        return problem;
    }

    /** The JSON path of the faulty part ({@code queries[1].query.items[0]}), when known. */
    public Optional<String> jsonPath() {
        return Optional.ofNullable(jsonPath);
    }

    /** The line (from 1) where the problem was found, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The column (from 1) where the problem was found, or -1 when unknown. */
    public int column() {
        return column;
    }

    /** The problem alone, without file and position. */
    public String reason() {
        return reason;
    }
}
