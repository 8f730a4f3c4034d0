package dev.athanor.app.screens;

import dev.athanor.app.Desktop;
import dev.athanor.app.connect.ConnectionChoice;
import dev.athanor.app.connect.ConnectionDialogModel;
import dev.athanor.app.connect.ConnectionDialogView;
import dev.athanor.app.connect.SampleDatabase;
import dev.athanor.app.results.ResultsGrid;
import dev.athanor.app.schema.ObjectKind;
import dev.athanor.app.schema.SchemaNode;
import dev.athanor.app.task.FxBackground;
import dev.athanor.app.window.LeaveDialog;
import dev.athanor.app.window.MainWindow;
import dev.athanor.app.window.WindowState;
import dev.athanor.files.AthanorDirectories;
import dev.athanor.model.engine.ConnectionProfile;
import dev.athanor.model.engine.PoolSettings;
import dev.athanor.model.engine.SslMode;
import dev.athanor.query.model.TableSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

/**
 * Renders the main screens to PNG files (the {@code athanor screenshots DIR} command), on whatever glass
 * platform the JVM was started with; the launcher picks the headless one.
 *
 * <p>The window is connected to the real sample database, so the pictures show what a user sees. Connection
 * profiles go to a temporary directory: the user's own are neither shown nor touched.
 */
public final class Screenshots {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private Screenshots() {}

    /**
     * The documented showcase queries ({@code docs/examples/showcase.sql}, next to {@code docs/screenshots}), which
     * the console picture shows as a user who opened the file would see them.
     */
    private static Path showcaseFile(Path directory) {
        Path file = directory.toAbsolutePath().resolveSibling("examples").resolve("showcase.sql");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "Screenshots go to the project's docs/screenshots, next to docs/examples/showcase.sql; no " + file);
        }
        return file;
    }

    /** Starts the toolkit, renders each screen into {@code directory} and shuts the toolkit down. */
    public static void render(Path directory) {
        Path config;
        String showcase;
        try {
            Files.createDirectories(directory);
            showcase = Files.readString(showcaseFile(directory));
            config = Files.createTempDirectory("athanor-screenshots");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startToolkit();
        var background = new FxBackground();
        var settings = new Desktop.Settings(
                SampleDatabase.embedded(AthanorDirectories.forUser().sampleDatabase()),
                config,
                Map.of(),
                PoolSettings.defaults());
        Desktop desktop = FxThread.call(() -> new Desktop(settings, background));
        try {
            Stage stage = FxThread.call(() -> show(desktop.window(), WIDTH, HEIGHT));
            FxThread.run(desktop::start);
            FxThread.await(
                    "the sample database",
                    WAIT,
                    () -> desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                            && connected.tree().snapshotProperty().get() != null);
            var resumes = new SchemaNode.DbObject("public", "resumes", ObjectKind.TABLE);
            MainWindow window = desktop.window();
            FxThread.run(() -> window.treeView().select(resumes));
            FxThread.await(
                    "the details of resumes",
                    WAIT,
                    () -> window.detailsView() != null
                            && !window.detailsView().tabs().getTabs().isEmpty()
                            && desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                            && !connected.details().ddlProperty().get().startsWith("-- loading"));

            snapshot(stage, directory.resolve("schema-columns.png"));
            selectDetailsTab(window, "tab-keys-constraints");
            snapshot(stage, directory.resolve("schema-constraints.png"));
            selectDetailsTab(window, "tab-ddl");
            snapshot(stage, directory.resolve("schema-ddl.png"));
            selectDetailsTab(window, "tab-data");
            FxThread.await(
                    "the rows of resumes",
                    WAIT,
                    () -> window.detailsView()
                                            .tabs()
                                            .getSelectionModel()
                                            .getSelectedItem()
                                            .getContent()
                                    instanceof ResultsGrid grid
                            && !grid.table().getItems().isEmpty());
            snapshot(stage, directory.resolve("table-data.png"));
            renderSession(stage, desktop, directory);
            renderRelationships(stage, window, directory);
            selectDetailsTab(window, "tab-columns");

            FxThread.run(() -> {
                window.mainTabs().getTabs().stream()
                        .filter(tab -> "tab-console".equals(tab.getId()))
                        .findFirst()
                        .ifPresent(tab -> window.mainTabs().getSelectionModel().select(tab));
                window.setEchoDivider(0.80); // room for both statements above their results
                window.console().editor().replaceText(showcase);
                window.console().editor().moveTo(0);
                window.console().runScript();
            });
            FxThread.await(
                    "the console's results",
                    WAIT,
                    () -> !window.console().grid().table().getItems().isEmpty()
                            && !window.console().model().runningProperty().get());
            FxThread.run(() -> window.console().editor().showParagraphAtTop(0));
            snapshot(stage, directory.resolve("sql-console.png"));
            FxThread.run(() -> window.setEchoDivider(0.70));
            renderQueryBuilder(stage, window, directory);
            FxThread.run(() -> window.mainTabs().getSelectionModel().select(0));

            FxThread.run(() -> window.setEchoDivider(0.38));
            snapshot(stage, directory.resolve("echo-log.png"));
            FxThread.run(() -> window.setEchoDivider(0.70));

            renderConnectionDialog(desktop, directory.resolve("connection-dialog.png"));
            renderLeaveQuestion(desktop, directory.resolve("leave-question.png"));
        } finally {
            FxThread.run(() -> Platform.setImplicitExit(true));
            FxThread.call(desktop::shutdown).run();
            background.close();
            Platform.exit();
            deleteQuietly(config);
        }
    }

    /** Removes the temporary profile directory; a leftover in the temp directory harms nobody. */
    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Only temporary files: nothing to report.
        }
    }

    /** The builder with a join and a GROUP BY, then its SQL preview, then the chart of its rows. */
    private static void renderQueryBuilder(Stage stage, MainWindow window, Path directory) {
        FxThread.run(() -> {
            window.mainTabs().getSelectionModel().select(2);
            window.setEchoDivider(0.86);
        });
        FxThread.await(
                "the builder's catalog",
                WAIT,
                () -> window.builder() != null
                        && window.builder().model().catalogProperty().get() != null);
        FxThread.run(() -> {
            var builder = window.builder().model();
            String w = builder.addTable("public", "workers", 24, 24);
            String r = builder.addTable("public", "resumes", 330, 60);
            builder.accept(builder.suggestions().getFirst(), TableSource.Join.Type.INNER);
            builder.setColumnSelected(r, "workload", true);
            builder.addColumn("count(*)", "resumes");
            builder.addColumn("avg(" + r + ".compensation)::int", "avg_compensation");
            builder.addGroupBy(r + ".workload");
            builder.setWhere(new dev.athanor.query.model.Predicate.IsNull(
                    dev.athanor.query.model.Expression.column(w, "username"), true));
            window.builder().showClause("Group by");
            builder.run();
        });
        FxThread.await(
                "the builder's rows",
                WAIT,
                () -> window.builder().model().resultProperty().get() != null
                        && !window.builder().model().runningProperty().get());
        FxThread.run(() -> window.builder().showOutput("Results"));
        snapshot(stage, directory.resolve("builder-join-groupby.png"));
        FxThread.run(() -> {
            window.builder().setOutputDivider(0.42);
            window.builder().showOutput("SQL");
        });
        snapshot(stage, directory.resolve("builder-sql-preview.png"));
        FxThread.run(() -> window.builder().showOutput("Chart"));
        snapshot(stage, directory.resolve("builder-chart.png"));
        renderDateFilter(stage, window, directory.resolve("builder-dates.png"));
        FxThread.run(() -> window.setEchoDivider(0.70));
    }

    /** The same query by month since a date: a date literal in Filters, date_trunc in the select list. */
    private static void renderDateFilter(Stage stage, MainWindow window, Path file) {
        FxThread.run(() -> {
            var builder = window.builder().model();
            String r = builder.tables().stream()
                    .filter(table -> table.source().endsWith("resumes"))
                    .findFirst()
                    .orElseThrow()
                    .alias();
            builder.addColumn("date_trunc('month', " + r + ".created_at)", "month");
            builder.addGroupBy("date_trunc('month', " + r + ".created_at)");
            builder.setWhere(dev.athanor.query.model.Predicate.compare(
                    dev.athanor.query.model.Expression.column(r, "created_at"),
                    dev.athanor.query.model.Predicate.Comparison.Operator.GE,
                    dev.athanor.query.model.Expression.date("2012-09-01")));
            window.builder().showClause("Filters");
            window.builder().showOutput("SQL");
        });
        FxThread.await("the SQL with the date", WAIT, () -> String.valueOf(
                        window.builder().model().sqlProperty().get())
                .contains("date '2012-09-01'"));
        snapshot(stage, file);
    }

    private static void renderConnectionDialog(Desktop desktop, Path file) {
        ConnectionDialogModel dialog = FxThread.call(desktop::connectionDialogModel);
        var location =
                FxThread.call(() -> desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                        ? connected.database().engine().profile()
                        : null);
        FxThread.run(() -> {
            dialog.load();
            dialog.newProfile();
            dialog.connectionStringProperty()
                    .set("postgresql://" + location.user() + "@" + location.host() + ":" + location.port() + "/"
                            + location.database());
            dialog.applyConnectionString();
            dialog.nameProperty().set("Sample, as a profile");
            dialog.sslModeProperty().set(SslMode.DISABLE);
            dialog.save();
        });
        FxThread.await("the saved profile", WAIT, () -> dialog.profiles().stream()
                .map(ConnectionProfile::name)
                .anyMatch("Sample, as a profile"::equals));
        FxThread.run(dialog::test);
        FxThread.await(
                "the connection test", WAIT, () -> !dialog.testingProperty().get());
        Stage stage = FxThread.call(() -> show(new ConnectionDialogView(dialog, () -> {}), 820, 560));
        snapshot(stage, file);
        FxThread.run(stage::close);
    }

    /**
     * The question asked when switching connection with a transaction open in the console; answered with Roll
     * back, so the sample database keeps its data. Uses the profile {@link #renderConnectionDialog} saved.
     */
    private static void renderLeaveQuestion(Desktop desktop, Path file) {
        MainWindow window = desktop.window();
        FxThread.run(() -> {
            window.console().editor().replaceText("UPDATE workers SET username = username WHERE id = 1");
            window.console().runCurrent();
        });
        FxThread.await(
                "the console's update",
                WAIT,
                () -> !window.console().model().runningProperty().get());
        FxThread.run(() -> desktop.model().connect(new ConnectionChoice.Saved("Sample, as a profile")));
        FxThread.await("the leave question", WAIT, () -> window.leaveDialog() != null);
        snapshot(
                (Stage) FxThread.call(
                        () -> window.leaveDialog().getDialogPane().getScene().getWindow()),
                file);
        // a result closes the dialog, which answers the model
        FxThread.run(() -> window.leaveDialog().setResult(LeaveDialog.ROLL_BACK));
        FxThread.await(
                "the switch",
                WAIT,
                () -> desktop.model().stateProperty().get() instanceof WindowState.Connected connected
                        && connected.choice() instanceof ConnectionChoice.Saved);
    }

    /**
     * The Edit tab of resumes with rows in mixed states (changed, new, marked for deletion, expired) and the
     * Session panel showing them; everything is rolled back afterwards.
     */
    private static void renderSession(Stage stage, Desktop desktop, Path directory) {
        MainWindow window = desktop.window();
        var session = ((WindowState.Connected) desktop.model().stateProperty().get()).session();
        selectDetailsTab(window, "tab-edit");
        FxThread.await(
                "the rows of resumes in the session",
                WAIT,
                () -> window.editTab().view() != null
                        && window.editTab().view().model().rows().size() > 5);
        var model = window.editTab().view().model();
        FxThread.run(() -> {
            // The last rows of the page, so that the new row added below them shows too.
            var rows = model.rows();
            int n = rows.size();
            model.set(rows.get(n - 6), "compensation", "95000");
            model.set(rows.get(n - 5), "title", "Senior Python Developer");
            model.setNull(rows.get(n - 5), "compensation");
            model.delete(rows.get(n - 3));
            session.expire(rows.get(n - 2).row());
            model.add();
        });
        FxThread.await("the new row", WAIT, () -> model.rows().getLast().state().startsWith("pending"));
        FxThread.run(() -> {
            model.set(model.rows().getLast(), "title", "Java Developer");
            model.set(model.rows().getLast(), "workload", "parttime");
            model.set(model.rows().getLast(), "worker_id", "1");
        });
        FxThread.await(
                "the edits",
                WAIT,
                () -> model.rows().getLast().modified().contains(true)
                        && session.snapshotProperty().get().plan().contains("insert"));
        FxThread.run(() -> window.editTab().view().grid().scrollTo(model.rows().size() - 1));
        snapshot(stage, directory.resolve("session-edit-grid.png"));
        FxThread.run(() -> window.mainTabs().getTabs().stream()
                .filter(tab -> "tab-session".equals(tab.getId()))
                .findFirst()
                .ifPresent(tab -> window.mainTabs().getSelectionModel().select(tab)));
        snapshot(stage, directory.resolve("session-panel.png"));
        FxThread.run(() -> {
            session.rollback();
            window.mainTabs().getSelectionModel().select(0);
        });
        FxThread.await(
                "the rollback", WAIT, () -> !session.snapshotProperty().get().pending());
    }

    /**
     * The object graph of the first workers: resumes loaded with selectin for all of them, the worker with the most
     * resumes opened, the vacancies of its resumes loaded with selectin, and the worker reached again through a
     * resume; then the strategy lab comparing every strategy on 200 workers' resumes.
     */
    private static void renderRelationships(Stage stage, MainWindow window, Path directory) {
        var graph = window.graphView();
        var model = graph.model();
        FxThread.run(() -> {
            window.showGraph();
            window.setEchoDivider(0.80);
            model.openTable(new dev.athanor.model.catalog.QualifiedName("public", "workers"));
        });
        FxThread.await(
                "the workers' graph",
                WAIT,
                () -> !model.roots().isEmpty() && !model.busyProperty().get());
        var workers = FxThread.call(() -> List.copyOf(model.roots()));
        var worker = richest(model, workers, "resumes", dev.athanor.model.relationship.LoaderStrategy.SELECTIN);
        var resumes = relationship(worker, "resumes");
        var resume =
                richest(model, resumes.children(), "vacancies", dev.athanor.model.relationship.LoaderStrategy.SELECTIN);
        var back = relationship(resume, "worker");
        FxThread.run(() -> model.expand(back));
        FxThread.await(
                "the resume's worker",
                WAIT,
                () -> back.loaded().get() && !model.busyProperty().get());
        // the selectin load of every worker's resumes: the SQL worth showing
        FxThread.run(() -> model.reload(resumes));
        FxThread.await(
                "the reload",
                WAIT,
                () -> !model.busyProperty().get() && model.costProperty().get().contains("resumes with selectin"));
        FxThread.run(() -> {
            for (var node : List.<dev.athanor.app.graph.GraphNode>of(
                    worker, resumes, resume, relationship(resume, "vacancies"), back)) {
                graph.find(graph.tree().getRoot(), node).orElseThrow().setExpanded(true);
            }
            graph.select(resumes);
            graph.tree()
                    .scrollTo(Math.max(
                            0,
                            graph.tree()
                                            .getRow(graph.find(graph.tree().getRoot(), worker)
                                                    .orElseThrow())
                                    - 2));
        });
        snapshot(stage, directory.resolve("relationship-browser.png"));

        FxThread.run(() -> {
            window.mainTabs().getTabs().stream()
                    .filter(tab -> "tab-lab".equals(tab.getId()))
                    .findFirst()
                    .ifPresent(tab -> window.mainTabs().getSelectionModel().select(tab));
            var lab = window.labView().model();
            lab.tableProperty().set("workers");
            lab.limitProperty().set(200);
            lab.pathProperty().set("resumes");
            lab.eagerFilterProperty().set("workload = 'parttime'");
            lab.run();
        });
        FxThread.await(
                "the strategy lab",
                WAIT,
                () -> !window.labView().model().runningProperty().get()
                        && !window.labView().model().outcomes().isEmpty());
        FxThread.run(() -> window.labView().table().getSelectionModel().select(2));
        snapshot(stage, directory.resolve("strategy-lab.png"));
        FxThread.run(() -> {
            window.setEchoDivider(0.70);
            window.mainTabs().getSelectionModel().select(0);
        });
    }

    /**
     * Loads {@code name} of the first object with {@code strategy} (which fills it for every object beside it),
     * shows it for each (nothing sent), and returns the object with the most rows there.
     */
    private static dev.athanor.app.graph.GraphNode.ObjectNode richest(
            dev.athanor.app.graph.ObjectGraphModel model,
            List<dev.athanor.app.graph.GraphNode.ObjectNode> objects,
            String name,
            dev.athanor.model.relationship.LoaderStrategy strategy) {
        FxThread.run(() -> {
            model.choose(relationship(objects.getFirst(), name).relationship(), strategy);
            objects.forEach(object -> model.expand(relationship(object, name)));
        });
        FxThread.await(
                name,
                WAIT,
                () -> !model.busyProperty().get()
                        && objects.stream()
                                .allMatch(object ->
                                        relationship(object, name).loaded().get()));
        return objects.stream()
                .max(java.util.Comparator.comparingInt(
                        object -> relationship(object, name).children().size()))
                .orElseThrow();
    }

    private static dev.athanor.app.graph.GraphNode.RelationshipNode relationship(
            dev.athanor.app.graph.GraphNode.ObjectNode object, String name) {
        return object.children().stream()
                .filter(line -> line.label().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(object.label() + " has no relationship " + name));
    }

    private static void selectDetailsTab(MainWindow window, String id) {
        FxThread.run(() -> {
            for (Tab tab : window.detailsView().tabs().getTabs()) {
                if (id.equals(tab.getId())) {
                    window.detailsView().tabs().getSelectionModel().select(tab);
                }
            }
        });
    }

    private static Stage show(Parent root, double width, double height) {
        var stage = new Stage();
        var scene = new Scene(root, width, height);
        MainWindow.style(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void snapshot(Stage stage, Path file) {
        FxThread.settle();
        var image = FxThread.call(() -> stage.getScene().snapshot(null));
        try {
            PngFile.write(image, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void startToolkit() {
        var started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
