package dev.athanor.query.project;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athanor.query.parse.ImportResult;
import dev.athanor.query.parse.SqlImporter;
import dev.athanor.query.project.ProjectFileException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes project files: JSON marked {@code "format": "athanor-project"} with a {@code "version"}.
 *
 * <p>Opening never writes: a file in an older version is converted in memory (and the {@link OpenedProject} says
 * so); a broken file is reported with its place and left alone. {@link #save} refuses to replace a file that is
 * not a readable project, so a file the user still has to repair is not lost by accident; {@link #saveAs} replaces
 * whatever is there. Every write goes to a temporary file in the same directory, is forced to disk, and is then
 * renamed over the target, so a crash leaves the old file or the new one, never a mix.
 */
public final class ProjectFile {
    /** The value of the {@code format} marker. */
    public static final String FORMAT = "athanor-project";

    /** The version this Athanor writes. */
    public static final int CURRENT_VERSION = 3;

    /** The file name ending the application suggests. */
    public static final String EXTENSION = ".athanor.json";

    private final Function<String, ImportResult> importer;

    /**
     * @param importer turns the SQL text of a version 1 query (or a version 2 raw condition) into the model (it keeps what it cannot model as raw
     *     nodes); used only when migrating old files
     */
    public ProjectFile(Function<String, ImportResult> importer) {
        this.importer = Objects.requireNonNull(importer, "importer");
    }

    /** Project files as the application reads them: version 1 SQL is imported with the {@link SqlImporter}. */
    public static ProjectFile standard() {
        var importer = new SqlImporter();
        return new ProjectFile(importer::importSql);
    }

    /** Reads the project at {@code file}. */
    public OpenedProject open(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ProjectFileException.of(
                    file,
                    Problem.UNREADABLE,
                    file.isAbsolute()
                            ? "the file does not exist"
                            : "the file does not exist (looked for " + file.toAbsolutePath() + ")",
                    e);
        } catch (AccessDeniedException e) {
            throw ProjectFileException.of(file, Problem.UNREADABLE, "permission to read the file is denied", e);
        } catch (IOException e) {
            throw ProjectFileException.of(
                    file, Problem.UNREADABLE, "the file cannot be read (" + e.getMessage() + ")", e);
        }
        return read(file, bytes);
    }

    /**
     * Reads a project from the bytes of a file.
     *
     * @param file the file the bytes came from, named in error messages (may be {@code null})
     */
    public OpenedProject read(Path file, byte[] bytes) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw ProjectFileException.of(file, Problem.EMPTY, "the file is empty", null);
        }
        JsonNode tree;
        try {
            tree = ProjectJson.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            if (e instanceof JsonEOFException || atEnd(e.getLocation(), bytes)) {
                throw located(
                        file,
                        Problem.TRUNCATED,
                        null,
                        e.getLocation(),
                        "the file ends in the middle of the JSON (it looks truncated)",
                        e);
            }
            throw located(
                    file,
                    Problem.MALFORMED,
                    null,
                    e.getLocation(),
                    "this is not valid JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw ProjectFileException.of(
                    file, Problem.UNREADABLE, "the file cannot be read (" + e.getMessage() + ")", e);
        }
        if (!(tree instanceof ObjectNode root)) {
            throw ProjectFileException.of(
                    file,
                    Problem.NOT_A_PROJECT,
                    "this is not an Athanor project file (the JSON is not an object with \"format\": \"" + FORMAT
                            + "\")",
                    null);
        }
        var format = root.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.asText())) {
            throw located(
                    file,
                    Problem.NOT_A_PROJECT,
                    "format",
                    locationOf(bytes, "format"),
                    "this is not an Athanor project file (expected \"format\": \"" + FORMAT + "\", found "
                            + (format == null ? "no format marker" : format.toString()) + ")",
                    null);
        }
        var versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToExactIntegral() || !versionNode.canConvertToInt()) {
            throw located(
                    file,
                    Problem.INVALID,
                    "version",
                    locationOf(bytes, "version"),
                    "the \"version\" field must be a whole number (this Athanor writes " + CURRENT_VERSION + ")",
                    null);
        }
        var version = versionNode.asInt();
        if (version > CURRENT_VERSION) {
            throw located(
                    file,
                    Problem.NEWER_VERSION,
                    "version",
                    locationOf(bytes, "version"),
                    "this project was written by a newer Athanor (format version " + version
                            + "); this Athanor reads versions 1 to " + CURRENT_VERSION + ". Update Athanor to open it.",
                    null);
        }
        if (version < 1) {
            throw located(
                    file,
                    Problem.INVALID,
                    "version",
                    locationOf(bytes, "version"),
                    "format version " + version + " does not exist (versions start at 1)",
                    null);
        }
        if (version < CURRENT_VERSION) {
            var notices = new ArrayList<String>();
            notices.add("This project was written in format version " + version + " and was converted to version "
                    + CURRENT_VERSION + " in memory; the file stays as it is until you save it.");
            ObjectNode migrated = root;
            if (version == 1) {
                var migration = new VersionOneMigration(importer);
                migrated = migration.migrate(file, migrated);
                notices.addAll(migration.notices());
            } else {
                var migration = new VersionTwoMigration(importer);
                migrated = migration.migrate(file, migrated);
                notices.addAll(migration.notices());
            }
            var current = migrated;
            var project = bind(file, () -> ProjectJson.MAPPER.treeToValue(current, ProjectDocument.class));
            return new OpenedProject(project.project(), version, notices);
        }
        var document = bind(file, () -> ProjectJson.MAPPER.readValue(bytes, ProjectDocument.class));
        return new OpenedProject(document.project(), version, List.of());
    }

    /** The project as the JSON text {@link #save} writes. */
    public String toJson(QueryProject project) {
        try {
            return ProjectJson.WRITER.writeValueAsString(ProjectDocument.of(project)) + "\n";
        } catch (JsonProcessingException e) {
            throw ProjectFileException.of(
                    null, Problem.WRITE_FAILED, "the project cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes {@code project} to {@code file}, replacing a previous version of the project. Refuses (with
     * {@link Problem#OVERWRITE_REFUSED}) when the file exists but is not a readable project: use {@link #saveAs}
     * after the user confirmed.
     */
    public void save(Path file, QueryProject project) {
        if (Files.exists(file)) {
            try {
                open(file);
            } catch (ProjectFileException unreadable) {
                throw ProjectFileException.of(
                        file,
                        Problem.OVERWRITE_REFUSED,
                        "the file holds something that is not a readable project (" + unreadable.reason()
                                + "); it was left unchanged. Use \"Save as\" to replace it.",
                        unreadable);
            }
        }
        saveAs(file, project);
    }

    /** Writes {@code project} to {@code file}, replacing whatever the file held. */
    public void saveAs(Path file, QueryProject project) {
        var bytes = toJson(project).getBytes(StandardCharsets.UTF_8);
        var target = file.toAbsolutePath();
        var directory = target.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
            try (var channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            keepPermissions(target, temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            forceDirectory(directory);
        } catch (IOException e) {
            throw ProjectFileException.of(
                    file,
                    Problem.WRITE_FAILED,
                    "the project could not be saved (" + e.getMessage() + "); the previous file is unchanged",
                    e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed and says so; a leftover temporary file is the lesser problem.
                }
            }
        }
    }

    /** A new file gets the usual rw-r--r--; a replaced one keeps its permissions (the temporary file has 600). */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        var view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (Files.exists(target)) {
            view.setPermissions(Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class)
                    .permissions());
        } else {
            view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened, which is fine. */
    private static void forceDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory; its rename is durable enough for a project file.
        }
    }

    @FunctionalInterface
    private interface Binding {
        ProjectDocument read() throws IOException;
    }

    private static ProjectDocument bind(Path file, Binding binding) {
        try {
            return binding.read();
        } catch (JsonEOFException e) {
            throw located(
                    file,
                    Problem.TRUNCATED,
                    null,
                    e.getLocation(),
                    "the file ends in the middle of the JSON (it looks truncated)",
                    e);
        } catch (JsonMappingException e) {
            throw located(file, Problem.INVALID, jsonPath(e), e.getLocation(), explain(e), e);
        } catch (JsonProcessingException e) {
            throw located(
                    file,
                    Problem.MALFORMED,
                    null,
                    e.getLocation(),
                    "this is not valid JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw ProjectFileException.of(
                    file, Problem.UNREADABLE, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A parse failure at the last byte means the text stopped early, whatever token it stopped in. */
    private static boolean atEnd(JsonLocation location, byte[] bytes) {
        return location != null && location.getByteOffset() >= bytes.length;
    }

    private static ProjectFileException located(
            Path file, Problem problem, String path, JsonLocation location, String reason, Throwable cause) {
        var line = location == null ? -1 : location.getLineNr();
        var column = location == null ? -1 : location.getColumnNr();
        return new ProjectFileException(file, problem, path, line, column, reason, cause);
    }

    /** {@code queries[1].query.items[0]} for the reference chain of a mapping failure. */
    static String jsonPath(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String explain(JsonMappingException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            var known = knownKinds(typeId.getBaseType().getRawClass());
            var what = typeId.getBaseType().getRawClass().getSimpleName();
            if (typeId.getTypeId() == null) {
                return "this " + describe(what) + " has no \"kind\" (expected one of: " + known + ")";
            }
            return "unknown kind '" + typeId.getTypeId() + "' for " + describe(what) + " (expected one of: " + known
                    + ")";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            var known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : " (known fields: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")";
            return "unknown field '" + unknown.getPropertyName() + "'" + known;
        }
        if (e instanceof ValueInstantiationException instantiation) {
            var cause = instantiation.getCause();
            if (cause instanceof NullPointerException
                    && cause.getMessage() != null
                    && !cause.getMessage().contains(" ")) {
                return "the required field '" + cause.getMessage() + "' is missing";
            }
            if (cause != null && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of: " + enumNames(format.getTargetType());
        }
        var message = e.getOriginalMessage();
        return message.replaceAll("`(?:[a-z]+\\.)+([A-Za-z$]+)`", "$1").replace('$', '.');
    }

    private static String describe(String simpleName) {
        return switch (simpleName) {
            case "Expression" -> "an expression";
            case "Predicate" -> "a condition";
            case "TableSource" -> "a FROM item";
            case "SelectItem" -> "a select item";
            case "Query" -> "a query";
            case "Grouping" -> "a GROUP BY element";
            default -> "a " + simpleName;
        };
    }

    private static String knownKinds(Class<?> type) {
        var subTypes = type.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return "?";
        }
        return Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
    }

    private static String enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> {
                    try {
                        var property = enumType.getField(((Enum<?>) constant).name())
                                .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                        return property == null ? ((Enum<?>) constant).name() : property.value();
                    } catch (NoSuchFieldException e) {
                        return ((Enum<?>) constant).name();
                    }
                })
                .collect(Collectors.joining(", "));
    }

    /** Where the value of top-level field {@code name} starts, or {@code null} when it is not there. */
    private static JsonLocation locationOf(byte[] bytes, String name) {
        try (var parser = ProjectJson.MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                parser.nextToken();
                if (name.equals(field)) {
                    return parser.currentTokenLocation();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
