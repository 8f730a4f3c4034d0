package dev.athanor.model.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved connection profiles: one JSON file ({@code profiles.json}) in the user's configuration directory.
 *
 * <p>Passwords are never written (profiles do not hold any). Each change rewrites the whole file through a
 * temporary file and an atomic rename, so a crash leaves either the old or the new file. A file that cannot be
 * parsed is reported and left as it is: no change is saved over it until the user fixes or removes it.
 *
 * <p>Thread-safe within one process.
 */
public final class ProfileStore {
    /** Version of the file layout, written into the file for future migrations. */
    public static final int FORMAT_VERSION = 1;

    private static final String FILE_NAME = "profiles.json";

    private final Path file;

    /**
     * The mapper, made on first use: the desktop creates its store before the window shows, and loading Jackson
     * there would hold the first paint back; the profiles are read later, off the UI thread.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** A store whose file is {@code directory/profiles.json}; the directory is created on first save. */
    public ProfileStore(Path directory) {
        this.file = Objects.requireNonNull(directory, "directory").resolve(FILE_NAME);
    }

    /** The JSON file the profiles live in. */
    public Path file() {
        return file;
    }

    /** Every saved profile, sorted by name. Empty when the file does not exist yet. */
    public synchronized List<ConnectionProfile> list() {
        return read().stream()
                .sorted(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The profile called {@code name}, if saved. */
    public synchronized Optional<ConnectionProfile> find(String name) {
        return read().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Saves a new profile.
     *
     * @throws ProfileStoreException when a profile of that name exists, or the file is damaged or unwritable
     */
    public synchronized void create(ConnectionProfile profile) {
        var profiles = read();
        if (profiles.stream().anyMatch(p -> p.name().equals(profile.name()))) {
            throw new ProfileStoreException("A connection named '" + profile.name() + "' already exists.");
        }
        profiles.add(profile);
        write(profiles);
    }

    /**
     * Replaces the profile called {@code name} (the new one may carry another name: a rename).
     *
     * @throws ProfileStoreException when there is no such profile, the new name is taken, or the file is damaged
     */
    public synchronized void update(String name, ConnectionProfile profile) {
        var profiles = read();
        var index = indexOf(profiles, name);
        if (index < 0) {
            throw new ProfileStoreException("There is no saved connection named '" + name + "'.");
        }
        if (!name.equals(profile.name()) && indexOf(profiles, profile.name()) >= 0) {
            throw new ProfileStoreException("A connection named '" + profile.name() + "' already exists.");
        }
        profiles.set(index, profile);
        write(profiles);
    }

    /** Removes the profile called {@code name}; returns false when there was none. */
    public synchronized boolean delete(String name) {
        var profiles = read();
        var index = indexOf(profiles, name);
        if (index < 0) {
            return false;
        }
        profiles.remove(index);
        write(profiles);
        return true;
    }

    private static int indexOf(List<ConnectionProfile> profiles, String name) {
        for (var i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The file's layout: a version and the profiles, without any password field. */
    private record StoredFile(int version, List<StoredProfile> profiles) {}

    private record StoredProfile(
            String name,
            String host,
            int port,
            String database,
            String user,
            String sslMode,
            Map<String, String> options) {

        static StoredProfile of(ConnectionProfile profile) {
            return new StoredProfile(
                    profile.name(),
                    profile.host(),
                    profile.port(),
                    profile.database(),
                    profile.user(),
                    profile.sslMode().keyword(),
                    profile.options());
        }

        ConnectionProfile toProfile() {
            return new ConnectionProfile(
                    name,
                    host,
                    port,
                    database,
                    user,
                    sslMode == null ? SslMode.PREFER : SslMode.parse(sslMode),
                    options == null ? Map.of() : options);
        }
    }

    private List<ConnectionProfile> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            var stored = Json.MAPPER.readValue(file.toFile(), StoredFile.class);
            if (stored == null || stored.profiles() == null) {
                throw damaged("it holds no profile list", null);
            }
            if (stored.version() > FORMAT_VERSION) {
                throw new ProfileStoreException("The connection file " + file + " was written by a newer version "
                        + "of Athanor (format " + stored.version() + "); it was left untouched.");
            }
            var profiles = new ArrayList<ConnectionProfile>();
            for (var profile : stored.profiles()) {
                try {
                    profiles.add(profile.toProfile());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw damaged("connection '" + profile.name() + "': " + e.getMessage(), e);
                }
            }
            return profiles;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            var where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw damaged("it is not valid" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileStoreException("The connection file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private ProfileStoreException damaged(String problem, Throwable cause) {
        return new ProfileStoreException(
                "The connection file " + file + " is damaged (" + problem
                        + "). It was left untouched; fix or remove it to save connections again.",
                cause);
    }

    private void write(List<ConnectionProfile> profiles) {
        var stored = new StoredFile(
                FORMAT_VERSION, profiles.stream().map(StoredProfile::of).toList());
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Files.write(temp, Json.MAPPER.writeValueAsBytes(stored));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new ProfileStoreException("The connection file " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
