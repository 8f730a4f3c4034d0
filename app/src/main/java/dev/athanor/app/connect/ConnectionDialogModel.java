package dev.athanor.app.connect;

import dev.athanor.app.problem.Problem;
import dev.athanor.app.task.Background;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.ConnectionString;
import dev.athanor.model.engine.ProfileFormatException;
import dev.athanor.model.engine.ProfileStore;
import dev.athanor.model.engine.SslMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog: a list of saved profiles and a form to create, edit, test and delete them.
 *
 * <p>Each field has its own validation message, updated as the user types. A pasted libpq URI or JDBC URL
 * fills the fields. The store is read and written off the UI thread; so is the Test button's connection.
 */
public final class ConnectionDialogModel {
    private final Background background;
    private final ProfileStore store;
    private final ConnectionTester tester;
    private final Map<String, String> environment;
    private final Consumer<List<ConnectionProfile>> onSaved;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConnectionProfile> editing = new ReadOnlyObjectWrapper<>(this, "editing");

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port", "5432");
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(this, "sslMode", SslMode.PREFER);
    private final StringProperty connectionString = new SimpleStringProperty(this, "connectionString", "");
    private final StringProperty testPassword = new SimpleStringProperty(this, "testPassword", "");

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper hostError = new ReadOnlyStringWrapper(this, "hostError", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper databaseError = new ReadOnlyStringWrapper(this, "databaseError", "");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper(this, "userError", "");
    private final ReadOnlyStringWrapper connectionStringError =
            new ReadOnlyStringWrapper(this, "connectionStringError", "");
    private final BooleanBinding valid;

    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private long testGeneration;

    /**
     * @param environment environment variables, for connection-string defaults (PGUSER, PGHOST…)
     * @param onSaved called on the UI thread with the saved profiles after each change
     */
    public ConnectionDialogModel(
            Background background,
            ProfileStore store,
            ConnectionTester tester,
            Map<String, String> environment,
            Consumer<List<ConnectionProfile>> onSaved) {
        this.background = background;
        this.store = store;
        this.tester = tester;
        this.environment = Map.copyOf(environment);
        this.onSaved = onSaved;
        for (var field : List.of(name, host, port, database, user)) {
            field.addListener((obs, old, text) -> validate());
        }
        sslMode.addListener((obs, old, mode) -> testResult.set(""));
        valid = Bindings.createBooleanBinding(
                () -> nameError.get().isEmpty()
                        && hostError.get().isEmpty()
                        && portError.get().isEmpty()
                        && databaseError.get().isEmpty()
                        && userError.get().isEmpty(),
                nameError,
                hostError,
                portError,
                databaseError,
                userError);
        validate();
    }

    /** Reads the saved profiles (off the UI thread). */
    public void load() {
        busy.set(true);
        background.submit(
                "Reading connection profiles",
                store::list,
                list -> {
                    busy.set(false);
                    profiles.setAll(list);
                },
                failure -> {
                    busy.set(false);
                    problem.set(Problem.describe("Could not read the connection profiles", failure));
                });
    }

    /** Starts a new profile with default fields. */
    public void newProfile() {
        editing.set(null);
        fill(
                new ConnectionProfile(
                        "",
                        "localhost",
                        ConnectionProfile.DEFAULT_PORT,
                        "postgres",
                        defaultUser(),
                        SslMode.PREFER,
                        Map.of()),
                "");
    }

    /** Loads {@code profile} into the form for editing. */
    public void edit(ConnectionProfile profile) {
        editing.set(profile);
        fill(profile, profile.name());
    }

    /**
     * Fills the fields from the pasted connection string. A password inside it is not kept: passwords come
     * from the prompt, {@code ~/.pgpass} or {@code PGPASSWORD}.
     */
    public void applyConnectionString() {
        try {
            ConnectionString.Parsed parsed = ConnectionString.parse(connectionString.get(), environment);
            String keepName = name.get();
            fill(parsed.profile(), keepName.isBlank() ? parsed.profile().database() : keepName);
            connectionStringError.set(
                    parsed.password().isPresent()
                            ? "The password in the connection string is not saved; you will be asked for it."
                            : "");
        } catch (ProfileFormatException e) {
            connectionStringError.set(capitalised(e.getMessage()));
        }
    }

    /** Tests the form's profile off the UI thread; the result or a readable error appears in the dialog. */
    public void test() {
        Optional<ConnectionProfile> profile = profile();
        if (profile.isEmpty()) {
            return;
        }
        long mine = ++testGeneration;
        char[] password =
                testPassword.get().isEmpty() ? null : testPassword.get().toCharArray();
        testing.set(true);
        testResult.set("Testing…");
        problem.set(null);
        background.submit(
                "Testing the connection",
                () -> tester.test(profile.get(), password),
                version -> {
                    if (mine == testGeneration) {
                        testing.set(false);
                        testResult.set("Connected: " + version);
                    }
                },
                failure -> {
                    if (mine == testGeneration) {
                        testing.set(false);
                        testResult.set("");
                        problem.set(Problem.describe("Connection test failed", failure));
                    }
                });
    }

    /** Saves the form as a new profile, or over the one being edited. */
    public void save() {
        Optional<ConnectionProfile> profile = profile();
        if (profile.isEmpty()) {
            return;
        }
        ConnectionProfile original = editing.get();
        busy.set(true);
        background.submit(
                "Saving the connection profile",
                () -> {
                    if (original == null) {
                        store.create(profile.get());
                    } else {
                        store.update(original.name(), profile.get());
                    }
                    return store.list();
                },
                list -> {
                    busy.set(false);
                    problem.set(null);
                    profiles.setAll(list);
                    editing.set(profile.get());
                    onSaved.accept(list);
                },
                failure -> {
                    busy.set(false);
                    problem.set(Problem.describe("Could not save the profile", failure));
                });
    }

    /** Deletes the profile being edited. */
    public void delete() {
        ConnectionProfile original = editing.get();
        if (original == null) {
            return;
        }
        busy.set(true);
        background.submit(
                "Deleting the connection profile",
                () -> {
                    store.delete(original.name());
                    return store.list();
                },
                list -> {
                    busy.set(false);
                    profiles.setAll(list);
                    onSaved.accept(list);
                    newProfile();
                },
                failure -> {
                    busy.set(false);
                    problem.set(Problem.describe("Could not delete the profile", failure));
                });
    }

    /** The profile the form describes, or empty when a field is invalid. */
    public Optional<ConnectionProfile> profile() {
        if (!valid.get()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConnectionProfile(
                    name.get().strip(),
                    host.get().strip(),
                    Integer.parseInt(port.get().strip()),
                    database.get().strip(),
                    user.get().strip(),
                    sslMode.get(),
                    editing.get() == null ? Map.of() : editing.get().options()));
        } catch (ProfileFormatException e) {
            problem.set(new Problem("Invalid profile", capitalised(e.getMessage()), ""));
            return Optional.empty();
        }
    }

    private void fill(ConnectionProfile profile, String profileName) {
        name.set(profileName);
        host.set(profile.host());
        port.set(Integer.toString(profile.port()));
        database.set(profile.database());
        user.set(profile.user());
        sslMode.set(profile.sslMode());
        testResult.set("");
        problem.set(null);
    }

    private void validate() {
        String profileName = name.get().strip();
        ConnectionProfile original = editing.get();
        boolean taken = profiles.stream()
                .anyMatch(p -> p.name().equals(profileName)
                        && (original == null || !original.name().equals(profileName)));
        nameError.set(
                profileName.isEmpty()
                        ? "Give the profile a name."
                        : taken ? "A profile named " + profileName + " exists already." : "");
        hostError.set(host.get().isBlank() ? "Enter the server's host name or address." : "");
        portError.set(portMessage(port.get().strip()));
        databaseError.set(database.get().isBlank() ? "Enter the database name." : "");
        userError.set(user.get().isBlank() ? "Enter the user name." : "");
        testResult.set("");
    }

    private static String portMessage(String text) {
        if (text.isEmpty()) {
            return "Enter the port (PostgreSQL's default is 5432).";
        }
        try {
            int value = Integer.parseInt(text);
            return value < 1 || value > 65535 ? "The port must be between 1 and 65535." : "";
        } catch (NumberFormatException e) {
            return "The port must be a number, like 5432.";
        }
    }

    private String defaultUser() {
        return environment.getOrDefault("PGUSER", environment.getOrDefault("USER", "postgres"));
    }

    private static String capitalised(String message) {
        return message == null || message.isEmpty()
                ? ""
                : Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    /** The saved profile the form edits, or null for a new one. */
    public ReadOnlyObjectProperty<ConnectionProfile> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<SslMode> sslModeProperty() {
        return sslMode;
    }

    /** A pasted {@code postgresql://} URI or {@code jdbc:postgresql://} URL. */
    public StringProperty connectionStringProperty() {
        return connectionString;
    }

    /** A password for the Test button only; never saved. */
    public StringProperty testPasswordProperty() {
        return testPassword;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseErrorProperty() {
        return databaseError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userErrorProperty() {
        return userError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionStringErrorProperty() {
        return connectionStringError.getReadOnlyProperty();
    }

    /** Whether every field is valid. */
    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The test's outcome when it succeeded ("Connected: PostgreSQL 17…"). */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** The last failure (test, save, delete), or null. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
