package dev.athanor.model.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The libpq password file ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names), read with libpq's rules:
 * lines {@code host:port:database:username:password}, {@code *} matching anything in the first four fields,
 * {@code \:} and {@code \\} escapes, {@code #} comments, and the first matching line wins.
 *
 * <p>Like libpq, a file that group or others may read or write is ignored with a warning (it must be 0600 or
 * stricter). The file is read at each lookup, so edits take effect without a restart.
 */
public final class PgPassFile implements PasswordSource {
    private static final EnumSet<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;

    private PgPassFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The file at {@code path} (which may not exist). */
    public static PgPassFile at(Path path) {
        return new PgPassFile(path);
    }

    /**
     * The file libpq would read: {@code PGPASSFILE} if set, else {@code .pgpass} in {@code HOME} (or, on Windows,
     * {@code %APPDATA%\postgresql\pgpass.conf}).
     */
    public static PgPassFile locate(Map<String, String> environment) {
        var override = environment.get("PGPASSFILE");
        if (override != null && !override.isBlank()) {
            return new PgPassFile(Path.of(override));
        }
        var appData = environment.get("APPDATA");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") && appData != null) {
            return new PgPassFile(Path.of(appData, "postgresql", "pgpass.conf"));
        }
        var home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return new PgPassFile(Path.of(home, ".pgpass"));
    }

    /** The file read (it may not exist). */
    public Path path() {
        return path;
    }

    @Override
    public Optional<Password> lookup(ConnectionProfile profile) {
        if (problem().isPresent()) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        // A socket directory counts as "localhost", as in libpq.
        var host = profile.host().startsWith("/") ? "localhost" : profile.host();
        var wanted = List.of(host, Integer.toString(profile.port()), profile.database(), profile.user());
        for (var i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var fields = split(line);
            if (fields.size() < 5) {
                continue;
            }
            var matches = true;
            for (var f = 0; f < 4 && matches; f++) {
                var field = fields.get(f);
                matches = field.wildcard() || field.text().equals(wanted.get(f));
            }
            if (matches) {
                return Optional.of(new Password(
                        fields.get(4).text().toCharArray(), PasswordOrigin.PGPASS_FILE, path + " line " + (i + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> warnings() {
        return problem().map(List::of).orElse(List.of());
    }

    /** Why the file cannot be used although it exists; empty when it is usable or simply absent. */
    public Optional<String> problem() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("password file " + path + " is not a plain file; it was ignored");
        }
        try {
            var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
                return Optional.of("password file " + path
                        + " has group or world access; permissions should be u=rw (0600) or less. It was ignored.");
            }
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions on this file system (Windows): libpq does not check there either.
        } catch (IOException e) {
            return Optional.of("password file " + path + " cannot be read: " + e.getMessage());
        }
        if (!Files.isReadable(path)) {
            return Optional.of("password file " + path + " cannot be read; it was ignored");
        }
        return Optional.empty();
    }

    private record Field(String text, boolean wildcard) {}

    /** Splits at unescaped ':'; a backslash takes the next character literally. */
    private static List<Field> split(String line) {
        var fields = new ArrayList<Field>();
        var current = new StringBuilder();
        var escaped = false;
        for (var i = 0; i < line.length(); i++) {
            var c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                escaped = true;
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field(current, escaped));
                current.setLength(0);
                escaped = false;
            } else if (c == ':') {
                break; // the password ends at the next unescaped ':', as in libpq
            } else {
                current.append(c);
            }
        }
        fields.add(field(current, escaped));
        return fields;
    }

    private static Field field(StringBuilder text, boolean escaped) {
        var value = text.toString();
        return new Field(value, !escaped && value.equals("*"));
    }

    @Override
    public String toString() {
        return "PgPassFile[" + path + "]";
    }
}
