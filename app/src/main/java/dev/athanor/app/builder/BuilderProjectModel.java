package dev.athanor.app.builder;

import dev.athanor.app.task.Background;
import dev.athanor.query.project.CanvasLayout;
import dev.athanor.query.project.ParameterType;
import dev.athanor.query.project.ProjectFile;
import dev.athanor.query.project.QueryParameter;
import dev.athanor.query.project.QueryProject;
import dev.athanor.query.project.SavedQuery;
import dev.athanor.query.project.TableBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saved query projects for the builder: save the built query (model, parameters and canvas layout) into a project
 * file, open a project's query in the builder, and remember recently used projects.
 *
 * <p>Files are read and written through the {@link Background}, never on the UI thread.
 */
public final class BuilderProjectModel {
    private static final int RECENT_LIMIT = 10;

    private final Background background;
    private final QueryBuilderModel builder;
    private final Path recentFile;
    private final ProjectFile files = ProjectFile.standard();
    private final ReadOnlyObjectWrapper<QueryProject> project = new ReadOnlyObjectWrapper<>(QueryProject.empty());
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final StringProperty queryName = new SimpleStringProperty("query");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObservableList<String> queryNames = FXCollections.observableArrayList();

    /**
     * @param background reads and writes files off the UI thread
     * @param builder the builder whose query is saved and into which queries are opened
     * @param recentFile where the list of recent projects is kept, or {@code null} to keep it in memory only
     */
    public BuilderProjectModel(Background background, QueryBuilderModel builder, Path recentFile) {
        this.background = background;
        this.builder = builder;
        this.recentFile = recentFile;
        project.addListener((obs, old, now) ->
                queryNames.setAll(now.queries().stream().map(SavedQuery::name).toList()));
        if (recentFile != null) {
            background.submit(
                    "Reading the recent projects",
                    () -> Files.exists(recentFile)
                            ? Files.readAllLines(recentFile, StandardCharsets.UTF_8)
                            : List.<String>of(),
                    lines -> recent.setAll(lines.stream()
                            .filter(line -> !line.isBlank())
                            .map(Path::of)
                            .toList()),
                    failure -> {});
        }
    }

    /** The project the builder's query belongs to (empty until saved or opened). */
    public ReadOnlyObjectProperty<QueryProject> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** The project's file, or {@code null} before the first save. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The name the built query is saved under in the project. */
    public StringProperty queryNameProperty() {
        return queryName;
    }

    /** The names of the project's queries. */
    public ObservableList<String> queryNames() {
        return queryNames;
    }

    /** Recently saved or opened project files, the newest first. */
    public ObservableList<Path> recent() {
        return recentView;
    }

    /** The built query as the project stores it: model, parameters with their values as defaults, layout. */
    public SavedQuery savedQuery() {
        var parameters = new ArrayList<QueryParameter>();
        builder.parameterValues()
                .forEach((name, value) -> parameters.add(new QueryParameter(name, ParameterType.readAs(value), value)));
        var boxes = new TreeMap<String, TableBox>();
        builder.layout().forEach((alias, box) -> boxes.put(alias, new TableBox(box.x(), box.y(), false)));
        return new SavedQuery(
                queryName.get() == null || queryName.get().isBlank()
                        ? "query"
                        : queryName.get().strip(),
                null,
                builder.statement(),
                parameters,
                new CanvasLayout(1.0, boxes));
    }

    /** Saves the built query into the project at {@code target} (added, or replacing the query of its name). */
    public void save(Path target) {
        var saving = savedQuery();
        var updated = project.get().withQuery(saving);
        background.submit(
                "Saving the query project",
                () -> {
                    files.save(target, updated);
                    return target;
                },
                saved -> {
                    project.set(updated);
                    file.set(saved);
                    remember(saved);
                    builder.markSaved(saving.query());
                    builder.note("Saved " + queryName.get() + " to " + saved.getFileName());
                },
                failure -> builder.note("The project could not be saved: " + QueryBuilderModel.describe(failure)));
    }

    /** Saves into the project's own file; returns false when it has none yet (the view then asks for one). */
    public boolean save() {
        if (file.get() == null) {
            return false;
        }
        save(file.get());
        return true;
    }

    /** Opens the project at {@code source} and its first query (or the one called {@code name}) in the builder. */
    public void open(Path source, String name) {
        background.submit(
                "Opening the query project",
                () -> files.open(source),
                opened -> {
                    project.set(opened.project());
                    file.set(source);
                    remember(source);
                    var queries = opened.project().queries();
                    if (queries.isEmpty()) {
                        builder.note("The project holds no query yet");
                        return;
                    }
                    var chosen = name == null
                            ? queries.getFirst()
                            : opened.project().query(name).orElse(queries.getFirst());
                    show(chosen);
                    if (!opened.notices().isEmpty()) {
                        builder.note(String.join(" ", opened.notices()));
                    }
                },
                failure -> builder.note("The project could not be opened: " + QueryBuilderModel.describe(failure)));
    }

    /** Shows the project's query called {@code name} in the builder. */
    public void openQuery(String name) {
        project.get().query(name).ifPresent(this::show);
    }

    private void show(SavedQuery query) {
        var layout = new HashMap<String, BoxPosition>();
        query.layout().tables().forEach((alias, box) -> layout.put(alias, new BoxPosition(box.x(), box.y())));
        queryName.set(query.name());
        builder.parameterValues().clear();
        for (var parameter : query.parameters()) {
            if (parameter.defaultValue() != null) {
                builder.parameterValues().put(parameter.name(), parameter.defaultValue());
            }
        }
        builder.open(query.query(), Map.copyOf(layout));
        builder.note("Opened " + query.name());
    }

    private void remember(Path path) {
        var absolute = path.toAbsolutePath();
        recent.remove(absolute);
        recent.addFirst(absolute);
        while (recent.size() > RECENT_LIMIT) {
            recent.removeLast();
        }
        if (recentFile != null) {
            var lines = recent.stream().map(Path::toString).toList();
            background.submit(
                    "Remembering the recent projects",
                    () -> {
                        Files.createDirectories(recentFile.toAbsolutePath().getParent());
                        Files.write(recentFile, lines, StandardCharsets.UTF_8);
                        return lines.size();
                    },
                    written -> {},
                    failure -> {});
        }
    }
}
